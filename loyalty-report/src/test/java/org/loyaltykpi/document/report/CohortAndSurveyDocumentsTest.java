package org.loyaltykpi.document.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.render.TextRenderer;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.survey.SurveyCalculator;
import org.loyaltykpi.survey.SurveyOptions;
import org.loyaltykpi.survey.SurveySummary;

/**
 * The documents of {@code loyalty cohort} and {@code loyalty survey} on the sample shop: every label translated, and
 * the JSON fields of a command (their shape kept from the hand-written output they replace).
 */
class CohortAndSurveyDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages RUSSIAN = Messages.of(Locale.forLanguageTag("ru"));
    private static final PurchaseTable SHOP = SampleShop.standard().purchases();
    private static final List<SurveyResponse> ANSWERS = SampleShop.standard().surveyResponses(SHOP);

    private static Document cohort(CohortMetric metric, RetentionDefinition definition) {
        CohortMatrix m = CohortCalculator.matrix(
                SHOP, Granularity.QUARTER, List.of(OffsetBracket.parse("1-2"), OffsetBracket.parse("3-4")));
        return CommandDocument.of(
                CohortDocuments.title(m, metric, definition),
                "shop",
                Optional.empty(),
                List.of(),
                CohortDocuments.sections(m, metric, definition));
    }

    private static Document survey() {
        SurveySummary total = SurveyCalculator.summarize(ANSWERS, SurveyOptions.defaults());
        return CommandDocument.of(
                SurveyDocuments.title(total),
                "answers",
                Optional.empty(),
                List.of(),
                SurveyDocuments.sections(
                        total,
                        Optional.of("quarter"),
                        SurveyCalculator.byPeriod(ANSWERS, Granularity.QUARTER, SurveyOptions.defaults()),
                        0.95));
    }

    private static List<Document> all() {
        List<Document> all = new ArrayList<>();
        for (CohortMetric metric : CohortMetric.values()) {
            all.add(cohort(metric, RetentionDefinition.CLASSIC));
        }
        all.add(cohort(CohortMetric.RETENTION, RetentionDefinition.UNBOUNDED));
        all.add(survey());
        return all;
    }

    private static JsonNode json(Document d) throws Exception {
        StringWriter out = new StringWriter();
        JsonRenderer.renderFields(d, out);
        return JSON.readTree(out.toString());
    }

    @Nested
    class Invariants {
        @Test
        void everyLabelOfTheCohortAndSurveyDocumentsHasARussianTranslation() {
            for (Document d : all()) {
                assertThat(RUSSIAN.untranslated(d.messages())).as(d.toString()).isEmpty();
                StringBuilder text = new StringBuilder();
                TextRenderer.render(d, RUSSIAN, text);
                assertThat(text.toString()).doesNotContain("field.", "column.", "section.", "title.");
            }
        }

        @Test
        void everyCohortHasOneValuePerObservedOffsetAndTheAverageOnePerOffset() throws Exception {
            JsonNode json = json(cohort(CohortMetric.RETENTION, RetentionDefinition.CLASSIC));
            assertThat(json.get("granularity").asText()).isEqualTo("quarter");
            assertThat(json.get("definition").asText()).isEqualTo("classic");
            JsonNode cohorts = json.get("cohorts");
            int offsets = cohorts.get(0).get("values").size();
            for (int c = 0; c < cohorts.size(); c++) {
                assertThat(cohorts.get(c).get("values").size()).isEqualTo(offsets - c);
                assertThat(cohorts.get(c).get("values").get(0).asDouble()).isEqualTo(1.0);
                assertThat(cohorts.get(c).get("brackets").has("1-2")).isTrue();
            }
            assertThat(json.get("average").size()).isEqualTo(offsets);
        }

        @Test
        void theSurveyBreakdownHasEveryFieldOfTheWholeForEachGroup() throws Exception {
            JsonNode json = json(survey());
            JsonNode group = json.at("/breakdown/groups/0");
            List<String> whole = new ArrayList<>();
            json.fieldNames().forEachRemaining(whole::add);
            whole.removeAll(List.of("source", "breakdown"));
            List<String> fields = new ArrayList<>();
            group.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsSubsequence(whole).startsWith("label", "period");
            assertThat(json.at("/breakdown/by").asText()).isEqualTo("quarter");
            assertThat(json.at("/nps/confidenceInterval/method").asText()).isEqualTo("adjusted-wald");
            assertThat(json.at("/csi/pullingDown").isArray()).isTrue();
            assertThat(json.at("/otherQuestions/questions").isArray()).isTrue();
        }
    }

    @Test
    void titlesNameTheGranularityAndWhatTheCellsHold() {
        assertThat(Messages.english()
                        .text(cohort(CohortMetric.LTV, RetentionDefinition.CLASSIC)
                                .title()))
                .isEqualTo("Cohorts by quarter: cumulative revenue per cohort customer (LTV curve)");
        assertThat(Messages.english().text(Message.of("title.survey", 1200))).isEqualTo("Survey: 1,200 answers");
    }
}
