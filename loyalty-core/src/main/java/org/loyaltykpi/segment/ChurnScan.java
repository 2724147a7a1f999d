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
    private ChurnScan() {}

    static ChurnRiskReport risk(
            PurchaseTable table, LocalDate asOf, ChurnRiskOptions options, Optional<TransactionModel> model) {
        int day = Rows.day(asOf);
        int window = options.recentWindowDays();
        List<ChurnRisk> flagged = new ArrayList<>();
        int judged = 0;
        for (int c = 0; c < table.customerCount(); c++) {
            int first = table.firstRow(c);
            int end = Rows.atOrAfter(table, c, day);
            if (end == first) {
                continue;
            }
            judged++;
            int firstDay = table.epochDay(first);
            int recentFrom = Rows.atOrAfter(table, c, day - window);
            int earlier = Rows.distinctDays(table, first, recentFrom);
            int recent = Rows.distinctDays(table, recentFrom, end);
            long history = (long) day - window - firstDay;
            List<ChurnSignal> signals = new ArrayList<>(3);
            if (history >= window && earlier >= 2) {
                double expected = (double) earlier * window / history;
                double ratio = recent / expected;
                if (ratio < options.decliningRatio()) {
                    signals.add(new ChurnSignal(ChurnReason.DECLINING_ACTIVITY, ratio, options.decliningRatio()));
                }
            }
            long sinceFirst = (long) day - firstDay;
            if (earlier + recent == 1 && sinceFirst > options.noRepeatDays()) {
                signals.add(new ChurnSignal(ChurnReason.NO_REPEAT, sinceFirst, options.noRepeatDays()));
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
                    signals.add(new ChurnSignal(ChurnReason.LOW_P_ALIVE, alive, options.pAliveThreshold()));
                }
            }
            if (!signals.isEmpty()) {
                flagged.add(new ChurnRisk(table.customer(c), signals));
            }
        }
        return new ChurnRiskReport(asOf, options, model.map(TransactionModel::name), judged, flagged);
    }
}
