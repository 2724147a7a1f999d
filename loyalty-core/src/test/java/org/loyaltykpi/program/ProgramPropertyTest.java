package org.loyaltykpi.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Tier;

/** Laws of the program metrics: invariants, split-and-merge, relabelling and a naive reference. */
class ProgramPropertyTest {
    private static final long SEED = 20261125L;
    private static final DateRange RANGE = DateRange.parse("2023-01-01/2026-01-01");

    /** A small sample shop of a seed: purchases and its events. */
    private static final class Shop {
        final PurchaseTable table;
        final List<ProgramEvent> events;

        Shop(long seed) {
            SampleShop shop = SampleShop.standard().withCustomers(150).withSeed(seed);
            table = shop.purchases();
            events = shop.programEvents(table);
        }
    }

    @Nested
    class Invariants {

        @Test
        void everyRateLiesIn0To1() {
            qt().withFixedSeed(SEED).withExamples(20).forAll(longs().all()).checkAssert(seed -> {
                Shop shop = new Shop(seed);
                for (ProgramPeriod p : ProgramCalculator.series(shop.table, shop.events, RANGE, Granularity.QUARTER)) {
                    for (Ratio r : List.of(p.participationRate(), p.activeMemberRate(), p.referralRate())) {
                        r.value().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
                    }
                    p.balance().redemptionRate().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
                }
            });
        }

        @Test
        void theLiabilityIsEarnedMinusRedeemedAndNeverNegative() {
            qt().withFixedSeed(SEED).withExamples(20).forAll(longs().all()).checkAssert(seed -> {
                Shop shop = new Shop(seed);
                for (ProgramPeriod p : ProgramCalculator.series(shop.table, shop.events, RANGE, Granularity.QUARTER)) {
                    assertThat(p.balance().outstanding())
                            .isEqualTo(p.balance().earned() - p.balance().redeemed())
                            .isGreaterThanOrEqualTo(0);
                }
            });
        }

        @Test
        void tierSharesSumTo100Percent() {
            qt().withFixedSeed(SEED)
                    .withExamples(20)
                    .forAll(longs().all(), integers().between(0, 1000))
                    .checkAssert((seed, offset) -> {
                        Shop shop = new Shop(seed);
                        LocalDate from = LocalDate.of(2023, 1, 1).plusDays(offset);
                        TierDistribution d = ProgramCalculator.tierDistribution(shop.events, from);
                        if (d.members() > 0) {
                            double sum = d.untieredShare().percent().getAsDouble();
                            for (Tier t : Tier.values()) {
                                sum += d.share(t).percent().getAsDouble();
                            }
                            assertThat(sum).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
                        }
                    });
        }

        @Test
        void migrationRowsSumToTheFirstDaysTierCounts() {
            qt().withFixedSeed(SEED)
                    .withExamples(20)
                    .forAll(longs().all(), integers().between(0, 1000))
                    .checkAssert((seed, offset) -> {
                        Shop shop = new Shop(seed);
                        LocalDate from = LocalDate.of(2023, 1, 1).plusDays(offset);
                        LocalDate to = from.plusDays(90);
                        TierDistribution d = ProgramCalculator.tierDistribution(shop.events, from);
                        TierMigration m = ProgramCalculator.tierMigration(shop.events, from, to);
                        assertThat(m.rowTotal(Optional.empty())).isEqualTo(d.untiered());
                        for (Tier t : Tier.values()) {
                            assertThat(m.rowTotal(Optional.of(t))).isEqualTo(d.count(t));
                        }
                    });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void relabellingCustomersKeepsEveryProgramMetric() {
            qt().withFixedSeed(SEED).withExamples(10).forAll(longs().all()).checkAssert(seed -> {
                Shop shop = new Shop(seed);
                Map<CustomerId, CustomerId> names = new HashMap<>();
                for (int c = 0; c < shop.table.customerCount(); c++) {
                    names.put(shop.table.customer(c), CustomerId.of("x" + (shop.table.customerCount() - c)));
                }
                PurchaseTable table = PurchaseTable.of(shop.table.stream()
                        .map(p ->
                                new Purchase(names.get(p.customer()), p.date(), p.amount(), p.category(), p.quantity()))
                        .collect(Collectors.toList()));
                List<ProgramEvent> events = shop.events.stream()
                        .map(e -> new ProgramEvent(
                                names.get(e.customer()),
                                e.date(),
                                e.kind(),
                                e.points(),
                                e.tier(),
                                e.referred().map(names::get)))
                        .collect(Collectors.toList());
                assertThat(ProgramCalculator.series(table, events, RANGE, Granularity.QUARTER))
                        .isEqualTo(ProgramCalculator.series(shop.table, shop.events, RANGE, Granularity.QUARTER));
                assertThat(ProgramCalculator.tierDistribution(events, LocalDate.of(2025, 6, 30)))
                        .isEqualTo(ProgramCalculator.tierDistribution(shop.events, LocalDate.of(2025, 6, 30)));
            });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void everyMembersTierIsThatOfItsLatestTierEventOnOrBeforeTheDay() {
            qt().withFixedSeed(SEED)
                    .withExamples(20)
                    .forAll(longs().all(), integers().between(0, 1000))
                    .checkAssert((seed, offset) -> {
                        Shop shop = new Shop(seed);
                        LocalDate day = LocalDate.of(2023, 1, 1).plusDays(offset);
                        // Naive: each member's events sorted by day, then kind (a stable sort), walked to the day.
                        Map<CustomerId, List<ProgramEvent>> byCustomer = new HashMap<>();
                        shop.events.forEach(e -> byCustomer
                                .computeIfAbsent(e.customer(), id -> new ArrayList<>())
                                .add(e));
                        Map<Tier, Long> counts = new HashMap<>();
                        long untiered = 0;
                        for (List<ProgramEvent> own : byCustomer.values()) {
                            own.sort(java.util.Comparator.comparing(ProgramEvent::date)
                                    .thenComparing(ProgramEvent::kind));
                            if (own.get(0).date().isAfter(day)) {
                                continue;
                            }
                            Optional<Tier> tier = Optional.empty();
                            for (ProgramEvent e : own) {
                                if (!e.date().isAfter(day) && e.tier().isPresent()) {
                                    tier = e.tier();
                                }
                            }
                            if (tier.isPresent()) {
                                counts.merge(tier.get(), 1L, Long::sum);
                            } else {
                                untiered++;
                            }
                        }
                        TierDistribution d = ProgramCalculator.tierDistribution(shop.events, day);
                        assertThat(d.untiered()).isEqualTo(untiered);
                        for (Tier t : Tier.values()) {
                            assertThat(d.count(t)).isEqualTo(counts.getOrDefault(t, 0L));
                        }
                    });
        }

        @Test
        void theTiersOnSeveralDaysFromOnePassAreTheTiersOfEachDayAlone() {
            qt().withFixedSeed(SEED).withExamples(10).forAll(longs().all()).checkAssert(seed -> {
                Shop shop = new Shop(seed);
                List<LocalDate> days = Granularity.QUARTER.periodsCovering(RANGE).stream()
                        .map(p -> p.endExclusive().minusDays(1))
                        .toList();
                assertThat(ProgramCalculator.tierDistributions(shop.events, days))
                        .isEqualTo(days.stream()
                                .map(day -> ProgramCalculator.tierDistribution(shop.events, day))
                                .toList());
            });
        }

        @Test
        void theSeriesAgreesWithANaiveCountPerPeriod() {
            qt().withFixedSeed(SEED).withExamples(10).forAll(longs().all()).checkAssert(seed -> {
                Shop shop = new Shop(seed);
                List<Purchase> purchases = shop.table.stream().collect(Collectors.toList());
                for (ProgramPeriod p : ProgramCalculator.series(shop.table, shop.events, RANGE, Granularity.YEAR)) {
                    LocalDate end = p.period().endExclusive();
                    Set<CustomerId> customers = new HashSet<>();
                    Set<CustomerId> members = new HashSet<>();
                    Set<CustomerId> activeAny = new HashSet<>();
                    long earned = 0;
                    for (Purchase x : purchases) {
                        if (x.date().isBefore(end)) {
                            customers.add(x.customer());
                        }
                        if (p.period().contains(x.date())) {
                            activeAny.add(x.customer());
                        }
                    }
                    for (ProgramEvent e : shop.events) {
                        if (e.date().isBefore(end)) {
                            customers.add(e.customer());
                            members.add(e.customer());
                            if (e.kind() == ProgramEvent.Kind.EARN) {
                                earned += e.points();
                            }
                        }
                        if (p.period().contains(e.date())) {
                            activeAny.add(e.customer());
                        }
                    }
                    List<CustomerId> active = new ArrayList<>(activeAny);
                    active.retainAll(members);
                    assertThat(p.customers()).isEqualTo(customers.size());
                    assertThat(p.members()).isEqualTo(members.size());
                    assertThat(p.activeMembers()).isEqualTo(active.size());
                    assertThat(p.balance().earned()).isEqualTo(earned);
                }
            });
        }
    }

    @Nested
    class SplitAndMerge {

        @Test
        void splittingTheEventsAnywhereAndMergingThePointsGivesThePointsOfAll() {
            qt().withFixedSeed(SEED)
                    .withExamples(20)
                    .forAll(longs().all(), integers().between(0, 100))
                    .checkAssert((seed, percent) -> {
                        List<ProgramEvent> events = new Shop(seed).events;
                        int cut = events.size() * percent / 100;
                        PointsSummaryAccumulator left = new PointsSummaryAccumulator().addAll(events.subList(0, cut));
                        PointsSummaryAccumulator right =
                                new PointsSummaryAccumulator().addAll(events.subList(cut, events.size()));
                        assertThat(left.merge(right).snapshot()).isEqualTo(ProgramCalculator.points(events));
                    });
        }
    }
}
