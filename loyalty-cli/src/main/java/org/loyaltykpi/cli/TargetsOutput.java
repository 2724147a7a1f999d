package org.loyaltykpi.cli;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.loyaltykpi.target.TargetEvaluation;
import org.loyaltykpi.target.TargetPeriod;
import org.loyaltykpi.target.TargetStatus;

/** Renders target evaluations as text, CSV and JSON, shared by {@code loyalty targets} and the report. */
final class TargetsOutput {
    private TargetsOutput() {}

    private static String number(OptionalDouble x) {
        return x.isPresent() ? String.format(Locale.ROOT, "%.2f", x.getAsDouble()) : "";
    }

    static String text(List<TargetEvaluation> evaluations) {
        return text(evaluations, Integer.MAX_VALUE);
    }

    /** The summary table, then per target its latest {@code periods} periods at most. */
    static String text(List<TargetEvaluation> evaluations, int periods) {
        StringBuilder out = new StringBuilder();
        TextTable summary = TextTable.aligned(
                "llrrrrl", "target", "latest", "met", "on track", "missed", "no data", "latest status");
        for (TargetEvaluation e : evaluations) {
            summary.row(
                    e.target().toString(),
                    e.latest().map(p -> p.period().label()).orElse("-"),
                    Long.toString(e.count(TargetStatus.MET)),
                    Long.toString(e.count(TargetStatus.ON_TRACK)),
                    Long.toString(e.count(TargetStatus.MISSED)),
                    Long.toString(e.count(TargetStatus.NO_DATA)),
                    e.latest()
                            .map(p -> p.status() + " (gap " + number(p.gap()) + ")")
                            .orElse("NO_DATA"));
        }
        out.append(summary.render("  "));
        for (TargetEvaluation e : evaluations) {
            out.append('\n').append("  ").append(e.target()).append(e.unit().isEmpty() ? "" : " [" + e.unit() + "]");
            out.append('\n');
            TextTable t = TextTable.aligned("lrrrrl", "period", "value", "required", "path", "gap", "status");
            List<TargetPeriod> all = e.periods();
            for (TargetPeriod p : all.subList(Math.max(0, all.size() - periods), all.size())) {
                t.row(
                        p.period().label(),
                        orDash(number(p.value())),
                        orDash(number(p.required())),
                        orDash(number(p.path())),
                        orDash(number(p.gap())),
                        p.status().name());
            }
            out.append(t.render("    "));
        }
        return out.toString();
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    static String csv(List<TargetEvaluation> evaluations) {
        StringBuilder out = new StringBuilder("metric,target,period,value,required,path,gap,status\n");
        for (TargetEvaluation e : evaluations) {
            for (TargetPeriod p : e.periods()) {
                out.append(e.target().metric())
                        .append(",\"")
                        .append(e.target())
                        .append("\",")
                        .append(p.period().label())
                        .append(',')
                        .append(number(p.value()))
                        .append(',')
                        .append(number(p.required()))
                        .append(',')
                        .append(number(p.path()))
                        .append(',')
                        .append(number(p.gap()))
                        .append(',')
                        .append(p.status().name())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** Writes {@code "targets": [...]} into the current object. */
    static void json(Json json, List<TargetEvaluation> evaluations) {
        json.beginArray("targets");
        for (TargetEvaluation e : evaluations) {
            json.beginElement()
                    .field("metric", e.target().metric())
                    .field("target", e.target().toString())
                    .field("kind", e.target().kind().name())
                    .field("unit", e.unit());
            json.beginArray("periods");
            for (TargetPeriod p : e.periods()) {
                json.beginElement()
                        .field("period", p.period().label())
                        .field("value", p.value())
                        .field("required", p.required())
                        .field("path", p.path())
                        .field("gap", p.gap())
                        .field("status", p.status().name())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
    }
}
