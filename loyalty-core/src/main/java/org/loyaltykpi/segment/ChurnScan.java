package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.domain.PurchaseTable;

/** The churn-risk flags behind {@link SegmentCalculator#churnRisk}. */
final class ChurnScan {
    private ChurnScan() {}

    static ChurnRiskReport risk(
            PurchaseTable table, LocalDate asOf, ChurnRiskOptions options, Optional<TransactionModel> model) {
        int day = Rows.day(asOf);
        int window = options.recentWindowDays();
        // The models' summary as of the day: purchases up to the day before, the same customers in the same order.
        Optional<BtydSummary> summary = model.map(m -> BtydSummary.of(table, asOf.minusDays(1), m.timeUnit()));
        List<ChurnRisk> flagged = new ArrayList<>();
        int judged = 0;
        for (int c = 0; c < table.customerCount(); c++) {
            int first = table.firstRow(c);
            int end = Rows.atOrAfter(table, c, day);
            if (end == first) {
                continue;
            }
            int row = judged++;
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
                BtydSummary s = summary.orElseThrow();
                double alive = model.get().probabilityAlive(s.frequency(row), s.recency(row), s.age(row));
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
