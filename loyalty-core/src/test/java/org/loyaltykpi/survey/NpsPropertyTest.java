package org.loyaltykpi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.SeededRandom;
import org.quicktheories.core.Gen;

/** Laws of the NPS: invariants, metamorphic relations and a model-based check against a naive count. */
class NpsPropertyTest {
    private static final long SEED = 20261123L;
    private static final Gen<List<Integer>> SCORES =
            lists().of(integers().between(0, 10)).ofSizeBetween(0, 300);
    private static final Gen<List<Integer>> SOME_SCORES =
            lists().of(integers().between(0, 10)).ofSizeBetween(1, 300);

    private static NpsResult nps(List<Integer> scores) {
        NpsResultAccumulator acc = new NpsResultAccumulator();
        scores.forEach(acc::add);
        return acc.snapshot();
    }

    private static List<SurveyResponse> responses(List<Integer> scores, String idPrefix) {
        List<SurveyResponse> out = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            out.add(SurveyResponse.of(
                    CustomerId.of(idPrefix + i),
                    LocalDate.of(2025, 1, 1).plusDays(i),
                    "nps",
                    scores.get(i),
                    Scale.NPS));
        }
        return out;
    }

    @Nested
    class Definitions {

        @Test
        void weightedNpsWithAllWeightsOneEqualsUnweighted() {
            qt().withFixedSeed(SEED).forAll(SOME_SCORES).checkAssert(scores -> {
                NpsResult r = nps(scores);
                assertThat(r.weightedScore()).isEqualTo(r.score());
                assertThat(r.effectiveResponses().getAsDouble()).isEqualTo((double) r.responses());
                assertThat(r.weightedConfidenceInterval(0.95)).isEqualTo(r.confidenceInterval(0.95));
            });
        }

        @Test
        void theRequiredSampleSizeGivesAPlannedMarginAtOrBelowTheTargetAndOneLessDoesNot() {
            qt().withFixedSeed(SEED)
                    .forAll(
                            doubles().between(1, 30),
                            doubles().between(0, 1),
                            doubles().between(0, 1),
                            integers().between(0, 100_000))
                    .checkAssert((margin, a, b, population) -> {
                        double promoters = a;
                        double detractors = (1 - a) * b;
                        OptionalLong n = population == 0 ? OptionalLong.empty() : OptionalLong.of(population);
                        long size = NpsCalculator.requiredSampleSize(margin, 0.95, promoters, detractors, n);
                        assertThat(NpsCalculator.plannedMarginOfError(size, 0.95, promoters, detractors, n))
                                .isLessThanOrEqualTo(margin);
                        if (size > 1) {
                            assertThat(NpsCalculator.plannedMarginOfError(size - 1, 0.95, promoters, detractors, n))
                                    .isGreaterThan(margin);
                        }
                    });
        }
    }

    @Nested
    class Invariants {

        @Test
        void theScoreLiesWithinMinus100And100AndTheIntervalToo() {
            qt().withFixedSeed(SEED).forAll(SOME_SCORES).checkAssert(scores -> {
                NpsResult r = nps(scores);
                assertThat(r.score().getAsDouble()).isBetween(-100.0, 100.0);
                ConfidenceInterval ci = r.confidenceInterval().orElseThrow();
                assertThat(ci.low()).isBetween(-100.0, 100.0);
                assertThat(ci.high()).isBetween(ci.low(), 100.0);
            });
        }

        @Test
        void theIntervalContainsTheAdjustedScoreAlwaysAndTheScoreFromTwoAnswersOn() {
            qt().withFixedSeed(SEED)
                    .forAll(SOME_SCORES, doubles().between(0.95, 0.999))
                    .checkAssert((scores, level) -> {
                        NpsResult r = nps(scores);
                        ConfidenceInterval ci = r.confidenceInterval(level).orElseThrow();
                        assertThat(ci.contains(r.adjustedScore().getAsDouble())).isTrue();
                        if (r.responses() >= 2) {
                            assertThat(ci.contains(r.score().getAsDouble()))
                                    .as("%s contains %s", ci, r.score())
                                    .isTrue();
                        }
                    });
        }

        @Test
        void aSurveyOfTheWorstCaseRequiredSizeReportsAMarginAtOrBelowTheTargetWhateverTheAnswers() {
            qt().withFixedSeed(SEED)
                    .forAll(
                            doubles().between(4, 40),
                            doubles().between(0, 1),
                            doubles().between(0, 1))
                    .checkAssert((margin, a, b) -> {
                        long n = NpsCalculator.requiredSampleSize(margin, 0.95);
                        long promoters = Math.round(n * a);
                        long detractors = Math.round((n - promoters) * b);
                        NpsResult survey = NpsResult.of(promoters, n - promoters - detractors, detractors);
                        assertThat(survey.marginOfError(0.95).getAsDouble()).isLessThanOrEqualTo(margin);
                    });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void theIntervalNarrowsAsAnswersGrowWithTheSameShares() {
            qt().withFixedSeed(SEED)
                    .forAll(
                            integers().between(0, 20),
                            integers().between(0, 20),
                            integers().between(0, 20))
                    .assuming((p, a, d) -> p + a + d > 0)
                    .checkAssert((p, a, d) -> {
                        double previous = Double.POSITIVE_INFINITY;
                        for (int k = 1; k <= 64; k *= 2) {
                            NpsResult r = NpsResult.of((long) k * p, (long) k * a, (long) k * d);
                            double margin = r.marginOfError(0.95).getAsDouble();
                            assertThat(margin).isLessThan(previous);
                            previous = margin;
                        }
                    });
        }

        @Test
        void addingAPromoterNeverLowersTheScoreAndAddingADetractorNeverRaisesIt() {
            qt().withFixedSeed(SEED)
                    .forAll(SOME_SCORES, integers().between(9, 10), integers().between(0, 6))
                    .checkAssert((scores, promoter, detractor) -> {
                        double before = nps(scores).score().getAsDouble();
                        List<Integer> more = new ArrayList<>(scores);
                        more.add(promoter);
                        assertThat(nps(more).score().getAsDouble()).isGreaterThanOrEqualTo(before);
                        assertThat(nps(more).adjustedScore().getAsDouble())
                                .isGreaterThanOrEqualTo(
                                        nps(scores).adjustedScore().getAsDouble());
                        List<Integer> less = new ArrayList<>(scores);
                        less.add(detractor);
                        assertThat(nps(less).score().getAsDouble()).isLessThanOrEqualTo(before);
                    });
        }

        @Test
        void theOrderOfTheAnswersDoesNotMatter() {
            qt().withFixedSeed(SEED).forAll(SCORES, integers().all()).checkAssert((scores, seed) -> {
                List<Integer> shuffled = new ArrayList<>(scores);
                SeededRandom random = new SeededRandom(seed);
                for (int i = shuffled.size() - 1; i > 0; i--) {
                    Collections.swap(shuffled, i, random.nextInt(i + 1));
                }
                assertThat(nps(shuffled)).isEqualTo(nps(scores));
            });
        }

        @Test
        void relabellingRespondentsAndShiftingDatesDoesNotChangeTheResult() {
            qt().withFixedSeed(SEED).forAll(SCORES).checkAssert(scores -> {
                NpsResult a = responses(scores, "c").stream().collect(NpsCalculator.toNps());
                NpsResult b = responses(scores, "other-").stream()
                        .map(r -> new SurveyResponse(
                                r.respondent(),
                                r.date().plusYears(3),
                                r.question(),
                                r.score(),
                                r.scale(),
                                r.segment(),
                                1))
                        .collect(NpsCalculator.toNps());
                assertThat(b).isEqualTo(a);
            });
        }

        @Test
        void scalingEveryWeightByTheSameFactorChangesNothingWeighted() {
            qt().withFixedSeed(SEED)
                    .forAll(SOME_SCORES, doubles().between(0.01, 1000))
                    .checkAssert((scores, factor) -> {
                        NpsResultAccumulator scaled = new NpsResultAccumulator();
                        NpsResultAccumulator plain = new NpsResultAccumulator();
                        for (int i = 0; i < scores.size(); i++) {
                            double w = 1 + (i % 3);
                            scaled.add(scores.get(i), w * factor);
                            plain.add(scores.get(i), w);
                        }
                        assertThat(scaled.snapshot().weightedScore().getAsDouble())
                                .isCloseTo(plain.snapshot().weightedScore().getAsDouble(), within(1e-9));
                        assertThat(scaled.snapshot().effectiveResponses().getAsDouble())
                                .isCloseTo(plain.snapshot().effectiveResponses().getAsDouble(), within(1e-9));
                    });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void countsAndScoreMatchANaiveCount() {
            qt().withFixedSeed(SEED).forAll(SOME_SCORES).checkAssert(scores -> {
                long promoters = scores.stream().filter(s -> s == 9 || s == 10).count();
                long passives = scores.stream().filter(s -> s == 7 || s == 8).count();
                long detractors = scores.stream().filter(s -> s <= 6).count();
                NpsResult r = nps(scores);
                assertThat(r.promoters()).isEqualTo(promoters);
                assertThat(r.passives()).isEqualTo(passives);
                assertThat(r.detractors()).isEqualTo(detractors);
                // The score as the mean of +100 / 0 / -100 per answer.
                double mean =
                        scores.stream().collect(Collectors.averagingDouble(s -> s >= 9 ? 100 : s >= 7 ? 0 : -100));
                assertThat(r.score().getAsDouble()).isCloseTo(mean, within(1e-9));
            });
        }
    }

    @Nested
    class SplitAndMerge {

        @Test
        void splittingTheAnswersAnywhereAndMergingGivesTheWhole() {
            qt().withFixedSeed(SEED).forAll(SCORES, integers().between(0, 300)).checkAssert((scores, cut) -> {
                int at = Math.min(cut, scores.size());
                NpsResultAccumulator left = new NpsResultAccumulator();
                scores.subList(0, at).forEach(left::add);
                NpsResultAccumulator right = new NpsResultAccumulator();
                scores.subList(at, scores.size()).forEach(right::add);
                assertThat(left.merge(right).snapshot()).isEqualTo(nps(scores));
                assertThat(nps(scores.subList(0, at)).plus(nps(scores.subList(at, scores.size()))))
                        .isEqualTo(nps(scores));
            });
        }

        @Test
        void theParallelCollectorAgreesWithTheSequentialOne() {
            qt().withFixedSeed(SEED).withExamples(30).forAll(SCORES).checkAssert(scores -> {
                List<SurveyResponse> rs = responses(scores, "c");
                assertThat(rs.parallelStream().collect(NpsCalculator.toNps()))
                        .isEqualTo(rs.stream().collect(NpsCalculator.toNps()));
            });
        }
    }
}
