package org.loyaltykpi.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltykpi.domain.PurchaseGenerators.BASE;
import static org.loyaltykpi.domain.PurchaseGenerators.DAYS;
import static org.loyaltykpi.domain.PurchaseGenerators.purchaseLists;
import static org.loyaltykpi.domain.PurchaseGenerators.seeds;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseGenerators;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.survey.NpsCategory;
import org.quicktheories.core.Gen;

/**
 * Laws of loyalty levels, lifecycle stages, RFM scores and churn flags over random small shops (see {@link
 * PurchaseGenerators}) with random survey answers and reviews of the same customers (some of whom never buy).
 */
class SegmentPropertyTest {

    /** A shop: purchases, answers, reviews. */
    record Shop(List<Purchase> purchases, List<SurveyResponse> answers, List<Review> reviews) {
        PurchaseTable table() {
            return PurchaseTable.of(purchases);
        }

        Shop map(UnaryOperator<String> id, long shiftDays) {
            return new Shop(
                    purchases.stream()
                            .map(p -> new Purchase(
                                    CustomerId.of(id.apply(p.customer().value())),
                                    p.date().plusDays(shiftDays),
                                    p.amount(),
                                    p.category(),
                                    p.quantity()))
                            .toList(),
                    answers.stream()
                            .map(a -> SurveyResponse.of(
                                    CustomerId.of(id.apply(a.respondent().value())),
                                    a.date().plusDays(shiftDays),
                                    a.question(),
                                    a.score(),
                                    a.scale()))
                            .toList(),
                    reviews.stream()
                            .map(r -> new Review(
                                    CustomerId.of(id.apply(r.customer().value())),
                                    r.date().plusDays(shiftDays),
                                    r.rating(),
                                    r.label()))
                            .toList());
        }
    }

    static final Gen<Object> SIGNAL = integers()
            .between(1, 8)
            .zip(
                    integers().between(0, DAYS - 1),
                    integers().between(0, 2),
                    integers().between(0, 10),
                    (c, d, k, s) -> {
                        CustomerId id = CustomerId.of("C" + c);
                        LocalDate day = BASE.plusDays(d);
                        if (k == 0) {
                            return SurveyResponse.of(id, day, "nps", s, Scale.NPS);
                        }
                        if (k == 1) {
                            return SurveyResponse.of(id, day, s % 2 == 0 ? "csat" : "ces", 1 + s % 5, Scale.CSAT);
                        }
                        return Review.ofRating(id, day, 1 + s % 5);
                    });

    static final Gen<Shop> SHOPS = purchaseLists().zip(lists().of(SIGNAL).ofSizeBetween(0, 12), (p, signals) -> {
        List<SurveyResponse> answers = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        for (Object s : signals) {
            if (s instanceof SurveyResponse a) {
                answers.add(a);
            } else {
                reviews.add((Review) s);
            }
        }
        return new Shop(p, answers, reviews);
    });

    static final Gen<LocalDate> AS_OF = integers().between(0, DAYS + 30).map(BASE::plusDays);

    static final Gen<LevelOptions> LEVEL_OPTIONS = integers()
            .between(1, 60)
            .zip(
                    integers().between(2, 4),
                    integers().between(1, 60),
                    integers().between(0, 1),
                    (w, m, c, p) -> new LevelOptions(w, m, c, p == 0 ? Attitude.LOW : Attitude.HIGH));

    static final Gen<LifecycleOptions> LIFECYCLE_OPTIONS = integers()
            .between(1, 30)
            .zip(
                    integers().between(1, 30),
                    integers().between(1, 30),
                    integers().between(2, 4),
                    (risk, more, period, lookback) -> new LifecycleOptions(
                            risk, risk + more, period, 2 + (risk + period) % (lookback - 1), lookback));

    static final Gen<ChurnRiskOptions> CHURN_OPTIONS = integers()
            .between(1, 40)
            .zip(
                    integers().between(1, 10),
                    integers().between(1, 60),
                    (w, r, n) -> new ChurnRiskOptions(w, r / 10.0, n, 0.5));

    /** The relabelling of {@link PurchaseGenerators#relabelled}: C1..C8 to customer-1..8 by a seeded bijection. */
    static UnaryOperator<String> relabelling(long seed) {
        List<Integer> targets = PurchaseGenerators.shuffled(List.of(1, 2, 3, 4, 5, 6, 7, 8), seed);
        return id -> "customer-" + (9 - targets.get(Integer.parseInt(id.substring(1)) - 1));
    }

    // ---- naive references, written plainly over the records ----

    static int day(LocalDate d) {
        return (int) d.toEpochDay();
    }

    static Map<String, List<Purchase>> purchasesBefore(Shop shop, LocalDate asOf) {
        return shop.purchases().stream()
                .filter(p -> p.date().isBefore(asOf))
                .collect(Collectors.groupingBy(p -> p.customer().value(), TreeMap::new, Collectors.toList()));
    }

    static long distinctDays(List<Purchase> purchases, LocalDate from, LocalDate to) {
        return purchases.stream()
                .map(Purchase::date)
                .filter(d -> !d.isBefore(from) && d.isBefore(to))
                .distinct()
                .count();
    }

    /** The latest attitude by the documented rule: latest day, then NPS over CSAT over review, then lowest. */
    static Map<String, Attitude> naiveAttitudes(Shop shop, LocalDate asOf, Attitude passive) {
        record Signal(String id, LocalDate day, int source, Attitude attitude) {}
        List<Signal> signals = new ArrayList<>();
        for (SurveyResponse a : shop.answers()) {
            if (!a.date().isBefore(asOf)) {
                continue;
            }
            if (a.question().equals("nps")) {
                NpsCategory c = NpsCategory.of(a.score());
                Attitude att = c == NpsCategory.PROMOTER
                        ? Attitude.HIGH
                        : c == NpsCategory.PASSIVE ? passive : Attitude.NEGATIVE;
                signals.add(new Signal(a.respondent().value(), a.date(), 2, att));
            } else if (a.question().equals("csat")) {
                signals.add(
                        new Signal(a.respondent().value(), a.date(), 1, a.score() >= 4 ? Attitude.HIGH : Attitude.LOW));
            }
        }
        for (Review r : shop.reviews()) {
            if (r.date().isBefore(asOf)) {
                Sentiment s = r.sentiment();
                signals.add(new Signal(
                        r.customer().value(),
                        r.date(),
                        0,
                        s == Sentiment.POSITIVE
                                ? Attitude.HIGH
                                : s == Sentiment.NEUTRAL ? Attitude.LOW : Attitude.NEGATIVE));
            }
        }
        Comparator<Signal> wins = Comparator.comparing(Signal::day)
                .thenComparingInt(Signal::source)
                .thenComparing(Signal::attitude, Comparator.reverseOrder());
        return signals.stream()
                .collect(Collectors.toMap(Signal::id, s -> s, (a, b) -> wins.compare(a, b) >= 0 ? a : b))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().attitude()));
    }

    static Map<String, LoyaltyLevel> naiveLevels(Shop shop, LocalDate asOf, LevelOptions o) {
        Map<String, List<Purchase>> bought = purchasesBefore(shop, asOf);
        Map<String, Attitude> attitudes = naiveAttitudes(shop, asOf, o.passiveAttitude());
        Set<String> ids = new TreeSet<>(bought.keySet());
        ids.addAll(attitudes.keySet());
        Map<String, LoyaltyLevel> levels = new HashMap<>();
        for (String id : ids) {
            List<Purchase> p = bought.getOrDefault(id, List.of());
            Attitude a = attitudes.get(id);
            boolean high = distinctDays(p, asOf.minusDays(o.behaviourWindowDays()), asOf) >= o.minPurchaseDays();
            boolean churned = distinctDays(p, asOf.minusDays(o.churnWindowDays()), asOf) == 0;
            LoyaltyLevel level;
            if (a == null) {
                level = LoyaltyLevel.UNKNOWN;
            } else if (a == Attitude.NEGATIVE && churned) {
                level = LoyaltyLevel.NEGATIVE;
            } else if (a == Attitude.HIGH) {
                level = high ? LoyaltyLevel.TRUE : LoyaltyLevel.LATENT;
            } else {
                level = high ? LoyaltyLevel.SPURIOUS : LoyaltyLevel.ABSENT;
            }
            levels.put(id, level);
        }
        return levels;
    }

    static Map<String, LifecycleStage> naiveStages(Shop shop, LocalDate asOf, LifecycleOptions o) {
        Map<String, List<Purchase>> bought = purchasesBefore(shop, asOf);
        Set<String> ids = new TreeSet<>(bought.keySet());
        shop.answers().stream()
                .filter(a -> a.date().isBefore(asOf))
                .forEach(a -> ids.add(a.respondent().value()));
        shop.reviews().stream()
                .filter(r -> r.date().isBefore(asOf))
                .forEach(r -> ids.add(r.customer().value()));
        Map<String, LifecycleStage> stages = new HashMap<>();
        for (String id : ids) {
            List<Purchase> p = bought.getOrDefault(id, List.of());
            LifecycleStage stage;
            if (p.isEmpty()) {
                stage = LifecycleStage.PROSPECT;
            } else {
                LocalDate last = p.stream()
                        .map(Purchase::date)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                long since = asOf.toEpochDay() - last.toEpochDay();
                int active = 0;
                for (int k = 1; k <= o.lookbackPeriods(); k++) {
                    LocalDate to = asOf.minusDays((long) (k - 1) * o.periodDays());
                    if (distinctDays(p, to.minusDays(o.periodDays()), to) > 0) {
                        active++;
                    }
                }
                if (since > o.lapsedDays()) {
                    stage = LifecycleStage.LAPSED;
                } else if (since > o.atRiskDays()) {
                    stage = LifecycleStage.AT_RISK;
                } else if (active >= o.loyalPeriods()) {
                    stage = LifecycleStage.LOYAL;
                } else if (distinctDays(p, LocalDate.MIN, asOf) >= 2) {
                    stage = LifecycleStage.REPEAT;
                } else {
                    stage = LifecycleStage.FIRST_PURCHASE;
                }
            }
            stages.put(id, stage);
        }
        return stages;
    }

    /** Score {@code 1 + floor(5 b / n)}, b = customers strictly worse, counted one by one. */
    static Map<String, List<Integer>> naiveRfm(Shop shop, LocalDate asOf) {
        Map<String, List<Purchase>> bought = purchasesBefore(shop, asOf);
        Map<String, long[]> values = new HashMap<>();
        bought.forEach((id, p) -> values.put(id, new long[] {
            p.stream().mapToLong(x -> x.date().toEpochDay()).max().orElseThrow(),
            distinctDays(p, LocalDate.MIN, asOf),
            p.stream()
                    .map(Purchase::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .movePointRight(2)
                    .longValueExact()
        }));
        int n = values.size();
        Map<String, List<Integer>> scores = new HashMap<>();
        values.forEach((id, v) -> {
            List<Integer> s = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                int below = 0;
                for (long[] other : values.values()) {
                    if (other[k] < v[k]) {
                        below++;
                    }
                }
                s.add(1 + 5 * below / n);
            }
            scores.put(id, s);
        });
        return scores;
    }

    static Map<String, Set<ChurnReason>> naiveChurn(Shop shop, LocalDate asOf, ChurnRiskOptions o) {
        Map<String, Set<ChurnReason>> flags = new HashMap<>();
        purchasesBefore(shop, asOf).forEach((id, p) -> {
            Set<ChurnReason> reasons = new TreeSet<>();
            LocalDate first = p.stream()
                    .map(Purchase::date)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            LocalDate recentFrom = asOf.minusDays(o.recentWindowDays());
            long earlier = distinctDays(p, first, recentFrom);
            long recent = distinctDays(p, recentFrom, asOf);
            long history = recentFrom.toEpochDay() - first.toEpochDay();
            if (history >= o.recentWindowDays()
                    && earlier >= 2
                    && recent / (earlier * (double) o.recentWindowDays() / history) < o.decliningRatio()) {
                reasons.add(ChurnReason.DECLINING_ACTIVITY);
            }
            if (earlier + recent == 1 && asOf.toEpochDay() - first.toEpochDay() > o.noRepeatDays()) {
                reasons.add(ChurnReason.NO_REPEAT);
            }
            if (!reasons.isEmpty()) {
                flags.put(id, reasons);
            }
        });
        return flags;
    }

    static LoyaltyLevels levels(Shop s, LocalDate asOf, LevelOptions o) {
        return SegmentCalculator.loyaltyLevels(s.table(), s.answers(), s.reviews(), asOf, o);
    }

    static LifecycleStages stages(Shop s, LocalDate asOf, LifecycleOptions o) {
        return SegmentCalculator.lifecycle(s.table(), s.answers(), s.reviews(), asOf, o);
    }

    @Nested
    class ModelBased {

        @Test
        void levelsEqualTheNaiveDefinition() {
            qt().withFixedSeed(701L).forAll(SHOPS, AS_OF, LEVEL_OPTIONS).checkAssert((shop, asOf, o) -> {
                Map<String, LoyaltyLevel> actual = levels(shop, asOf, o).customers().stream()
                        .collect(Collectors.toMap(c -> c.customer().value(), CustomerLevel::level));
                assertThat(actual).isEqualTo(naiveLevels(shop, asOf, o));
            });
        }

        @Test
        void stagesEqualTheNaiveDefinition() {
            qt().withFixedSeed(702L).forAll(SHOPS, AS_OF, LIFECYCLE_OPTIONS).checkAssert((shop, asOf, o) -> {
                Map<String, LifecycleStage> actual = stages(shop, asOf, o).customers().stream()
                        .collect(Collectors.toMap(c -> c.customer().value(), CustomerStage::stage));
                assertThat(actual).isEqualTo(naiveStages(shop, asOf, o));
            });
        }

        @Test
        void rfmScoresEqualTheNaiveCountOfCustomersStrictlyWorse() {
            qt().withFixedSeed(703L).forAll(SHOPS, AS_OF).checkAssert((shop, asOf) -> {
                Map<String, List<Integer>> actual = SegmentCalculator.rfmScores(shop.table(), asOf).customers().stream()
                        .collect(Collectors.toMap(
                                s -> s.customer().value(),
                                s -> List.of(s.recencyScore(), s.frequencyScore(), s.monetaryScore())));
                assertThat(actual).isEqualTo(naiveRfm(shop, asOf));
            });
        }

        @Test
        void aQuintileScoreByFourThresholdsIsOnePlusFiveTimesTheCustomersStrictlyBelowOverAll() {
            qt().withFixedSeed(705L)
                    .forAll(
                            lists().of(longs().between(-5, 5)).ofSizeBetween(1, 40),
                            integers().between(0, 39))
                    .checkAssert((values, index) -> {
                        // the value of one of the customers
                        long v = values.get(index % values.size());
                        long[] sorted = values.stream()
                                .mapToLong(Long::longValue)
                                .sorted()
                                .toArray();
                        RfmScan.Quintiles q = new RfmScan.Quintiles(sorted, sorted, sorted);
                        int below = (int) values.stream().filter(x -> x < v).count();
                        assertThat(q.monetaryScore(v)).isEqualTo(RfmScan.score(below, sorted.length));
                    });
        }

        @Test
        void churnFlagsEqualTheNaiveDefinition() {
            qt().withFixedSeed(704L).forAll(SHOPS, AS_OF, CHURN_OPTIONS).checkAssert((shop, asOf, o) -> {
                Map<String, Set<ChurnReason>> actual =
                        SegmentCalculator.churnRisk(shop.table(), asOf, o, Optional.empty()).flagged().stream()
                                .collect(Collectors.toMap(
                                        r -> r.customer().value(),
                                        r -> r.signals().stream()
                                                .map(ChurnSignal::reason)
                                                .collect(Collectors.toCollection(TreeSet::new))));
                assertThat(actual).isEqualTo(naiveChurn(shop, asOf, o));
            });
        }
    }

    @Nested
    class Invariants {

        @Test
        void everyCustomerIsInExactlyOneLevelAndTheSharesSumToTheWhole() {
            qt().withFixedSeed(711L).forAll(SHOPS, AS_OF, LEVEL_OPTIONS).checkAssert((shop, asOf, o) -> {
                LoyaltyLevels l = levels(shop, asOf, o);
                assertThat(l.customers()).extracting(CustomerLevel::customer).doesNotHaveDuplicates();
                SegmentDistribution<LoyaltyLevel> d = l.distribution();
                long shares = 0;
                long revenue = 0;
                for (LoyaltyLevel level : LoyaltyLevel.values()) {
                    assertThat(d.share(level).denominator())
                            .isEqualTo(l.customers().size());
                    shares += d.share(level).numerator();
                    revenue += d.revenueShare(level).numerator();
                }
                assertThat(shares).isEqualTo(l.customers().size());
                assertThat(revenue).isEqualTo(d.totalRevenue().movePointRight(2).longValueExact());
                BigDecimal windowRevenue = shop.purchases().stream()
                        .filter(p ->
                                p.date().isBefore(asOf) && !p.date().isBefore(asOf.minusDays(o.behaviourWindowDays())))
                        .map(Purchase::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(d.totalRevenue()).isEqualByComparingTo(windowRevenue);
            });
        }

        @Test
        void everyCustomerIsInExactlyOneStage() {
            qt().withFixedSeed(712L).forAll(SHOPS, AS_OF, LIFECYCLE_OPTIONS).checkAssert((shop, asOf, o) -> {
                LifecycleStages s = stages(shop, asOf, o);
                assertThat(s.customers()).extracting(CustomerStage::customer).doesNotHaveDuplicates();
                assertThat(s.distribution().countsBySegment().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                        .isEqualTo(s.customers().size());
            });
        }

        @Test
        void rfmScoresLieInOneToFiveAndEqualValuesScoreEquallyAndLargerValuesNoLower() {
            qt().withFixedSeed(713L).forAll(SHOPS, AS_OF).checkAssert((shop, asOf) -> {
                List<RfmScore> s =
                        SegmentCalculator.rfmScores(shop.table(), asOf).customers();
                for (RfmScore a : s) {
                    assertThat(List.of(a.recencyScore(), a.frequencyScore(), a.monetaryScore()))
                            .allSatisfy(v -> assertThat(v).isBetween(1, 5));
                    for (RfmScore b : s) {
                        int money = a.monetary().compareTo(b.monetary());
                        if (money >= 0) {
                            assertThat(a.monetaryScore()).isGreaterThanOrEqualTo(b.monetaryScore());
                        }
                        if (money == 0) {
                            assertThat(a.monetaryScore()).isEqualTo(b.monetaryScore());
                        }
                        if (a.recencyDays() <= b.recencyDays()) {
                            assertThat(a.recencyScore()).isGreaterThanOrEqualTo(b.recencyScore());
                        }
                        if (a.frequency() >= b.frequency()) {
                            assertThat(a.frequencyScore()).isGreaterThanOrEqualTo(b.frequencyScore());
                        }
                    }
                }
                assertThat(s.stream().map(RfmScore::segment).count())
                        .isEqualTo(SegmentCalculator.rfmScores(shop.table(), asOf)
                                .distribution()
                                .customers());
            });
        }

        @Test
        void withoutTiesTheQuintilesDifferInSizeByAtMostOne() {
            // Customer k spends k + 1 cents: n distinct values.
            qt().withFixedSeed(714L).forAll(integers().between(1, 80)).checkAssert(n -> {
                List<Purchase> purchases = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    purchases.add(Purchase.of(
                            "C" + k, "2024-01-01", BigDecimal.valueOf(k + 1, 2).toPlainString()));
                }
                Map<Integer, Long> sizes =
                        SegmentCalculator.rfmScores(PurchaseTable.of(purchases), BASE.plusDays(10)).customers().stream()
                                .collect(Collectors.groupingBy(RfmScore::monetaryScore, Collectors.counting()));
                for (int score = 1; score <= 5; score++) {
                    assertThat(sizes.getOrDefault(score, 0L)).isBetween((long) n / 5, (long) (n + 4) / 5);
                }
            });
        }

        @Test
        void lifecycleFlowRowsSumToTheStartAndColumnsToTheEnd() {
            qt().withFixedSeed(715L)
                    .forAll(SHOPS, LIFECYCLE_OPTIONS, integers().between(0, 2))
                    .checkAssert((shop, o, g) -> {
                        Granularity granularity = List.of(Granularity.WEEK, Granularity.MONTH, Granularity.DAY)
                                .get(g);
                        LifecycleSeries s = SegmentCalculator.lifecycleSeries(
                                shop.table(),
                                shop.answers(),
                                shop.reviews(),
                                DateRange.of(BASE, BASE.plusDays(DAYS)),
                                granularity,
                                o);
                        for (int k = 0; k < s.periods().size(); k++) {
                            SegmentDistribution<LifecycleStage> before =
                                    k == 0 ? s.atStart() : s.stages().get(k - 1);
                            StageTransitions t = s.transitions().get(k);
                            for (LifecycleStage stage : LifecycleStage.values()) {
                                assertThat(t.atStart(stage)).isEqualTo(before.count(stage));
                                assertThat(t.atEnd(stage))
                                        .isEqualTo(s.stages().get(k).count(stage));
                            }
                            assertThat(s.stages().get(k))
                                    .isEqualTo(stages(shop, s.periods().get(k).endExclusive(), o)
                                            .distribution());
                        }
                    });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void relabellingCustomersChangesNoDistribution() {
            qt().withFixedSeed(721L).forAll(SHOPS, AS_OF, seeds()).checkAssert((shop, asOf, seed) -> {
                Shop other = shop.map(relabelling(seed), 0);
                assertThat(levels(other, asOf, LevelOptions.defaults().withMinPurchaseDays(2))
                                .distribution())
                        .isEqualTo(levels(shop, asOf, LevelOptions.defaults().withMinPurchaseDays(2))
                                .distribution());
                LifecycleOptions lo = new LifecycleOptions(10, 30, 14, 2, 3);
                assertThat(stages(other, asOf, lo).distribution())
                        .isEqualTo(stages(shop, asOf, lo).distribution());
                assertThat(SegmentCalculator.rfmScores(other.table(), asOf).distribution())
                        .isEqualTo(
                                SegmentCalculator.rfmScores(shop.table(), asOf).distribution());
                ChurnRiskOptions co = new ChurnRiskOptions(20, 0.5, 15, 0.5);
                for (ChurnReason r : ChurnReason.values()) {
                    assertThat(SegmentCalculator.churnRisk(other.table(), asOf, co, Optional.empty())
                                    .count(r))
                            .isEqualTo(SegmentCalculator.churnRisk(shop.table(), asOf, co, Optional.empty())
                                    .count(r));
                }
            });
        }

        @Test
        void shiftingEveryDateAndTheDayByTheSameDaysChangesNothing() {
            qt().withFixedSeed(722L)
                    .forAll(SHOPS, AS_OF, integers().between(-400, 400))
                    .checkAssert((shop, asOf, shift) -> {
                        Shop later = shop.map(id -> id, shift);
                        LocalDate then = asOf.plusDays(shift);
                        LevelOptions o = new LevelOptions(30, 2, 20, Attitude.LOW);
                        assertThat(levels(later, then, o).customers())
                                .isEqualTo(levels(shop, asOf, o).customers());
                        LifecycleOptions lo = new LifecycleOptions(10, 30, 14, 2, 3);
                        assertThat(stages(later, then, lo).customers())
                                .isEqualTo(stages(shop, asOf, lo).customers());
                        assertThat(SegmentCalculator.rfmScores(later.table(), then)
                                        .customers())
                                .isEqualTo(SegmentCalculator.rfmScores(shop.table(), asOf)
                                        .customers());
                        ChurnRiskOptions co = new ChurnRiskOptions(20, 0.5, 15, 0.5);
                        assertThat(SegmentCalculator.churnRisk(later.table(), then, co, Optional.empty())
                                        .flagged())
                                .isEqualTo(SegmentCalculator.churnRisk(shop.table(), asOf, co, Optional.empty())
                                        .flagged());
                    });
        }

        @Test
        void shiftingByWholeWeeksGivesTheSameWeeklyLifecycleSeries() {
            qt().withFixedSeed(723L).forAll(SHOPS, integers().between(-20, 20)).checkAssert((shop, weeks) -> {
                LifecycleOptions o = new LifecycleOptions(10, 30, 14, 2, 3);
                // 2024-01-01 is a Monday, so the range is whole ISO weeks.
                DateRange range = DateRange.of(BASE, BASE.plusDays(7 * 18));
                LifecycleSeries a = SegmentCalculator.lifecycleSeries(
                        shop.table(), shop.answers(), shop.reviews(), range, Granularity.WEEK, o);
                Shop later = shop.map(id -> id, 7L * weeks);
                LifecycleSeries b = SegmentCalculator.lifecycleSeries(
                        later.table(),
                        later.answers(),
                        later.reviews(),
                        range.plusDays(7L * weeks),
                        Granularity.WEEK,
                        o);
                assertThat(b.stages()).isEqualTo(a.stages());
                for (int k = 0; k < a.periods().size(); k++) {
                    assertThat(b.transitions().get(k).counts())
                            .isDeepEqualTo(a.transitions().get(k).counts());
                }
            });
        }
    }

    @Nested
    class SplitAndMerge {

        @Test
        void collectingRowsOnParallelStreamsEqualsTheResultsDistributions() {
            qt().withFixedSeed(731L).forAll(SHOPS, AS_OF).checkAssert((shop, asOf) -> {
                LoyaltyLevels l = levels(shop, asOf, LevelOptions.defaults().withMinPurchaseDays(2));
                assertThat(l.customers().parallelStream().collect(SegmentCalculator.toLevelDistribution(2)))
                        .isEqualTo(l.distribution());
                LifecycleStages s = stages(shop, asOf, LifecycleOptions.defaults());
                assertThat(s.customers().parallelStream().collect(SegmentCalculator.toStageDistribution(2)))
                        .isEqualTo(s.distribution());
                RfmScores r = SegmentCalculator.rfmScores(shop.table(), asOf);
                assertThat(r.customers().parallelStream().collect(SegmentCalculator.toRfmSegmentDistribution(2)))
                        .isEqualTo(r.distribution());
            });
        }

        @Test
        void splittingTheCustomersAnywhereAndMergingEqualsTheWhole() {
            qt().withFixedSeed(732L)
                    .forAll(SHOPS, AS_OF, integers().between(0, 100))
                    .checkAssert((shop, asOf, cut) -> {
                        List<CustomerLevel> rows =
                                levels(shop, asOf, LevelOptions.defaults()).customers();
                        int split = rows.size() * cut / 100;
                        var left = new SegmentDistributionAccumulator<>(LoyaltyLevel.class, 2);
                        var right = new SegmentDistributionAccumulator<>(LoyaltyLevel.class, 2);
                        for (int i = 0; i < rows.size(); i++) {
                            (i < split ? left : right)
                                    .add(
                                            rows.get(i).level(),
                                            rows.get(i)
                                                    .revenue()
                                                    .movePointRight(2)
                                                    .longValueExact());
                        }
                        SegmentDistribution<LoyaltyLevel> whole =
                                levels(shop, asOf, LevelOptions.defaults()).distribution();
                        assertThat(left.merge(right).snapshot()).isEqualTo(whole);
                        assertThat(SegmentDistribution.of(
                                        LoyaltyLevel.class, 2, whole.counts(), whole.revenueMinorUnits()))
                                .isEqualTo(whole);
                    });
        }
    }
}
