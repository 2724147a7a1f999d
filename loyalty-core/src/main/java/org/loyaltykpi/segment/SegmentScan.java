package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The scan behind {@link SegmentCalculator#overview}: every segment family in one parallel pass over ranges of the
 * table's customers, each customer's run of rows walked once for all of them while it is in cache, into one partial
 * result per range (distribution accumulators, the lifecycle series' accumulator, churn counts, the RFM columns) that
 * merge. The customers with survey answers or reviews but no purchase are added after the pass; the RFM scores, which
 * need every customer's values at once, are a second parallel pass over three primitive columns.
 */
final class SegmentScan {
    private static final int CUSTOMERS_PER_TASK = 1 << 12;
    private static final ChurnReason[] REASONS = ChurnReason.values();

    private SegmentScan() {}

    /** One range's results. */
    private static final class Partial {
        final SegmentDistributionAccumulator<LoyaltyLevel> levels;
        final SegmentDistributionAccumulator<LifecycleStage> stages;
        final LifecycleScan.SeriesAccumulator series;
        final long[] byReason = new long[REASONS.length];
        long judged;
        long flagged;
        int scored;
        final List<ChurnRisk> firstFlagged = new ArrayList<>();

        Partial(int scale, int[] seriesDays) {
            levels = new SegmentDistributionAccumulator<>(LoyaltyLevel.class, scale);
            stages = new SegmentDistributionAccumulator<>(LifecycleStage.class, scale);
            series = seriesDays.length < 2 ? null : new LifecycleScan.SeriesAccumulator(seriesDays, scale);
        }

        /** Adds the range right after this one's. */
        Partial merge(Partial right, int listed) {
            levels.merge(right.levels);
            stages.merge(right.stages);
            if (series != null) {
                series.merge(right.series);
            }
            for (int r = 0; r < byReason.length; r++) {
                byReason[r] += right.byReason[r];
            }
            judged += right.judged;
            flagged += right.flagged;
            scored += right.scored;
            for (ChurnRisk risk : right.firstFlagged) {
                if (firstFlagged.size() >= listed) {
                    break;
                }
                firstFlagged.add(risk);
            }
            return this;
        }
    }

    static SegmentOverview overview(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            LocalDate asOf,
            DateRange seriesRange,
            Granularity granularity,
            int listed) {
        LevelOptions levelOptions = LevelOptions.defaults();
        LifecycleOptions lifecycleOptions = LifecycleOptions.defaults();
        ChurnRiskOptions churnOptions = ChurnRiskOptions.defaults();
        Optional<org.loyaltykpi.clv.TransactionModel> noModel = Optional.empty();
        int day = Rows.day(asOf);
        int[] asOfDay = {day};
        int scale = table.amountScale();
        List<DateRange> periods = granularity.periodsCovering(seriesRange);
        int[] seriesDays = periods.isEmpty() ? new int[0] : LifecycleScan.seriesDays(periods);
        // the first contact of every customer and, for the loyalty levels, the winning attitude before the day
        Signals signals = Signals.of(responses, reviews, levelOptions.passiveAttitude(), day);
        List<Signals.Customer> outside = new ArrayList<>();
        Signals.Customer[] contacts = signals.byTableIndex(table, outside);
        RfmScan.Columns rfm = new RfmScan.Columns(table, day);
        Partial all = ParallelScans.scan(
                table.customerCount(),
                CUSTOMERS_PER_TASK,
                (from, to) -> {
                    Partial p = new Partial(scale, seriesDays);
                    long[] behaviour = new long[2];
                    double[] values = new double[REASONS.length];
                    for (int c = from; c < to; c++) {
                        Signals.Customer mine = contacts[c];
                        add(p, table, c, mine, day, asOfDay, levelOptions, lifecycleOptions, behaviour);
                        if (rfm.fill(c)) {
                            p.scored++;
                        }
                        int reasons = ChurnScan.judge(table, c, day, churnOptions, noModel, values);
                        if (reasons != ChurnScan.NOT_JUDGED) {
                            p.judged++;
                            if (reasons != 0) {
                                p.flagged++;
                                for (ChurnReason reason : REASONS) {
                                    if ((reasons & (1 << reason.ordinal())) != 0) {
                                        p.byReason[reason.ordinal()]++;
                                    }
                                }
                                if (p.firstFlagged.size() < listed) {
                                    p.firstFlagged.add(ChurnScan.risk(table, c, reasons, values, churnOptions));
                                }
                            }
                        }
                    }
                    return p;
                },
                (left, right) -> left.merge(right, listed));
        long[] behaviour = new long[2];
        for (Signals.Customer only : outside) {
            add(all, table, -1, only, day, asOfDay, levelOptions, lifecycleOptions, behaviour);
        }
        RfmScan.Quintiles quintiles = rfm.quintiles(all.scored);
        SegmentDistributionAccumulator<RfmSegment> segments = ParallelScans.scan(
                table.customerCount(),
                CUSTOMERS_PER_TASK,
                (from, to) -> {
                    SegmentDistributionAccumulator<RfmSegment> acc =
                            new SegmentDistributionAccumulator<>(RfmSegment.class, scale);
                    for (int c = from; c < to; c++) {
                        if (rfm.scored(c)) {
                            acc.add(rfm.segment(c, quintiles), rfm.monetary[c]);
                        }
                    }
                    return acc;
                },
                SegmentDistributionAccumulator::merge);
        Map<ChurnReason, Long> byReason = new EnumMap<>(ChurnReason.class);
        for (ChurnReason reason : REASONS) {
            byReason.put(reason, all.byReason[reason.ordinal()]);
        }
        LifecycleSeries series = all.series == null
                ? new LifecycleSeries(
                        granularity,
                        periods,
                        SegmentDistribution.empty(LifecycleStage.class, scale),
                        List.of(),
                        List.of())
                : all.series.snapshot(granularity, periods);
        return new SegmentOverview(
                asOf,
                all.levels.snapshot(),
                all.stages.snapshot(),
                series,
                segments.snapshot(),
                new ChurnRiskSummary(
                        asOf, churnOptions, Optional.empty(), all.judged, all.flagged, byReason, all.firstFlagged));
    }

    /** Adds one customer's loyalty level, lifecycle stage and lifecycle series (table index {@code c}, or -1). */
    private static void add(
            Partial p,
            PurchaseTable table,
            int c,
            Signals.Customer contacts,
            int day,
            int[] asOfDay,
            LevelOptions levelOptions,
            LifecycleOptions lifecycleOptions,
            long[] behaviour) {
        LoyaltyLevel level = LevelScan.classify(
                table, c, contacts == null ? null : contacts.attitude(), day, levelOptions, behaviour);
        if (level != null) {
            p.levels.add(level, behaviour[1]);
        }
        int firstContact = contacts == null ? Integer.MAX_VALUE : contacts.firstContact;
        LifecycleScan.walk(table, c, firstContact, asOfDay, lifecycleOptions, (state, k) -> {
            p.stages.add(state.stage, state.netRevenue);
            return true;
        });
        if (p.series != null) {
            p.series.add(table, c, firstContact, lifecycleOptions);
        }
    }
}
