package org.loyaltykpi.survey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * A whole survey's metrics (NPS, CSAT, CES, CSI; see {@link SurveySummary}) in one pass, and their breakdowns by
 * segment and by period, the trend series.
 *
 * <pre>{@code
 * List<SurveyResponse> responses = SurveyCsv.read(Path.of("answers.csv"), SurveyCsvOptions.defaults());
 * SurveySummary all = SurveyCalculator.summarize(responses, SurveyOptions.defaults());
 * List<SurveyGroup> bySegment = SurveyCalculator.bySegment(responses, SurveyOptions.defaults());
 * List<SurveyGroup> byMonth = SurveyCalculator.byPeriod(responses, Granularity.MONTH, SurveyOptions.defaults());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SurveyCalculator {
    private SurveyCalculator() {}

    /**
     * A collector of a survey's answers into its summary.
     *
     * @param options how CSI is scored
     * @return the collector; it works on parallel streams
     */
    public static Collector<SurveyResponse, ?, SurveySummary> toSummary(SurveyOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        return Collector.of(
                () -> new SurveySummaryAccumulator(options),
                SurveySummaryAccumulator::add,
                SurveySummaryAccumulator::merge,
                SurveySummaryAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * A collector with the default options.
     *
     * @return the collector
     */
    public static Collector<SurveyResponse, ?, SurveySummary> toSummary() {
        return toSummary(SurveyOptions.defaults());
    }

    /**
     * The summary of a survey's answers.
     *
     * @param responses the answers
     * @param options how CSI is scored
     * @return the summary; every metric empty with no answers
     */
    public static SurveySummary summarize(Collection<SurveyResponse> responses, SurveyOptions options) {
        return new SurveySummaryAccumulator(options).addAll(responses).snapshot();
    }

    /**
     * The summary per segment, segments in name order, then the answers without a segment (if any) as {@value
     * SurveyGroup#NO_SEGMENT}.
     *
     * @param responses the answers
     * @param options how CSI is scored
     * @return one group per segment; none with no answers
     */
    public static List<SurveyGroup> bySegment(Collection<SurveyResponse> responses, SurveyOptions options) {
        Map<String, SurveySummaryAccumulator> segments = new TreeMap<>();
        SurveySummaryAccumulator none = new SurveySummaryAccumulator(options);
        boolean anyWithout = false;
        for (SurveyResponse r : responses) {
            if (r.segment().isPresent()) {
                segments.computeIfAbsent(r.segment().get(), s -> new SurveySummaryAccumulator(options))
                        .add(r);
            } else {
                none.add(r);
                anyWithout = true;
            }
        }
        List<SurveyGroup> groups = new ArrayList<>(segments.size() + 1);
        segments.forEach(
                (name, acc) -> groups.add(new SurveyGroup(name, Optional.of(name), Optional.empty(), acc.snapshot())));
        if (anyWithout) {
            groups.add(new SurveyGroup(SurveyGroup.NO_SEGMENT, Optional.empty(), Optional.empty(), none.snapshot()));
        }
        return List.copyOf(groups);
    }

    /**
     * The summary per period, every period from the first answer's to the last one's, in order; periods without
     * answers are in the series with empty metrics, so gaps show.
     *
     * @param responses the answers
     * @param granularity the period length: month, quarter, year, ...
     * @param options how CSI is scored
     * @return the trend series; empty with no answers
     */
    public static List<SurveyGroup> byPeriod(
            Collection<SurveyResponse> responses, Granularity granularity, SurveyOptions options) {
        Objects.requireNonNull(granularity, "granularity must not be null");
        Map<Long, SurveySummaryAccumulator> periods = new TreeMap<>();
        for (SurveyResponse r : responses) {
            periods.computeIfAbsent(granularity.ordinal(r.date()), o -> new SurveySummaryAccumulator(options))
                    .add(r);
        }
        if (periods.isEmpty()) {
            return List.of();
        }
        long first = ((TreeMap<Long, SurveySummaryAccumulator>) periods).firstKey();
        long last = ((TreeMap<Long, SurveySummaryAccumulator>) periods).lastKey();
        granularity.checkPeriods(
                first,
                last,
                org.loyaltykpi.domain.LimitExceededException.MAX_PERIODS,
                "a breakdown",
                spanOf(responses));
        List<SurveyGroup> series = new ArrayList<>();
        for (long o = first; o <= last; o++) {
            DateRange period = granularity.period(o);
            SurveySummaryAccumulator acc = periods.getOrDefault(o, new SurveySummaryAccumulator(options));
            series.add(new SurveyGroup(period.label(), Optional.empty(), Optional.of(period), acc.snapshot()));
        }
        return List.copyOf(series);
    }

    /** The earliest and latest answers, for a message: "the answers (the earliest: respondent R1 on ...)". */
    private static String spanOf(Collection<SurveyResponse> responses) {
        SurveyResponse earliest = null;
        SurveyResponse latest = null;
        for (SurveyResponse r : responses) {
            if (earliest == null || r.date().isBefore(earliest.date())) {
                earliest = r;
            }
            if (latest == null || r.date().isAfter(latest.date())) {
                latest = r;
            }
        }
        return earliest == null
                ? "no answers"
                : "the answers (the earliest: respondent " + earliest.respondent() + " on " + earliest.date()
                        + ", the latest: respondent " + latest.respondent() + " on " + latest.date() + ")";
    }
}
