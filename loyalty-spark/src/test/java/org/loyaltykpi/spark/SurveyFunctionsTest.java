package org.loyaltykpi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.survey.ConfidenceInterval;
import org.loyaltykpi.survey.NpsResult;
import org.loyaltykpi.survey.NpsResultAccumulator;
import org.loyaltykpi.survey.ScoreSummary;
import org.loyaltykpi.survey.ScoreSummaryAccumulator;

/** The SQL functions give the core's NPS, CSAT and CES per group, on the sample shop's survey answers. */
class SurveyFunctionsTest {
    private static final StructType ANSWERS = new StructType()
            .add("segment", DataTypes.StringType, false)
            .add("question", DataTypes.StringType, false)
            .add("scale", DataTypes.StringType, false)
            .add("score", DataTypes.IntegerType, true);

    private static List<SurveyResponse> responses;

    @BeforeAll
    static void answers() {
        SparkSession spark = LocalSpark.session();
        SurveyFunctions.register(spark);
        responses = SampleShop.standard().withCustomers(600).surveyResponses();
        List<Row> rows = new ArrayList<>();
        for (SurveyResponse r : responses) {
            rows.add(RowFactory.create(
                    r.segment().orElse("none"), r.question(), r.scale().toString(), r.score()));
        }
        spark.createDataFrame(rows, ANSWERS).repartition(3).createOrReplaceTempView("answers");
    }

    private static Map<String, List<Integer>> scoresBySegment(Scale scale) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (SurveyResponse r : responses) {
            if (r.scale().equals(scale)) {
                out.computeIfAbsent(r.segment().orElse("none"), k -> new ArrayList<>())
                        .add(r.score());
            }
        }
        return out;
    }

    private static Map<String, Row> sql(String aggregate, Scale scale) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : LocalSpark.session()
                .sql("SELECT segment, " + aggregate + " AS v FROM answers WHERE scale = '" + scale
                        + "' GROUP BY segment")
                .collectAsList()) {
            out.put(r.getString(0), r.getStruct(1));
        }
        return out;
    }

    @Nested
    class ModelBased {
        @Test
        void npsPerSegmentEqualsTheCoreResultWithItsAdjustedWaldInterval() {
            Map<String, List<Integer>> groups = scoresBySegment(Scale.NPS);
            assertThat(groups).isNotEmpty();
            Map<String, Row> spark = sql("nps(score)", Scale.NPS);
            Map<String, Row> at80 = sql("nps_interval(score, 0.8)", Scale.NPS);
            assertThat(spark.keySet()).isEqualTo(groups.keySet());
            groups.forEach((segment, scores) -> {
                NpsResultAccumulator acc = new NpsResultAccumulator();
                scores.forEach(acc::add);
                NpsResult core = acc.snapshot();
                Row v = spark.get(segment);
                assertThat(v.<Long>getAs("responses")).isEqualTo(core.responses());
                assertThat(v.<Long>getAs("promoters")).isEqualTo(core.promoters());
                assertThat(v.<Long>getAs("passives")).isEqualTo(core.passives());
                assertThat(v.<Long>getAs("detractors")).isEqualTo(core.detractors());
                assertThat(v.<Double>getAs("score")).isEqualTo(core.score().getAsDouble());
                ConfidenceInterval ci = core.confidenceInterval().orElseThrow();
                assertThat(v.<Double>getAs("low")).isEqualTo(ci.low());
                assertThat(v.<Double>getAs("high")).isEqualTo(ci.high());
                assertThat(v.<String>getAs("method")).isEqualTo("adjusted-wald");
                ConfidenceInterval ci80 = core.confidenceInterval(0.8).orElseThrow();
                assertThat(at80.get(segment).<Double>getAs("level")).isEqualTo(0.8);
                assertThat(at80.get(segment).<Double>getAs("low")).isEqualTo(ci80.low());
                assertThat(at80.get(segment).<Double>getAs("high")).isEqualTo(ci80.high());
            });
        }

        @Test
        void csatWithTwoOrThreeTopBoxesAndCesPerSegmentEqualTheCoreSummaries() {
            for (int topBoxes : new int[] {2, 3}) {
                Map<String, Row> spark =
                        sql(topBoxes == 2 ? "csat(score)" : "csat(score, " + topBoxes + ")", Scale.CSAT);
                Map<String, List<Integer>> groups = scoresBySegment(Scale.CSAT);
                assertThat(spark.keySet()).isEqualTo(groups.keySet());
                for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                    assertScore(spark.get(g.getKey()), g.getValue(), Scale.CSAT, topBoxes);
                }
            }
            Map<String, Row> ces = sql("ces(score)", Scale.CES);
            Map<String, List<Integer>> groups = scoresBySegment(Scale.CES);
            assertThat(ces.keySet()).isEqualTo(groups.keySet());
            groups.forEach((segment, scores) -> assertScore(ces.get(segment), scores, Scale.CES, 3));
        }

        private void assertScore(Row v, List<Integer> scores, Scale scale, int topBoxes) {
            ScoreSummaryAccumulator acc = new ScoreSummaryAccumulator(scale, topBoxes);
            scores.forEach(acc::add);
            ScoreSummary core = acc.snapshot();
            assertThat(v.<Long>getAs("responses")).isEqualTo(core.responses());
            assertThat(v.<Integer>getAs("topBoxes")).isEqualTo(topBoxes);
            assertThat(v.<Long>getAs("topBoxCount")).isEqualTo(core.topBoxCount());
            assertThat(v.<Double>getAs("topBoxShare"))
                    .isEqualTo(core.topBoxShare().value().getAsDouble());
            assertThat(v.<Double>getAs("low"))
                    .isEqualTo(core.topBoxInterval().orElseThrow().low());
            assertThat(v.<Double>getAs("high"))
                    .isEqualTo(core.topBoxInterval().orElseThrow().high());
            assertThat(v.<Double>getAs("mean")).isEqualTo(core.mean().getAsDouble());
        }
    }

    @Nested
    class Invariants {
        @Test
        void nullScoresAreSkippedAndCountedAndAGroupOfNoAnswersHasNullScore() {
            Row v = LocalSpark.session()
                    .sql("SELECT nps(s) FROM VALUES (CAST(NULL AS INT)), (CAST(NULL AS INT)) AS t(s)")
                    .first()
                    .getStruct(0);
            assertThat(v.<Long>getAs("responses")).isZero();
            assertThat(v.<Long>getAs("skippedNulls")).isEqualTo(2);
            assertThat(v.isNullAt(v.fieldIndex("score"))).isTrue();
        }

        @Test
        void aScoreOutsideTheScaleFailsTheQueryNamingTheScore() {
            Dataset<Row> bad = LocalSpark.session().sql("SELECT nps(s) FROM VALUES (9), (11) AS t(s)");
            assertThatThrownBy(bad::collectAsList).hasStackTraceContaining("11");
        }
    }
}
