package org.loyaltykpi.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.loyaltykpi.segment.Shops.buy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

/** Churn-risk reasons on a hand-made shop as of 2024-07-01, default options (90-day window, ratio 0.5). */
class ChurnRiskTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);

    /** A monthly buyer on the given day of the month, from July 2023 to the given month of 2024. */
    static List<Purchase> monthly(String customer, int dayOfMonth, int lastMonth2024) {
        List<Purchase> purchases = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 7, dayOfMonth);
                !d.isAfter(LocalDate.of(2024, lastMonth2024, dayOfMonth));
                d = d.plusMonths(1)) {
            purchases.add(buy(customer, d.toString(), "20.00"));
        }
        return purchases;
    }

    static final List<Purchase> SHOP = new ArrayList<>();

    static {
        SHOP.addAll(monthly("D", 1, 3)); // stopped in March: nothing in [04-02, 07-01)
        SHOP.addAll(monthly("S", 15, 6)); // steady
        SHOP.add(buy("N", "2024-03-01", "20.00")); // one purchase 122 days ago
        SHOP.add(buy("M", "2024-05-01", "20.00")); // one purchase 61 days ago
        SHOP.add(buy("Y", "2024-05-01", "20.00"));
        SHOP.add(buy("Y", "2024-05-20", "20.00")); // too young for a rate of its own
    }

    static Map<String, ChurnRisk> flagged(ChurnRiskReport report) {
        return Shops.byId(report.flagged(), ChurnRisk::customer);
    }

    @Test
    void decliningActivityComparesTheRecentWindowWithTheCustomersOwnEarlierRate() {
        ChurnRiskReport report = SegmentCalculator.churnRisk(
                PurchaseTable.of(SHOP), AS_OF, ChurnRiskOptions.defaults(), Optional.empty());
        var f = flagged(report);
        assertThat(f).containsOnlyKeys("D", "N");
        // D: 9 earlier purchase days over 2023-07-01..2024-04-02 (276 days), none recent: ratio 0.
        assertThat(f.get("D").signals()).containsExactly(new ChurnSignal(ChurnReason.DECLINING_ACTIVITY, 0, 0.5));
        assertThat(report.customers()).isEqualTo(5);
        assertThat(report.model()).isEmpty();
    }

    @Test
    void theSteadyBuyersRatioIsRecentOverExpectedDays() {
        // S: 9 days before 04-02 over 262 days, so 9 * 90 / 262 = 3.09 expected, 3 recent: ratio 0.97; flagged only
        // when the threshold is above it.
        ChurnRiskReport report = SegmentCalculator.churnRisk(
                PurchaseTable.of(SHOP), AS_OF, ChurnRiskOptions.defaults().withDecliningRatio(1), Optional.empty());
        ChurnSignal s = flagged(report).get("S").signals().get(0);
        assertThat(s.reason()).isEqualTo(ChurnReason.DECLINING_ACTIVITY);
        assertThat(s.value()).isCloseTo(3 / (9 * 90.0 / 262), within(1e-12));
    }

    @Test
    void noRepeatFlagsOneTimeBuyersOlderThanTheThreshold() {
        var f = flagged(SegmentCalculator.churnRisk(
                PurchaseTable.of(SHOP), AS_OF, ChurnRiskOptions.defaults().withNoRepeatDays(60), Optional.empty()));
        assertThat(f.get("N").signals()).containsExactly(new ChurnSignal(ChurnReason.NO_REPEAT, 122, 60));
        assertThat(f.get("M").signals()).containsExactly(new ChurnSignal(ChurnReason.NO_REPEAT, 61, 60));
        assertThat(f).doesNotContainKey("Y");
    }

    @Test
    void lowProbabilityAliveUsesTheModelOnTheSummaryUpToTheDayBefore() {
        // BG/NBD in days; the summary by hand: x = purchase days - 1, t_x = last - first, T = (as-of - 1) - first.
        TransactionModel model = BgNbdModel.of(0.25, 30, 0.8, 2.4, TimeScale.DAYS);
        ChurnRiskReport report = SegmentCalculator.churnRisk(
                PurchaseTable.of(SHOP),
                AS_OF,
                ChurnRiskOptions.defaults().withPAliveThreshold(0.9),
                Optional.of(model));
        int asOf = (int) AS_OF.toEpochDay();
        int dFirst = (int) LocalDate.of(2023, 7, 1).toEpochDay();
        int dLast = (int) LocalDate.of(2024, 3, 1).toEpochDay();
        double pD = model.probabilityAlive(8, dLast - dFirst, asOf - 1 - dFirst);
        assertThat(pD).isLessThan(0.9);
        ChurnRisk d = flagged(report).get("D");
        assertThat(d.signals()).hasSize(2);
        assertThat(d.signals().get(1).reason()).isEqualTo(ChurnReason.LOW_P_ALIVE);
        assertThat(d.signals().get(1).value()).isCloseTo(pD, within(1e-12));
        // BG/NBD keeps one-time buyers alive (P = 1): N is flagged for no repeat only.
        assertThat(flagged(report).get("N").has(ChurnReason.LOW_P_ALIVE)).isFalse();
        assertThat(report.model()).contains("bg-nbd");
        assertThat(report.count(ChurnReason.LOW_P_ALIVE))
                .isEqualTo(report.flagged().stream()
                        .filter(r -> r.has(ChurnReason.LOW_P_ALIVE))
                        .count());
    }

    @Test
    void countsPerReasonAndTheFlaggedShareAreOverTheJudgedCustomers() {
        ChurnRiskReport report = SegmentCalculator.churnRisk(
                PurchaseTable.of(SHOP), AS_OF, ChurnRiskOptions.defaults(), Optional.empty());
        assertThat(report.count(ChurnReason.DECLINING_ACTIVITY)).isEqualTo(1);
        assertThat(report.count(ChurnReason.NO_REPEAT)).isEqualTo(1);
        assertThat(report.count(ChurnReason.LOW_P_ALIVE)).isZero();
        assertThat(report.flaggedShare()).isEqualTo(org.loyaltykpi.domain.Ratio.of(2, 5));
    }

    @Test
    void optionsRejectValuesOutsideTheirRangeNamingThem() {
        assertThatThrownBy(() -> ChurnRiskOptions.defaults().withDecliningRatio(0))
                .hasMessageContaining("decliningRatio must be in (0, 1]: 0.0");
        assertThatThrownBy(() -> ChurnRiskOptions.defaults().withPAliveThreshold(1.5))
                .hasMessageContaining("pAliveThreshold");
        assertThatThrownBy(() -> ChurnRiskOptions.defaults().withRecentWindowDays(0))
                .hasMessageContaining("recentWindowDays");
        assertThatThrownBy(() -> ChurnRiskOptions.defaults().withNoRepeatDays(0))
                .hasMessageContaining("noRepeatDays");
        assertThatThrownBy(() -> new ChurnRisk(org.loyaltykpi.domain.CustomerId.of("X"), List.of()))
                .hasMessageContaining("at least one signal");
    }
}
