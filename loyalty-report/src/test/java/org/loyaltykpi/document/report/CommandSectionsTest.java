package org.loyaltykpi.document.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.IntervalOptions;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.render.CsvRenderer;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.render.TextRenderer;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.segment.ChurnRiskOptions;
import org.loyaltykpi.segment.LevelOptions;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.SegmentCalculator;

/**
 * The documents of {@code loyalty segments}, {@code loyalty rfm}, {@code clv fit} and {@code clv predict} on the
 * sample shop: every label in English and Russian, every number of the command's JSON in its text, its CSV the JSON's
 * table.
 */
class CommandSectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages RUSSIAN = Messages.of(Locale.forLanguageTag("ru"));
    private static final SampleShop SHOP = SampleShop.standard();
    private static final PurchaseTable PURCHASES = SHOP.purchases();
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    private static final LocalDate CALIBRATION_END = LocalDate.of(2025, 6, 30);

    private static Document document(String title, List<Section> sections) {
        // every title takes the day as its argument or ignores it
        return new Document(
                Message.of(title, AS_OF),
                List.of(KeyFigure.of("source", Message.of("about.source"), Cell.text("sample shop"))),
                sections);
    }

    private static Document segments(int listed, int transitionPeriods) {
        var answers = SHOP.surveyResponses(PURCHASES);
        var reviews = SHOP.reviews(PURCHASES);
        BtydSummary summary = BtydSummary.of(PURCHASES, AS_OF.minusDays(1), TimeScale.WEEKS);
        var model = BgNbdModel.fit(summary, FitOptions.defaults());
        return document(
                "title.segments",
                List.of(
                        SegmentDocuments.levels(SegmentCalculator.loyaltyLevels(
                                PURCHASES, answers, reviews, AS_OF, LevelOptions.defaults())),
                        SegmentDocuments.lifecycle(
                                SegmentCalculator.lifecycle(
                                        PURCHASES, answers, reviews, AS_OF, LifecycleOptions.defaults()),
                                SegmentCalculator.lifecycleSeries(
                                        PURCHASES,
                                        answers,
                                        reviews,
                                        AS_OF,
                                        Granularity.QUARTER,
                                        LifecycleOptions.defaults()),
                                transitionPeriods),
                        SegmentDocuments.rfm(SegmentCalculator.rfmScores(PURCHASES, AS_OF)),
                        SegmentDocuments.churn(
                                SegmentCalculator.churnRisk(
                                        PURCHASES, AS_OF, ChurnRiskOptions.defaults(), Optional.of(model)),
                                listed)));
    }

    /** The documents of clv fit, clv predict (with intervals) and rfm (with a holdout). */
    private static List<Document> clv() {
        BtydSummary summary = BtydSummary.of(PURCHASES, CALIBRATION_END, TimeScale.WEEKS);
        BgNbdModel model = BgNbdModel.fit(summary, FitOptions.defaults());
        GammaGammaModel spend =
                GammaGammaModel.fit(summary, FitOptions.defaults(), GammaGammaModel.NonPositiveSpend.EXCLUDE);
        ClvOptions options = new ClvOptions(4, TimeScale.WEEKS, 0.3, 0.01);
        Document fit = document("title.clv-fit", ClvDocuments.fit(model.fit().orElseThrow(), List.of()));
        Document predict = document(
                "title.clv-predict",
                List.of(ClvDocuments.predictions(
                        model.name(),
                        TimeScale.WEEKS,
                        options,
                        true,
                        ClvCalculator.predict(model, Optional.of(spend), summary, options),
                        Optional.of(ClvCalculator.predictIntervals(
                                model, Optional.of(spend), summary, options, new IntervalOptions(0.9, 20, 1))))));
        Document rfm = document(
                "title.rfm",
                List.of(ClvDocuments.btydSummary(
                        BtydSummary.of(PURCHASES, CALIBRATION_END, LocalDate.of(2025, 12, 31), TimeScale.WEEKS))));
        return List.of(fit, predict, rfm);
    }

    private static String text(Document d, Messages messages) {
        StringBuilder out = new StringBuilder();
        TextRenderer.render(d, messages, out);
        return out.toString();
    }

    private static JsonNode json(Document d) throws Exception {
        StringWriter out = new StringWriter();
        JsonRenderer.renderFields(d, out);
        return JSON.readTree(out.toString());
    }

    private static void numbers(JsonNode node, String path, List<String[]> out) {
        if (node.isNumber()) {
            out.add(new String[] {path, node.asText()});
        } else if (node.isContainerNode()) {
            var fields = node.fields();
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    numbers(node.get(i), path + "/" + i, out);
                }
            }
            fields.forEachRemaining(e -> numbers(e.getValue(), path + "/" + e.getKey(), out));
        }
    }

    /** Every number of the JSON in the text: a count grouped, a decimal with 0 to 6 digits, a fraction in percent. */
    private static List<String> notInText(Document d) throws Exception {
        java.util.Set<String> tokens =
                new java.util.HashSet<>(List.of(text(d, Messages.english()).split("\\s+")));
        List<String[]> all = new ArrayList<>();
        numbers(json(d), "", all);
        List<String> missing = new ArrayList<>();
        for (String[] n : all) {
            java.math.BigDecimal v = new java.math.BigDecimal(n[1]);
            List<String> forms = new ArrayList<>();
            if (v.stripTrailingZeros().scale() <= 0) {
                forms.add(String.format(Locale.ROOT, "%,d", v.longValue()));
            }
            for (int digits = 0; digits <= 6; digits++) {
                forms.add(String.format(Locale.ROOT, "%,." + digits + "f", v));
            }
            forms.add(String.format(Locale.ROOT, "%.1f%%", v.doubleValue() * 100));
            if (forms.stream().noneMatch(tokens::contains)) {
                missing.add(n[0] + "=" + n[1]);
            }
        }
        assertThat(all).hasSizeGreaterThan(20);
        return missing;
    }

    @Nested
    class Invariants {
        @Test
        void everyLabelOfTheSegmentAndClvDocumentsHasARussianTranslation() {
            assertThat(RUSSIAN.untranslated(segments(10, 1).messages())).isEmpty();
            clv().forEach(d -> assertThat(RUSSIAN.untranslated(d.messages())).isEmpty());
        }

        @Test
        void noMessageKeyShowsInTheEnglishOrRussianText() {
            for (Messages messages : new Messages[] {Messages.english(), RUSSIAN}) {
                List<Document> all = new ArrayList<>(clv());
                all.add(segments(10, 1));
                for (Document d : all) {
                    String text = text(d, messages);
                    for (Message m : d.messages()) {
                        assertThat(text).as(messages.locale() + " " + m.key()).doesNotContain(m.key());
                    }
                }
            }
        }

        @Test
        void theTextOfTheSegmentsShowsEveryNumberOfTheirJsonWhenItListsEveryone() throws Exception {
            assertThat(notInText(segments(Integer.MAX_VALUE, Integer.MAX_VALUE)))
                    .isEmpty();
        }

        @Test
        void theTextOfTheClvFitPredictionsAndSummaryShowsEveryNumberOfTheirJson() throws Exception {
            for (Document d : clv()) {
                assertThat(notInText(d)).as(d.toString()).isEmpty();
            }
        }

        @Test
        void theJsonOfAFitKeepsTheContractsFieldsWithTheTimeUnitLowerKebab() throws Exception {
            JsonNode fit = json(clv().get(0));
            assertThat(fit.get("model").asText()).isEqualTo("bg-nbd");
            assertThat(fit.get("timeUnit").asText()).isEqualTo("weeks");
            assertThat(fit.get("converged").isBoolean()).isTrue();
            assertThat(fit.get("warnings").isArray()).isTrue();
            assertThat(fit.at("/covariance/scale").asText()).isEqualTo("log");
            assertThat(fit.at("/covariance/r/alpha").asDouble())
                    .isEqualTo(fit.at("/covariance/alpha/r").asDouble());
            assertThat(fit.at("/intervals/level").asDouble()).isEqualTo(0.95);
            assertThat(fit.at("/intervals/r/low").asDouble())
                    .isLessThan(fit.at("/params/r").asDouble())
                    .isPositive();
        }

        @Test
        void theCsvOfThePredictionsIsTheirJsonTableAtFullPrecision() throws Exception {
            Document d = clv().get(1);
            StringBuilder csv = new StringBuilder();
            CsvRenderer.render(d.table("predictions").orElseThrow(), csv);
            List<String> lines = csv.toString().lines().toList();
            assertThat(lines.get(0))
                    .isEqualTo("customer_id,p_alive,expected_purchases,expected_spend,clv,expected_purchases_low,"
                            + "expected_purchases_high,clv_low,clv_high");
            JsonNode rows = json(d).get("predictions");
            assertThat(lines).hasSize(rows.size() + 1);
            String[] first = lines.get(1).split(",");
            assertThat(Double.parseDouble(first[4]))
                    .isEqualTo(rows.get(0).get("clv").asDouble());
        }
    }
}
