package org.loyaltykpi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltykpi.domain.PurchaseGenerators.BASE;
import static org.loyaltykpi.domain.PurchaseGenerators.DAYS;
import static org.loyaltykpi.domain.PurchaseGenerators.purchaseLists;
import static org.loyaltykpi.domain.PurchaseGenerators.seeds;
import static org.loyaltykpi.domain.PurchaseGenerators.shuffled;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseGenerators;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of the review series over random small sets of reviews of customers C1..C8 around {@link #BASE}. */
class ReviewSeriesPropertyTest {

    /** A review of one of C1..C8 on a day of the generated purchases: a rating, a label, or both. */
    static final Gen<Review> REVIEW = integers()
            .between(1, 8)
            .zip(
                    integers().between(0, DAYS - 1),
                    integers().between(0, 5),
                    integers().between(-1, 2),
                    (c, d, r, l) -> new Review(
                            CustomerId.of("C" + c),
                            BASE.plusDays(d),
                            r == 0 ? OptionalInt.empty() : OptionalInt.of(r),
                            r == 0 || l >= 0 ? Optional.of(Sentiment.values()[Math.max(0, l)]) : Optional.empty()));

    static final Gen<List<Review>> REVIEWS = lists().of(REVIEW).ofSizeBetween(0, 40);

    static final Gen<Granularity> GRANULARITIES = Generate.enumValues(Granularity.class);

    /** The reviews renamed by the same bijection that relabelled the purchases (read off the two purchase lists). */
    private static List<Review> relabelReviews(
            List<Purchase> purchases, List<Purchase> relabelled, List<Review> reviews) {
        Map<CustomerId, CustomerId> names = new HashMap<>();
        for (int i = 0; i < purchases.size(); i++) {
            names.put(purchases.get(i).customer(), relabelled.get(i).customer());
        }
        List<Review> out = new ArrayList<>();
        for (Review r : reviews) {
            CustomerId name = names.getOrDefault(r.customer(), CustomerId.of("only-reviewed-" + r.customer()));
            out.add(new Review(name, r.date(), r.rating(), r.label()));
        }
        return out;
    }

    @Nested
    class Invariants {

        @Test
        void everyShareLiesInZeroToOneAndThePeriodCountsSumToTheReviews() {
            qt().withFixedSeed(7101L).forAll(REVIEWS, GRANULARITIES).checkAssert((reviews, g) -> {
                ReviewSeries s = FeedbackCalculator.series(reviews, g);
                assertThat(s.total().reviews()).isEqualTo(reviews.size());
                for (PeriodFeedback p : s.periods()) {
                    p.positiveShare().value().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
                    assertThat(p.counts()
                                    .positiveShare()
                                    .plus(p.counts().negativeShare())
                                    .numerator())
                            .isLessThanOrEqualTo(p.counts().reviews() * 2);
                }
            });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void shiftingEveryReviewByWholeWeeksShiftsTheWeeklySeriesAndKeepsItsCounts() {
            qt().withFixedSeed(7105L)
                    .forAll(REVIEWS, integers().between(-60, 60))
                    .checkAssert((reviews, weeks) -> {
                        List<Review> shifted = reviews.stream()
                                .map(r -> new Review(r.customer(), r.date().plusWeeks(weeks), r.rating(), r.label()))
                                .toList();
                        List<PeriodFeedback> before = FeedbackCalculator.series(reviews, Granularity.WEEK)
                                .periods();
                        List<PeriodFeedback> after = FeedbackCalculator.series(shifted, Granularity.WEEK)
                                .periods();
                        assertThat(after).hasSameSizeAs(before);
                        for (int i = 0; i < before.size(); i++) {
                            assertThat(after.get(i).counts())
                                    .isEqualTo(before.get(i).counts());
                            assertThat(after.get(i).period())
                                    .isEqualTo(before.get(i).period().plusDays(7L * weeks));
                        }
                    });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void theSeriesEqualsANaiveCountOfReviewsPerPeriod() {
            qt().withFixedSeed(7102L).forAll(REVIEWS, GRANULARITIES).checkAssert((reviews, g) -> {
                Map<DateRange, long[]> naive = new HashMap<>();
                for (Review r : reviews) {
                    long[] counts = naive.computeIfAbsent(g.periodContaining(r.date()), k -> new long[3]);
                    Sentiment s = r.label()
                            .orElseGet(() -> Sentiment.ofRating(r.rating().getAsInt()));
                    counts[s.ordinal()]++;
                }
                for (PeriodFeedback p : FeedbackCalculator.series(reviews, g).periods()) {
                    long[] counts = naive.getOrDefault(p.period(), new long[3]);
                    assertThat(p.counts()).isEqualTo(new SentimentCounts(counts[0], counts[1], counts[2]));
                }
            });
        }

        @Test
        void reviewersRepeatRatesMatchANaiveCountAndDoNotDependOnCustomerNames() {
            qt().withFixedSeed(7106L)
                    .forAll(purchaseLists(), REVIEWS, seeds())
                    .checkAssert((purchases, reviews, seed) -> {
                        DateRange window = DateRange.of(BASE.plusDays(10), BASE.plusDays(90));
                        ReviewerRepeat r =
                                FeedbackCalculator.reviewerRepeat(PurchaseTable.of(purchases), reviews, window);
                        Map<CustomerId, java.util.Set<java.time.LocalDate>> days = new HashMap<>();
                        for (Purchase p : purchases) {
                            if (window.contains(p.date())) {
                                days.computeIfAbsent(p.customer(), k -> new java.util.HashSet<>())
                                        .add(p.date());
                            }
                        }
                        java.util.Set<CustomerId> reviewers = new java.util.HashSet<>();
                        reviews.stream()
                                .filter(v -> window.contains(v.date()))
                                .forEach(v -> reviewers.add(v.customer()));
                        long[] counts = new long[4];
                        days.forEach((id, d) -> {
                            int group = reviewers.contains(id) ? 0 : 2;
                            counts[group + 1]++;
                            if (d.size() > 1) {
                                counts[group]++;
                            }
                        });
                        assertThat(r.reviewers().numerator()).isEqualTo(counts[0]);
                        assertThat(r.reviewers().denominator()).isEqualTo(counts[1]);
                        assertThat(r.nonReviewers().numerator()).isEqualTo(counts[2]);
                        assertThat(r.nonReviewers().denominator()).isEqualTo(counts[3]);
                        assertThat(r.reviewersWithoutPurchase())
                                .isEqualTo(reviewers.stream()
                                        .filter(id -> !days.containsKey(id))
                                        .count());
                        List<Purchase> relabelled = PurchaseGenerators.relabelled(purchases, seed);
                        List<Review> relabelledReviews = relabelReviews(purchases, relabelled, reviews);
                        assertThat(FeedbackCalculator.reviewerRepeat(
                                        PurchaseTable.of(relabelled), relabelledReviews, window))
                                .isEqualTo(r);
                    });
        }
    }

    @Nested
    class SplitAndMerge {

        @Test
        void splittingTheReviewsAnywhereAndMergingGivesTheWholeSeries() {
            qt().withFixedSeed(7103L)
                    .forAll(REVIEWS, GRANULARITIES, integers().between(0, 40))
                    .checkAssert((reviews, g, cut) -> {
                        int at = Math.min(cut, reviews.size());
                        ReviewSeriesAccumulator left = new ReviewSeriesAccumulator(g).addAll(reviews.subList(0, at));
                        ReviewSeriesAccumulator right =
                                new ReviewSeriesAccumulator(g).addAll(reviews.subList(at, reviews.size()));
                        assertThat(left.merge(right).snapshot()).isEqualTo(FeedbackCalculator.series(reviews, g));
                    });
        }

        @Test
        void theOrderOfTheReviewsAndParallelCollectionDoNotMatter() {
            qt().withFixedSeed(7104L).forAll(REVIEWS, GRANULARITIES, seeds()).checkAssert((reviews, g, seed) -> {
                ReviewSeries whole = FeedbackCalculator.series(reviews, g);
                assertThat(shuffled(reviews, seed).parallelStream().collect(FeedbackCalculator.toReviewSeries(g)))
                        .isEqualTo(whole);
                assertThat(new ReviewSeriesAccumulator(g).add(whole).snapshot()).isEqualTo(whole);
            });
        }
    }
}
