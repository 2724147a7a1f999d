package org.loyaltykpi.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Tier;

class ProgramCalculatorTest {
    private static final CustomerId A = CustomerId.of("A");
    private static final CustomerId B = CustomerId.of("B");
    private static final CustomerId C = CustomerId.of("C");
    private static final CustomerId D = CustomerId.of("D");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Purchase buy(CustomerId who, String day, String amount) {
        return Purchase.of(who, d(day), new BigDecimal(amount));
    }

    /** A, B, C buy in January; A and B join; A buys again in February; D (referred by A) first buys in February. */
    private static final PurchaseTable TABLE = PurchaseTable.of(
            buy(A, "2025-01-05", "40.00"),
            buy(B, "2025-01-06", "10.00"),
            buy(C, "2025-01-07", "25.00"),
            buy(A, "2025-02-03", "60.00"),
            buy(D, "2025-02-20", "15.00"));

    private static final List<ProgramEvent> EVENTS = List.of(
            ProgramEvent.enrol(A, d("2025-01-05"), Tier.BRONZE),
            ProgramEvent.earn(A, d("2025-01-05"), 40),
            ProgramEvent.enrol(B, d("2025-01-06")),
            ProgramEvent.earn(B, d("2025-01-06"), 10),
            ProgramEvent.earn(A, d("2025-02-03"), 60),
            ProgramEvent.tierChange(A, d("2025-02-03"), Tier.SILVER),
            ProgramEvent.redeem(A, d("2025-02-03"), 80),
            ProgramEvent.referral(A, d("2025-02-10"), D));

    @Test
    void monthlyProgramMetricsFollowTheirDefinitionsOnAHandCountedExample() {
        List<ProgramPeriod> s =
                ProgramCalculator.series(TABLE, EVENTS, DateRange.parse("2025-01-01/2025-03-01"), Granularity.MONTH);
        ProgramPeriod jan = s.get(0);
        assertThat(jan.participationRate()).isEqualTo(Ratio.of(2, 3)); // A, B of A, B, C
        assertThat(jan.activeMemberRate()).isEqualTo(Ratio.of(2, 2));
        assertThat(jan.newMembers()).isEqualTo(2);
        assertThat(jan.points()).isEqualTo(new PointsSummary(50, 0));
        assertThat(jan.referralRate()).isEqualTo(Ratio.of(0, 2));
        assertThat(jan.referredPerReferrer()).isEmpty();
        ProgramPeriod feb = s.get(1);
        assertThat(feb.participationRate()).isEqualTo(Ratio.of(2, 4)); // D is a customer now, not a member
        assertThat(feb.activeMemberRate()).isEqualTo(Ratio.of(1, 2)); // B did nothing in February
        assertThat(feb.points().redemptionRate().getAsDouble()).isCloseTo(80.0 / 60, within(1e-12));
        assertThat(feb.balance()).isEqualTo(new PointsSummary(110, 80));
        assertThat(feb.balance().outstanding()).isEqualTo(30);
        assertThat(feb.referralRate()).isEqualTo(Ratio.of(1, 2));
        assertThat(feb.referredPerReferrer()).hasValue(1.0);
    }

    @Test
    void theLiabilityInMoneyIsTheOutstandingPointsTimesThePointValue() {
        PointsSummary p = ProgramCalculator.points(EVENTS);
        assertThat(p).isEqualTo(new PointsSummary(110, 80));
        assertThat(p.liability(new BigDecimal("0.05"))).isEqualByComparingTo("1.50");
        assertThat(p.redemptionRate().getAsDouble()).isCloseTo(80.0 / 110, within(1e-12));
        assertThat(PointsSummary.empty().redemptionRate()).isEmpty();
        assertThat(EVENTS.parallelStream().collect(ProgramCalculator.toPoints()))
                .isEqualTo(p);
    }

    @Test
    void tierDistributionCountsEachMembersLatestTierAndUntieredMembersApart() {
        TierDistribution jan = ProgramCalculator.tierDistribution(EVENTS, d("2025-01-31"));
        assertThat(jan.count(Tier.BRONZE)).isEqualTo(1);
        assertThat(jan.untiered()).isEqualTo(1); // B enrolled without a tier
        assertThat(jan.members()).isEqualTo(2);
        TierDistribution feb = ProgramCalculator.tierDistribution(EVENTS, d("2025-02-03"));
        assertThat(feb.count(Tier.SILVER)).isEqualTo(1);
        assertThat(feb.share(Tier.SILVER)).isEqualTo(Ratio.of(1, 2));
        assertThat(ProgramCalculator.tierDistribution(EVENTS, d("2024-12-31")).members())
                .isZero();
    }

    @Test
    void tierMigrationRowsAreTheMembersOfTheFirstDayByTier() {
        TierMigration m = ProgramCalculator.tierMigration(EVENTS, d("2025-01-31"), d("2025-02-28"));
        assertThat(m.count(Optional.of(Tier.BRONZE), Optional.of(Tier.SILVER))).isEqualTo(1);
        assertThat(m.count(Optional.empty(), Optional.empty())).isEqualTo(1);
        assertThat(m.rowTotal(Optional.of(Tier.BRONZE))).isEqualTo(1);
        assertThat(m.rowTotal(Optional.of(Tier.GOLD))).isZero();
    }

    @Test
    void liftComparesMembersWithExistingNonMembersActiveInTheSameWindow() {
        PurchaseTable table = PurchaseTable.of(
                buy(A, "2024-12-01", "10.00"),
                buy(A, "2025-01-05", "30.00"),
                buy(A, "2025-01-20", "30.00"),
                buy(C, "2024-12-02", "10.00"),
                buy(C, "2025-01-07", "20.00"),
                buy(B, "2024-12-03", "10.00"),
                buy(B, "2025-01-08", "50.00"),
                buy(D, "2025-01-09", "99.00"));
        List<ProgramEvent> events = List.of(
                ProgramEvent.enrol(A, d("2024-12-01")), ProgramEvent.enrol(B, d("2025-01-08"))); // B joins within
        ProgramLift lift = ProgramCalculator.lift(table, events, DateRange.month(2025, 1));
        // Members: A (2 purchases, 2 days, 60.00). Non-members: C (1 purchase, 20.00); B joined in the window, D is
        // new.
        assertThat(lift.members().activeCustomers()).isEqualTo(1);
        assertThat(lift.nonMembers().activeCustomers()).isEqualTo(1);
        assertThat(lift.frequencyLift()).hasValue(1.0);
        assertThat(lift.averageOrderValueLift().getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(lift.repeatRateLift()).isEmpty(); // the non-members' repeat rate is 0
    }

    @Test
    void eventsRejectBadFieldsNamingTheFieldAndValue() {
        assertThatThrownBy(() -> ProgramEvent.earn(A, d("2025-01-01"), -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points")
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> new ProgramEvent(
                        A, d("2025-01-01"), ProgramEvent.Kind.TIER_CHANGE, 0, Optional.empty(), Optional.empty()))
                .hasMessageContaining("tier");
        assertThatThrownBy(() -> new ProgramEvent(
                        A, d("2025-01-01"), ProgramEvent.Kind.REFERRAL, 0, Optional.empty(), Optional.empty()))
                .hasMessageContaining("referred");
        assertThatThrownBy(() -> ProgramEvent.referral(A, d("2025-01-01"), A)).hasMessageContaining("A");
        assertThatThrownBy(() -> Tier.parse("diamond")).hasMessageContaining("'diamond'");
        assertThatThrownBy(() -> ProgramEvent.Kind.parse("join")).hasMessageContaining("'join'");
        assertThatThrownBy(() -> new PointsSummary(-1, 0)).hasMessageContaining("-1");
    }
}
