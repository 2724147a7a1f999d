package org.loyaltykpi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

/** CSI, whole-survey summaries, breakdowns and sampling. */
class CsiAndSurveyTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    private static SurveyResponse answer(String id, String question, int score, Scale scale) {
        return SurveyResponse.of(CustomerId.of(id), DAY, question, score, scale);
    }

    private static List<SurveyResponse> csiAnswers() {
        // delivery: 10, 9, 6 -> NPS 33.3, mean 8.33 -> 83.3; price: 5, 4, 9 -> NPS -33.3, mean 6 -> 60.
        return List.of(
                answer("a", "csi:delivery", 10, Scale.NPS),
                answer("b", "csi:delivery", 9, Scale.NPS),
                answer("c", "csi:delivery", 6, Scale.NPS),
                answer("a", "csi:price", 5, Scale.NPS),
                answer("b", "csi:price", 4, Scale.NPS),
                answer("c", "csi:price", 9, Scale.NPS));
    }

    @Test
    void nPSStyleAttributeScoresAndTheirEqualWeightIndex() {
        CsiResult csi = csiAnswers().stream().collect(CsiCalculator.toCsi(CsiMethod.NPS));
        assertThat(csi.attributes()).extracting(AttributeScore::attribute).containsExactly("delivery", "price");
        assertThat(csi.attributes().get(0).score().getAsDouble()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(csi.attributes().get(1).score().getAsDouble()).isCloseTo(-100.0 / 3, within(1e-9));
        assertThat(csi.index().getAsDouble()).isCloseTo(0.0, within(1e-9));
        assertThat(csi.attributes()
                        .get(0)
                        .confidenceInterval(0.95)
                        .orElseThrow()
                        .method())
                .isEqualTo(ConfidenceInterval.Method.ADJUSTED_WALD);
    }

    @Test
    void theIndexIsTheImportanceWeightedMeanOfTheAttributeScores() {
        CsiResult csi = csiAnswers().stream()
                .collect(CsiCalculator.toCsi(CsiMethod.MEAN, Map.of("delivery", 1.0, "price", 3.0)));
        double delivery = 100 * (25.0 / 3) / 10; // mean 8.33 on 0..10
        double price = 60.0;
        assertThat(csi.attributes().get(0).score().getAsDouble()).isCloseTo(delivery, within(1e-9));
        assertThat(csi.index().getAsDouble()).isCloseTo((delivery + 3 * price) / 4, within(1e-9));
        assertThat(csi.attributes()
                        .get(1)
                        .confidenceInterval(0.95)
                        .orElseThrow()
                        .method())
                .isEqualTo(ConfidenceInterval.Method.STUDENT_T);
    }

    @Test
    void theAttributesBelowTheIndexPullItDownLargestDragFirst() {
        CsiResult csi = csiAnswers().stream()
                .collect(CsiCalculator.toCsi(CsiMethod.MEAN, Map.of("delivery", 1.0, "price", 3.0)));
        AttributeScore price = csi.attributes().get(1);
        double index = csi.index().getAsDouble();
        assertThat(csi.pullingDown()).containsExactly(price);
        // Moving price to the index raises the index by its drag.
        double drag = csi.drag(price).getAsDouble();
        assertThat(drag).isCloseTo(3 * (index - 60.0) / 4, within(1e-9));
        assertThat(csi.drag(csi.attributes().get(0)).getAsDouble()).isNegative();
    }

    @Test
    void dragIsWhatTheIndexGainsWhenTheAttributeRisesToTheIndex() {
        qt().withFixedSeed(7L)
                .forAll(
                        integers().between(0, 10),
                        integers().between(0, 10),
                        integers().between(0, 10))
                .checkAssert((a, b, c) -> {
                    List<SurveyResponse> rs = List.of(
                            answer("x", "csi:a", a, Scale.NPS),
                            answer("x", "csi:b", b, Scale.NPS),
                            answer("x", "csi:c", c, Scale.NPS));
                    Map<String, Double> w = Map.of("a", 1.0, "b", 2.0, "c", 5.0);
                    CsiResult csi = rs.stream().collect(CsiCalculator.toCsi(CsiMethod.MEAN, w));
                    double index = csi.index().getAsDouble();
                    for (AttributeScore attr : csi.attributes()) {
                        double moved = 0;
                        for (AttributeScore other : csi.attributes()) {
                            double s = other == attr ? index : other.score().getAsDouble();
                            moved += other.importance() * s;
                        }
                        assertThat(moved / 8 - index).isCloseTo(csi.drag(attr).getAsDouble(), within(1e-9));
                    }
                    assertThat(csi.pullingDown()).allMatch(x -> x.score().getAsDouble() < index);
                });
    }

    @Test
    void anAnsweredAttributeWithoutImportanceIsAnErrorAndAnUnansweredOneHasNoScore() {
        assertThatThrownBy(
                        () -> csiAnswers().stream().collect(CsiCalculator.toCsi(CsiMethod.NPS, Map.of("price", 1.0))))
                .hasMessageContaining("'delivery'");
        CsiResult csi = csiAnswers().stream()
                .collect(CsiCalculator.toCsi(CsiMethod.NPS, Map.of("price", 1.0, "delivery", 1.0, "range", 2.0)));
        AttributeScore range = csi.attributes().get(2);
        assertThat(range.score()).isEmpty();
        assertThat(csi.index().getAsDouble()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void nPSStyleCsiRefusesAttributesOnOtherScales() {
        assertThatThrownBy(() ->
                        new CsiResultAccumulator(CsiMethod.NPS, Map.of()).add(answer("a", "csi:x", 3, Scale.CSAT)))
                .hasMessageContaining("0..10")
                .hasMessageContaining("mean method");
    }

    @Test
    void noCsiAnswersGiveNoIndex() {
        CsiResult csi = new CsiResultAccumulator(CsiMethod.NPS, Map.of()).snapshot();
        assertThat(csi.index()).isEmpty();
        assertThat(csi.pullingDown()).isEmpty();
    }

    @Test
    void aSurveyRoutesEachAnswerByItsQuestionAndCountsTheRest() {
        List<SurveyResponse> rs = List.of(
                answer("a", "nps", 10, Scale.NPS),
                answer("b", "NPS", 3, Scale.NPS),
                answer("a", "csat", 5, Scale.CSAT),
                answer("a", "ces", 6, Scale.CES),
                answer("a", "csi:price", 7, Scale.NPS),
                answer("a", "comment_rating", 2, Scale.CSAT));
        SurveySummary s = SurveyCalculator.summarize(rs, SurveyOptions.defaults());
        assertThat(s.nps().responses()).isEqualTo(2);
        assertThat(s.csat().responses()).isEqualTo(1);
        assertThat(s.ces().responses()).isEqualTo(1);
        assertThat(s.csi().attributes()).hasSize(1);
        assertThat(s.otherResponses()).isEqualTo(1);
        assertThat(s.otherQuestions()).containsExactly("comment_rating");
        assertThat(s.responses()).isEqualTo(6);
    }

    @Test
    void csatOnItsOwnScaleIsKeptAndMixingScalesIsAnError() {
        List<SurveyResponse> rs = List.of(answer("a", "csat", 7, Scale.of(1, 7)), answer("b", "csat", 1, Scale.CSAT));
        assertThatThrownBy(() -> SurveyCalculator.summarize(rs, SurveyOptions.defaults()))
                .hasMessageContaining("1..7")
                .hasMessageContaining("1..5");
        SurveySummary s = SurveyCalculator.summarize(rs.subList(0, 1), SurveyOptions.defaults());
        assertThat(s.csat().scale()).isEqualTo(Scale.of(1, 7));
        assertThat(s.csat().topBoxesFrom()).isEqualTo(6);
    }

    @Test
    void theSampleShopSurveySplitAnywhereAndMergedGivesTheWhole() {
        List<SurveyResponse> rs = SampleShop.standard().withCustomers(300).surveyResponses();
        SurveySummary whole = SurveyCalculator.summarize(rs, SurveyOptions.defaults());
        qt().withFixedSeed(11L)
                .withExamples(20)
                .forAll(integers().between(0, rs.size()))
                .checkAssert(cut -> {
                    SurveySummaryAccumulator left =
                            new SurveySummaryAccumulator(SurveyOptions.defaults()).addAll(rs.subList(0, cut));
                    SurveySummaryAccumulator right =
                            new SurveySummaryAccumulator(SurveyOptions.defaults()).addAll(rs.subList(cut, rs.size()));
                    assertThat(left.merge(right).snapshot()).isEqualTo(whole);
                });
        assertThat(rs.parallelStream().collect(SurveyCalculator.toSummary())).isEqualTo(whole);
    }

    @Test
    void theSummariesOfTheSampleShopSurveySplitAnywhereAddUpToTheWholeSummary() {
        List<SurveyResponse> rs = SampleShop.standard().withCustomers(300).surveyResponses();
        SurveySummary whole = SurveyCalculator.summarize(rs, SurveyOptions.defaults());
        assertThat(whole.csi().attributes()).isNotEmpty();
        qt().withFixedSeed(12L)
                .withExamples(20)
                .forAll(integers().between(0, rs.size()))
                .checkAssert(cut -> {
                    SurveySummary left = SurveyCalculator.summarize(rs.subList(0, cut), SurveyOptions.defaults());
                    SurveySummary right =
                            SurveyCalculator.summarize(rs.subList(cut, rs.size()), SurveyOptions.defaults());
                    assertThat(left.plus(right)).isEqualTo(whole);
                });
    }

    @Test
    void theCsiOfTwoGroupsOfAnswersAddsUpToTheCsiOfAll() {
        List<SurveyResponse> all = csiAnswers();
        CsiResult whole = all.stream().collect(CsiCalculator.toCsi(CsiMethod.MEAN));
        for (int cut = 0; cut <= all.size(); cut++) {
            CsiResult left = all.subList(0, cut).stream().collect(CsiCalculator.toCsi(CsiMethod.MEAN));
            CsiResult right = all.subList(cut, all.size()).stream().collect(CsiCalculator.toCsi(CsiMethod.MEAN));
            assertThat(left.plus(right)).isEqualTo(whole);
        }
    }

    @Test
    void segmentsPartitionTheAnswersAndAddUpToTheWhole() {
        List<SurveyResponse> rs =
                new ArrayList<>(SampleShop.standard().withCustomers(300).surveyResponses());
        rs.add(answer("nobody", "nps", 0, Scale.NPS));
        List<SurveyGroup> groups = SurveyCalculator.bySegment(rs, SurveyOptions.defaults());
        assertThat(groups).extracting(SurveyGroup::label).containsExactly("store", "web", SurveyGroup.NO_SEGMENT);
        NpsResult sum = groups.stream().map(g -> g.summary().nps()).reduce(NpsResult.empty(), NpsResult::plus);
        assertThat(sum)
                .isEqualTo(
                        SurveyCalculator.summarize(rs, SurveyOptions.defaults()).nps());
        assertThat(groups.get(2).summary().nps().detractors()).isEqualTo(1);
    }

    @Test
    void periodsRunFromTheFirstAnswerToTheLastWithEmptyGapsShown() {
        List<SurveyResponse> rs = List.of(
                SurveyResponse.of(CustomerId.of("a"), LocalDate.of(2025, 1, 5), "nps", 10, Scale.NPS),
                SurveyResponse.of(CustomerId.of("b"), LocalDate.of(2025, 3, 31), "nps", 0, Scale.NPS));
        List<SurveyGroup> months = SurveyCalculator.byPeriod(rs, Granularity.MONTH, SurveyOptions.defaults());
        assertThat(months).extracting(SurveyGroup::label).containsExactly("2025-01", "2025-02", "2025-03");
        assertThat(months.get(1).summary().nps().score()).isEmpty();
        assertThat(months.get(2).period()).contains(DateRange.month(2025, 3));
        assertThat(SurveyCalculator.byPeriod(rs, Granularity.QUARTER, SurveyOptions.defaults()))
                .singleElement()
                .satisfies(q -> assertThat(q.label()).isEqualTo("2025-Q1"));
        assertThat(SurveyCalculator.byPeriod(List.of(), Granularity.YEAR, SurveyOptions.defaults()))
                .isEmpty();
    }

    @Test
    void aSeededSampleIsReproducibleOrderFreeDistinctAndOfTheRequiredSize() {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(CustomerId.of(String.format("C%05d", i)));
        }
        SurveySample sample = SurveySampling.forMargin(ids, 5, 0.95, 7);
        assertThat(sample.size()).isEqualTo(870); // Cochran with N = 2000, see NpsResultTest
        assertThat(sample.plannedMargin()).isLessThanOrEqualTo(5.0);
        assertThat(sample.customers()).doesNotHaveDuplicates().isSorted();
        assertThat(ids).containsAll(sample.customers());
        List<CustomerId> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        reversed.add(ids.get(0)); // a duplicate counts once
        assertThat(SurveySampling.forMargin(reversed, 5, 0.95, 7)).isEqualTo(sample);
        assertThat(SurveySampling.forMargin(ids, 5, 0.95, 8).customers()).isNotEqualTo(sample.customers());
    }

    @Test
    void everyCustomerIsEquallyLikelyToBeDrawn() {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(CustomerId.of("c" + i));
        }
        Map<CustomerId, Long> counts = new java.util.HashMap<>();
        for (long seed = 0; seed < 4000; seed++) {
            SurveySampling.simpleRandomSample(ids, 3, seed).forEach(id -> counts.merge(id, 1L, Long::sum));
        }
        // Each id is expected 1200 times (3/10 of 4000); the binomial sd is 29, so 1200 +/- 150 is over 5 sd.
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(1050L, 1350L));
        assertThatThrownBy(() -> SurveySampling.simpleRandomSample(ids, 11, 1)).hasMessageContaining("0..10");
    }

    @Test
    void theSampleShopsLoyalCustomersScoreHigherThanItsLapsedOnes() {
        SampleShop shop = SampleShop.standard();
        var table = shop.purchases();
        int end = (int) shop.period().endExclusive().toEpochDay();
        Map<Boolean, List<Integer>> byActivity = shop.surveyResponses().stream()
                .filter(r -> r.question().equals("nps"))
                .collect(Collectors.partitioningBy(
                        r -> {
                            int c = table.indexOf(r.respondent()).getAsInt();
                            return table.epochDay(table.endRow(c) - 1) >= end - 180;
                        },
                        Collectors.mapping(SurveyResponse::score, Collectors.toList())));
        NpsResult active = NpsCalculator.fromScores(
                byActivity.get(true).stream().mapToInt(i -> i).toArray());
        NpsResult lapsed = NpsCalculator.fromScores(
                byActivity.get(false).stream().mapToInt(i -> i).toArray());
        assertThat(NpsCalculator.difference(active, lapsed, 0.95).isSignificant())
                .isTrue();
        assertThat(active.score().getAsDouble()).isGreaterThan(lapsed.score().getAsDouble());
        assertThat(lapsed.detractors()).isPositive();
    }

    @Test
    void theSampleShopSurveyIsDeterministicAndLeavesThePurchasesAsTheyWere() {
        SampleShop shop = SampleShop.standard();
        assertThat(shop.surveyResponses()).isEqualTo(shop.surveyResponses());
        assertThat(shop.surveyResponses(shop.purchases())).isEqualTo(shop.surveyResponses());
        assertThat(shop.purchases().size()).isEqualTo(20028); // as pinned in the README
        SurveySummary s = SurveyCalculator.summarize(shop.surveyResponses(), SurveyOptions.defaults());
        assertThat(s.nps().responses()).isEqualTo(650);
        assertThat(s.otherResponses()).isZero();
        assertThat(s.csi().attributes())
                .extracting(AttributeScore::attribute)
                .containsExactlyElementsOf(SampleShop.CSI_ATTRIBUTES);
        assertThat(s.csi().pullingDown()).extracting(AttributeScore::attribute).containsExactly("price");
    }
}
