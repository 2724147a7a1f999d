package org.loyaltykpi.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.ParameterCovariance;
import org.loyaltykpi.clv.ParameterInterval;

/**
 * The fit JSON documents of the job, field for field those of {@code loyalty clv fit} (DESIGN.md's CLI contract):
 * pretty-printed, undefined numbers as {@code null}, a final newline. ({@code cohort.json} is rendered by the
 * command line's own builder, {@link LoyaltySparkJob#cohortJson}.)
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** The confidence level of the intervals, as {@code loyalty clv fit} writes them. */
    private static final double INTERVAL_LEVEL = 0.95;

    private JsonOutput() {}

    static void fit(Writer out, ModelFit fit) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("model", fit.model());
            // lower-kebab as every enum of the command line's JSON ("weeks")
            g.writeStringField(
                    "timeUnit",
                    fit.timeUnit()
                            .map(u ->
                                    u.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                            .orElse(""));
            g.writeNumberField("customers", fit.customers());
            g.writeObjectFieldStart("params");
            for (Parameter p : fit.parameters()) {
                g.writeNumberField(p.name(), p.value());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("standardErrors");
            for (Parameter p : fit.parameters()) {
                if (p.standardError().isPresent()) {
                    g.writeNumberField(p.name(), p.standardError().getAsDouble());
                } else {
                    g.writeNullField(p.name());
                }
            }
            g.writeEndObject();
            g.writeNumberField("logLikelihood", fit.logLikelihood());
            g.writeBooleanField("converged", fit.converged());
            g.writeArrayFieldStart("warnings");
            for (String w : fit.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            uncertainty(g, fit);
            g.writeEndObject();
            g.flush();
            g.writeRaw('\n');
        }
    }

    /** The fit's covariance (log scale) and 95% Wald intervals, or two nulls without a positive definite Hessian. */
    private static void uncertainty(JsonGenerator g, ModelFit fit) throws IOException {
        if (fit.covariance().isEmpty()) {
            g.writeNullField("covariance");
            g.writeNullField("intervals");
            return;
        }
        ParameterCovariance c = fit.covariance().get();
        g.writeObjectFieldStart("covariance");
        g.writeStringField("scale", "log");
        for (int i = 0; i < c.size(); i++) {
            g.writeObjectFieldStart(c.names().get(i));
            for (int j = 0; j < c.size(); j++) {
                g.writeNumberField(c.names().get(j), c.get(i, j));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("intervals");
        g.writeNumberField("level", INTERVAL_LEVEL);
        for (ParameterInterval interval : fit.intervals(INTERVAL_LEVEL)) {
            g.writeObjectFieldStart(interval.name());
            g.writeNumberField("low", interval.low());
            g.writeNumberField("high", interval.high());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }
}
