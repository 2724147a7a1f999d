package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.domain.PurchaseTable;

/** The churn-risk flags behind {@link SegmentCalculator#churnRisk}. */
final class ChurnScan {
    private static final ChurnReason[] REASONS = ChurnReason.values();

    /** What {@link #judge} returns for a customer with no purchase before the day: not judged. */
    static final int NOT_JUDGED = -1;

    private ChurnScan() {}

    static ChurnRiskReport risk(
            PurchaseTable table, LocalDate asOf, ChurnRiskOptions options, Optional<TransactionModel> model) {
        int day = Rows.day(asOf);
        List<ChurnRisk> flagged = new ArrayList<>();
        double[] values = new double[REASONS.length];
        int judged = 0;
        for (int c = 0; c < table.customerCount(); c++) {
            int reasons = judge(table, c, day, options, model, values);
            if (reasons == NOT_JUDGED) {
                continue;
            }
            judged++;
            if (reasons != 0) {
                flagged.add(risk(table, c, reasons, values, options));
            }
        }
        return new ChurnRiskReport(asOf, options, model.map(TransactionModel::name), judged, flagged);
    }

    /**
     * Judges one customer as of a day.
     *
     * @param values receives the value of each reason that applies, by ordinal
     * @return {@link #NOT_JUDGED} without a purchase before the day, else the reasons that apply as bits by ordinal (0:
     *     not flagged)
     */
    static int judge(
            PurchaseTable table,
            int c,
            int day,
            ChurnRiskOptions options,
            Optional<TransactionModel> model,
            double[] values) {
        int window = options.recentWindowDays();
        int first = table.firstRow(c);
        int end = Rows.atOrAfter(table, c, day);
        if (end == first) {
            return NOT_JUDGED;
        }
        int reasons = 0;
        int firstDay = table.epochDay(first);
        int recentFrom = Rows.atOrAfter(table, c, day - window);
        int earlier = Rows.distinctDays(table, first, recentFrom);
        int recent = Rows.distinctDays(table, recentFrom, end);
        long history = (long) day - window - firstDay;
        if (history >= window && earlier >= 2) {
            double expected = (double) earlier * window / history;
            double ratio = recent / expected;
            if (ratio < options.decliningRatio()) {
                reasons |= 1 << ChurnReason.DECLINING_ACTIVITY.ordinal();
                values[ChurnReason.DECLINING_ACTIVITY.ordinal()] = ratio;
            }
        }
        long sinceFirst = (long) day - firstDay;
        if (earlier + recent == 1 && sinceFirst > options.noRepeatDays()) {
            reasons |= 1 << ChurnReason.NO_REPEAT.ordinal();
            values[ChurnReason.NO_REPEAT.ordinal()] = sinceFirst;
        }
        if (model.isPresent()) {
            // The model's (x, t_x, T) as BtydSummary.of(table, asOf - 1 day, unit) defines them, read off the rows
            // already at hand: x = purchase days - 1, t_x = last - first purchase day, T = (asOf - 1) - first.
            TransactionModel m = model.get();
            TimeScale unit = m.timeUnit();
            int lastDay = table.epochDay(end - 1);
            double alive = m.probabilityAlive(
                    earlier + recent - 1, unit.fromDays(lastDay - firstDay), unit.fromDays(day - 1 - firstDay));
            if (alive < options.pAliveThreshold()) {
                reasons |= 1 << ChurnReason.LOW_P_ALIVE.ordinal();
                values[ChurnReason.LOW_P_ALIVE.ordinal()] = alive;
            }
        }
        return reasons;
    }

    /** The flagged customer of {@link #judge}'s reasons and values, its signals in {@link ChurnReason} order. */
    static ChurnRisk risk(PurchaseTable table, int c, int reasons, double[] values, ChurnRiskOptions options) {
        List<ChurnSignal> signals = new ArrayList<>(REASONS.length);
        for (ChurnReason reason : REASONS) {
            if ((reasons & (1 << reason.ordinal())) != 0) {
                signals.add(new ChurnSignal(reason, values[reason.ordinal()], threshold(reason, options)));
            }
        }
        return new ChurnRisk(table.customer(c), signals);
    }

    private static double threshold(ChurnReason reason, ChurnRiskOptions options) {
        return switch (reason) {
            case DECLINING_ACTIVITY -> options.decliningRatio();
            case NO_REPEAT -> options.noRepeatDays();
            case LOW_P_ALIVE -> options.pAliveThreshold();
        };
    }
}
