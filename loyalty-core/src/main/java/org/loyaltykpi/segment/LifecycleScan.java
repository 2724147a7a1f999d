package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.Money;

/**
 * The lifecycle classification behind {@link SegmentCalculator#lifecycle} and {@link
 * SegmentCalculator#lifecycleSeries}: each customer's run of rows is walked once over increasing as-of days, keeping
 * the running purchase days, spend and last day.
 */
final class LifecycleScan {
    private static final LifecycleStage[] STAGES = LifecycleStage.values();

    private LifecycleScan() {}

    /** One customer's state as of one day; {@code stage} null when it is no customer yet. */
    static final class State {
        LifecycleStage stage;
        int purchaseDays;
        int lastDay;
        /** The purchases' amounts before the day. */
        long revenue;
        /** The revenue net of the customer's refunds before the day, at least 0. */
        long netRevenue;
        /**
         * Whether the stage and the net revenue are the same on every later day: lapsed with no purchase and no refund
         * to come, or a prospect that never buys.
         */
        boolean settled;
    }

    /** Receives a customer's state as of the {@code k}-th day of a walk. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param state the state, its stage not null
         * @param k the day's index
         * @return whether to go on to the later days
         */
        boolean accept(State state, int k);
    }

    /**
     * Walks one customer over increasing as-of days, calling {@code sink} with its state at each day on which it is a
     * customer (the days before its first purchase and first contact are skipped), until the sink declines.
     */
    static void walk(
            PurchaseTable table, int c, int firstContact, int[] asOfDays, LifecycleOptions options, Sink sink) {
        State state = new State();
        int row = c < 0 ? 0 : table.firstRow(c);
        int end = c < 0 ? 0 : table.endRow(c);
        // no customer as of a day up to its first purchase day and its first contact day
        int before = c < 0 ? firstContact : Math.min(firstContact, table.epochDay(row));
        int k = firstAfter(asOfDays, before);
        int previousDay = Integer.MIN_VALUE;
        for (; k < asOfDays.length; k++) {
            int day = asOfDays[k];
            for (; row < end && table.epochDay(row) < day; row++) {
                int d = table.epochDay(row);
                if (d != previousDay) {
                    state.purchaseDays++;
                    previousDay = d;
                }
                state.revenue = Math.addExact(state.revenue, table.amountMinorUnits(row));
                state.lastDay = d;
            }
            state.netRevenue = c < 0
                    ? 0
                    : Math.max(
                            0, Math.addExact(state.revenue, table.customerRefundMinorUnits(c, Integer.MIN_VALUE, day)));
            state.stage = stage(table, c, state, row, firstContact, day, options);
            state.settled = c < 0
                    ? state.stage == LifecycleStage.PROSPECT
                    : state.stage == LifecycleStage.LAPSED
                            && row == end
                            && table.customerRefundMinorUnits(c, day, Integer.MAX_VALUE) == 0;
            if (!sink.accept(state, k)) {
                return;
            }
        }
    }

    /** The index of the first of the increasing days after {@code day} (their length if none). */
    private static int firstAfter(int[] days, int day) {
        int low = 0;
        int high = days.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (days[middle] <= day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The stage as of a day; {@code rowsBefore} is the end of the customer's rows before the day. */
    private static LifecycleStage stage(
            PurchaseTable table,
            int c,
            State state,
            int rowsBefore,
            int firstContact,
            int day,
            LifecycleOptions options) {
        if (state.purchaseDays == 0) {
            return firstContact < day ? LifecycleStage.PROSPECT : null;
        }
        long since = (long) day - state.lastDay;
        if (since > options.lapsedDays()) {
            return LifecycleStage.LAPSED;
        }
        if (since > options.atRiskDays()) {
            return LifecycleStage.AT_RISK;
        }
        // Active periods: k = 1..lookback, period k the days [day - k P, day - (k - 1) P); a purchase d days before
        // the day is in period ceil(d / P). The rows before the day, newest first, give non-decreasing periods.
        long period = options.periodDays();
        int active = 0;
        long lastPeriod = 0;
        for (int r = rowsBefore - 1; r >= table.firstRow(c); r--) {
            long k = ((long) day - table.epochDay(r) + period - 1) / period;
            if (k > options.lookbackPeriods()) {
                break;
            }
            if (k != lastPeriod) {
                active++;
                lastPeriod = k;
            }
        }
        if (active >= options.loyalPeriods()) {
            return LifecycleStage.LOYAL;
        }
        return state.purchaseDays >= 2 ? LifecycleStage.REPEAT : LifecycleStage.FIRST_PURCHASE;
    }

    static LifecycleStages stages(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            LocalDate asOf,
            LifecycleOptions options) {
        int[] days = {Rows.day(asOf)};
        int scale = table.amountScale();
        Signals signals = Signals.contacts(responses, reviews);
        List<CustomerStage> rows = new ArrayList<>();
        signals.forEachCustomer(
                table,
                (id, c, contacts) -> walk(
                        table,
                        c,
                        contacts == null ? Integer.MAX_VALUE : contacts.firstContact,
                        days,
                        options,
                        (state, k) -> {
                            rows.add(new CustomerStage(
                                    new CustomerId(id),
                                    state.stage,
                                    state.purchaseDays,
                                    state.purchaseDays == 0
                                            ? OptionalInt.empty()
                                            : OptionalInt.of(days[0] - state.lastDay),
                                    Money.fromMinorUnits(state.netRevenue, scale)));
                            return true;
                        }));
        return new LifecycleStages(asOf, options, scale, rows);
    }

    static LifecycleSeries series(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            DateRange range,
            Granularity granularity,
            LifecycleOptions options) {
        List<DateRange> periods = granularity.periodsCovering(range);
        int scale = table.amountScale();
        if (periods.isEmpty()) {
            return new LifecycleSeries(
                    granularity, periods, SegmentDistribution.empty(LifecycleStage.class, scale), List.of(), List.of());
        }
        SeriesAccumulator accumulator = new SeriesAccumulator(seriesDays(periods), scale);
        Signals signals = Signals.contacts(responses, reviews);
        signals.forEachCustomer(
                table,
                (id, c, contacts) -> accumulator.add(
                        table, c, contacts == null ? Integer.MAX_VALUE : contacts.firstContact, options));
        return accumulator.snapshot(granularity, periods);
    }

    /** The as-of days of a series of periods: the first period's start, then every period's end. */
    static int[] seriesDays(List<DateRange> periods) {
        int[] days = new int[periods.size() + 1];
        days[0] = Rows.day(periods.get(0).start());
        for (int k = 0; k < periods.size(); k++) {
            days[k + 1] = Rows.day(periods.get(k).endExclusive());
        }
        return days;
    }

    /**
     * A lifecycle series filled one customer at a time: the stage distribution as of each day of {@link #seriesDays}
     * and the flow between consecutive days. Split the customers anywhere, {@link #merge}, and the snapshot is the
     * same. Not thread-safe.
     */
    static final class SeriesAccumulator {
        private final int[] days;
        private final int scale;
        private final List<SegmentDistributionAccumulator<LifecycleStage>> distributions = new ArrayList<>();
        private final long[][][] flows;
        /**
         * The settled customers from each day on: their count and net revenue per stage; each is in that stage on
         * every later day too, and stays in it between consecutive days (added up in {@link #snapshot}).
         */
        private final long[][] settledFrom;

        private final long[][] settledRevenueFrom;
        private int previous;

        SeriesAccumulator(int[] days, int scale) {
            this.days = days;
            this.scale = scale;
            for (int k = 0; k < days.length; k++) {
                distributions.add(new SegmentDistributionAccumulator<>(LifecycleStage.class, scale));
            }
            flows = new long[days.length - 1][STAGES.length + 1][STAGES.length];
            settledFrom = new long[days.length][STAGES.length];
            settledRevenueFrom = new long[days.length][STAGES.length];
        }

        /** Adds one customer (table index {@code c}, or -1 without purchases) first in contact on a day. */
        void add(PurchaseTable table, int c, int firstContact, LifecycleOptions options) {
            previous = STAGES.length;
            walk(table, c, firstContact, days, options, (state, k) -> {
                int stage = state.stage.ordinal();
                distributions.get(k).add(state.stage, state.netRevenue);
                if (k > 0) {
                    flows[k - 1][previous][stage]++;
                }
                previous = stage;
                if (state.settled && k + 1 < days.length) {
                    settledFrom[k + 1][stage]++;
                    settledRevenueFrom[k + 1][stage] =
                            Math.addExact(settledRevenueFrom[k + 1][stage], state.netRevenue);
                    return false;
                }
                return true;
            });
        }

        /** Adds everything another accumulator of the same days has seen. */
        void merge(SeriesAccumulator other) {
            for (int k = 0; k < days.length; k++) {
                distributions.get(k).merge(other.distributions.get(k));
                for (int s = 0; s < STAGES.length; s++) {
                    settledFrom[k][s] += other.settledFrom[k][s];
                    settledRevenueFrom[k][s] = Math.addExact(settledRevenueFrom[k][s], other.settledRevenueFrom[k][s]);
                }
            }
            for (int k = 0; k < flows.length; k++) {
                for (int from = 0; from < flows[k].length; from++) {
                    for (int to = 0; to < flows[k][from].length; to++) {
                        flows[k][from][to] += other.flows[k][from][to];
                    }
                }
            }
        }

        /** The series of the periods whose days this accumulator has. */
        LifecycleSeries snapshot(Granularity granularity, List<DateRange> periods) {
            List<SegmentDistribution<LifecycleStage>> stages = new ArrayList<>();
            List<StageTransitions> transitions = new ArrayList<>();
            long[] settled = new long[STAGES.length];
            long[] settledRevenue = new long[STAGES.length];
            for (int k = 0; k < periods.size(); k++) {
                long[][] flow = new long[flows[k].length][];
                for (int from = 0; from < flow.length; from++) {
                    flow[from] = flows[k][from].clone();
                }
                for (int s = 0; s < STAGES.length; s++) {
                    settled[s] += settledFrom[k + 1][s];
                    settledRevenue[s] = Math.addExact(settledRevenue[s], settledRevenueFrom[k + 1][s]);
                    flow[s][s] += settled[s];
                }
                stages.add(distributions
                        .get(k + 1)
                        .snapshot()
                        .plus(SegmentDistribution.of(LifecycleStage.class, scale, settled, settledRevenue)));
                transitions.add(StageTransitions.of(periods.get(k), flow));
            }
            return new LifecycleSeries(
                    granularity, periods, distributions.get(0).snapshot(), stages, transitions);
        }
    }
}
