package org.loyaltykpi.document.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.document.Chart;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.render.TextRenderer;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.report.LoyaltyReport;
import org.loyaltykpi.report.ReportInputs;
import org.loyaltykpi.report.ReportOptions;

class ReportDocumentTest {
    private static final SampleShop SHOP = SampleShop.standard();
    private static final PurchaseTable TABLE = SHOP.purchases();
    private static final Document DOCUMENT = ReportDocument.of(
            LoyaltyReport.compute(
                    ReportInputs.of(TABLE)
                            .withAnswers(SHOP.surveyResponses(TABLE))
                            .withReviews(SHOP.reviews(TABLE))
                            .withSpend(SHOP.marketingSpend(TABLE))
                            .withEvents(SHOP.programEvents(TABLE)),
                    ReportOptions.defaults()),
            new ReportSources(
                    "sample shop",
                    Optional.of("sample answers"),
                    Optional.of("sample reviews"),
                    Optional.of("sample spend"),
                    Optional.of("sample events"),
                    "test"));

    private static String text() {
        StringBuilder out = new StringBuilder();
        TextRenderer.render(DOCUMENT, Messages.english(), out);
        return out.toString();
    }

    private static JsonNode json() throws Exception {
        StringWriter out = new StringWriter();
        JsonRenderer.render(DOCUMENT, Messages.english(), out);
        return new ObjectMapper().readTree(out.toString());
    }

    @Nested
    class Definitions {
        @Test
        void theProgramLiftTableLabelsItsRowsMembersAndNonMembersNotByThePeriodTwice() throws Exception {
            JsonNode lift = json().at("/program/tables/programLift");
            assertThat(lift.at("/columns/0/id").asText()).isEqualTo("group");
            assertThat(lift.at("/rows/0/group").asText()).isEqualTo("members");
            assertThat(lift.at("/rows/1/group").asText()).isEqualTo("non-members");
            assertThat(text()).containsPattern("(?m)^\\s+members\\s").containsPattern("(?m)^\\s+non-members\\s");
        }

        @Test
        void theReportHasTwelveSectionsWithStableIds() {
            assertThat(DOCUMENT.sections())
                    .extracting(Section::id)
                    .containsExactly(
                            "purchaseBehaviour",
                            "cohorts",
                            "survey",
                            "customerLifetimeValue",
                            "loyaltyLevels",
                            "lifecycle",
                            "rfmSegments",
                            "churnRisk",
                            "reviews",
                            "value",
                            "program",
                            "targets");
            assertThat(DOCUMENT.sections()).noneMatch(Section::degraded);
        }

        @Test
        void aForecastFromThirteenDaysOfDataIsMarkedNotTrustworthyWithTheFitsWarnings() {
            // 400 customers over 13 days, 10 of whom came back once: no purchase model can be trusted on that (issue
            // 14).
            PurchaseTable.Builder b = PurchaseTable.builder();
            int first = (int) java.time.LocalDate.of(2025, 3, 1).toEpochDay();
            for (int i = 0; i < 400; i++) {
                b.add("c" + i, first + i % 13, 1_500 + 100L * (i % 17), "", 1);
                if (i % 33 == 5 && i % 13 < 10) {
                    b.add("c" + i, first + i % 13 + 2, 2_000 + 100L * (i % 7), "", 1);
                }
            }
            Document d = ReportDocument.of(
                    LoyaltyReport.compute(ReportInputs.of(b.build()), ReportOptions.defaults()),
                    new ReportSources(
                            "13 days", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "test"));
            StringBuilder out = new StringBuilder();
            TextRenderer.render(d, Messages.english(), out);
            String clv = out.substring(out.indexOf("Customer lifetime value"), out.indexOf("Loyalty levels"));
            assertThat(clv)
                    .contains("Not trustworthy")
                    .contains("warning: only 10 of 400 customers made a repeat purchase")
                    .contains("(from an untrustworthy fit)");
        }

        @Test
        void everyLabelResolvesInTheEnglishBundle() {
            assertThat(DOCUMENT.messages())
                    .allSatisfy(m -> assertThat(Messages.english().has(m.key()))
                            .as(m.key())
                            .isTrue());
        }

        @Test
        void everyChartDrawsAtLeastOneSeries() {
            assertThat(DOCUMENT.charts())
                    .allSatisfy(c -> assertThat(c.seriesCount()).as(c.id()).isPositive());
            assertThat(DOCUMENT.charts()).extracting(Chart::id).contains("cohortHeatmap", "npsChart", "clvAliveChart");
        }
    }

    @Nested
    class Invariants {
        @Test
        void everyNumberOfTheJsonReportAppearsInItsTextRendering() throws Exception {
            String text = text();
            List<String> missing = new ArrayList<>();
            numbers(json(), "", (path, value) -> {
                if (forms(value).stream().noneMatch(text::contains)) {
                    missing.add(path + "=" + value);
                }
            });
            assertThat(missing).isEmpty();
        }

        @Test
        void theJsonHasOneObjectPerTableWithOneRowObjectPerRow() throws Exception {
            JsonNode json = json();
            DOCUMENT.sections()
                    .forEach(s -> s.tables()
                            .forEach(t -> assertThat(json.at("/" + s.id() + "/tables/" + t.id() + "/rows")
                                            .size())
                                    .as(t.id())
                                    .isEqualTo(t.rows().size())));
        }
    }

    /** The ways the text may show a number: as a count, a decimal with 0 to 6 digits, or a fraction as a percentage. */
    static List<String> forms(double v) {
        List<String> forms = new ArrayList<>();
        if (v == Math.rint(v)) {
            forms.add(String.format(Locale.ROOT, "%,d", (long) v));
        }
        for (int d = 0; d <= 6; d++) {
            forms.add(String.format(Locale.ROOT, "%,." + d + "f", v));
        }
        forms.add(String.format(Locale.ROOT, "%.1f%%", 100 * v));
        return forms;
    }

    interface NumberVisitor {
        void visit(String path, double value);
    }

    static void numbers(JsonNode node, String path, NumberVisitor visitor) {
        if (node.isNumber()) {
            visitor.visit(path, node.asDouble());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                numbers(e.getValue(), path + "/" + e.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                numbers(node.get(i), path + "/" + i, visitor);
            }
        }
    }
}
