package org.loyaltykpi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.document.render.CsvRenderer;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.render.TextRenderer;

class DocumentTest {

    static Table byPeriod() {
        return Table.builder("behaviourByPeriod", Message.of("unit.month"))
                .column("period", Message.of("about.date-range"), ColumnType.TEXT)
                .column("active", Message.of("about.customers"), ColumnType.COUNT)
                .column("retentionRate", Message.of("about.data"), ColumnType.RATIO)
                .column("revenue", Message.of("about.purchases"), ColumnType.MONEY)
                .row(Cell.text("2024-01"), Cell.count(1200), Cell.ratio(0, 0), Cell.money(new BigDecimal("1234.50")))
                .row(Cell.text("2024-02"), Cell.count(1300), Cell.ratio(1, 8), Cell.money(new BigDecimal("99.00")))
                .build();
    }

    static Document document() {
        Section section = Section.builder("purchaseBehaviour", Message.of("section.purchase-behaviour"))
                .figure(KeyFigure.of("retention", Message.of("about.data"), Cell.ratio(1, 8))
                        .withPrevious(Cell.ratio(1, 10))
                        .withTrend("behaviourByPeriod", "retentionRate"))
                .table(byPeriod())
                .chart(new Chart.TimeSeries(
                        "activeChart",
                        Message.of("about.customers"),
                        "behaviourByPeriod",
                        "period",
                        List.of(Chart.Series.bar("active")),
                        false))
                .build();
        return new Document(
                Message.of("report.title"),
                List.of(KeyFigure.of("source", Message.of("about.source"), Cell.text("shop.csv"))),
                List.of(section, Section.degraded("clv", Message.of("section.survey"), Message.of("value.missing"))));
    }

    @Nested
    class Definitions {
        @Test
        void aRatioOfNothingIsMissingInEveryRendering() {
            Messages en = Messages.english();
            assertThat(en.format(Cell.ratio(0, 0))).isEqualTo("n/a");
            assertThat(CsvRenderer.value(Cell.ratio(0, 0))).isEmpty();
            assertThat(en.format(Cell.ratio(1, 8))).isEqualTo("12.5%");
            assertThat(CsvRenderer.value(Cell.ratio(1, 8))).isEqualTo("0.125");
        }

        @Test
        void enumsAreLowerKebabCodes() {
            assertThat(Cell.code(ColumnType.COUNT)).isEqualTo("count");
            assertThat(((Cell.Label) Cell.label("mark", Chart.Mark.LINE)).code())
                    .isEqualTo("line");
        }

        @Test
        void theChangeOfARateIsInPercentagePoints() {
            KeyFigure f = KeyFigure.of("r", Message.of("about.data"), Cell.ratio(1, 8))
                    .withPrevious(Cell.ratio(1, 10));
            assertThat(f.change()).hasValueCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Messages.english().change(f)).contains("+2.5 pp");
        }

        @Test
        void theChangeOfACountIsRelative() {
            KeyFigure f =
                    KeyFigure.of("n", Message.of("about.data"), Cell.count(120)).withPrevious(Cell.count(100));
            assertThat(f.change()).hasValueCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Messages.english().change(f)).contains("+20.0%");
        }

        @Test
        void theChangeOfAScoreSuchAsNpsIsTheDifferenceInPointsEvenWhenThePreviousIsNegative() {
            KeyFigure f = KeyFigure.of(
                            "nps", Message.of("about.data"), Cell.decimal(java.util.OptionalDouble.of(12.5), 1))
                    .withPrevious(Cell.decimal(java.util.OptionalDouble.of(-5), 1))
                    .asScore();
            assertThat(f.change()).hasValueCloseTo(17.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.changeInPoints()).isTrue();
            assertThat(Messages.english().change(f)).contains("+17.5 points");
        }
    }

    @Nested
    class Invariants {
        @Test
        void aCellThatDoesNotFitItsColumnIsRejectedNamingTableRowAndColumn() {
            assertThatThrownBy(() -> Table.builder("t")
                            .column("n", Message.of("about.data"), ColumnType.COUNT)
                            .row(Cell.text("x"))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("table t row 0 column n");
        }

        @Test
        void aChartMustDrawColumnsOfItsSectionsTables() {
            assertThatThrownBy(() -> Section.builder("s", Message.of("section.clv"))
                            .table(byPeriod())
                            .chart(new Chart.Histogram(
                                    "h", Message.of("about.data"), "behaviourByPeriod", "a", "b", "c"))
                            .build())
                    .hasMessageContaining("chart h draws column a, not in table behaviourByPeriod");
        }

        @Test
        void idsAreUniqueInADocument() {
            Section a = Section.builder("a", Message.of("section.clv"))
                    .table(byPeriod())
                    .build();
            Section b = Section.builder("b", Message.of("section.clv"))
                    .table(byPeriod())
                    .build();
            assertThatThrownBy(() -> new Document(Message.of("report.title"), List.of(), List.of(a, b)))
                    .hasMessageContaining("table id behaviourByPeriod is used twice");
        }

        @Test
        void everyMessageOfTheExampleResolvesInEnglish() {
            assertThat(document().messages())
                    .allSatisfy(m -> assertThat(Messages.english().has(m.key()))
                            .as(m.key())
                            .isTrue());
        }
    }

    @Nested
    class Renderings {
        @Test
        void textAlignsNumbersRightAndShowsTheChange() {
            StringBuilder out = new StringBuilder();
            TextRenderer.render(document(), Messages.english(), out);
            assertThat(out.toString())
                    .contains("LOYALTY REPORT")
                    .contains("source:  shop.csv")
                    .contains("1. Purchase behaviour")
                    .contains("12.5%  previous 10.0%, +2.5 pp")
                    .contains("  2024-01         1,200    n/a   1,234.50")
                    .contains("2. Customer survey");
        }

        @Test
        void jsonUsesIdsAsFieldsFractionsForRatesAndNullForUndefined() {
            StringWriter out = new StringWriter();
            JsonRenderer.render(document(), Messages.english(), out);
            String json = out.toString().replaceAll("\\s+", "");
            assertThat(json)
                    .contains("\"retentionRate\":null")
                    .contains("\"retentionRate\":0.125")
                    .contains("\"revenue\":1234.50")
                    .contains("\"change\":2.5")
                    .contains("\"type\":\"time-series\"")
                    .contains("\"clv\":{\"title\":\"Customersurvey\",\"degraded\":true");
        }

        @Test
        void csvHasColumnIdsAndLocaleFreeValues() {
            StringBuilder out = new StringBuilder();
            CsvRenderer.render(byPeriod(), out);
            assertThat(out.toString())
                    .isEqualTo(
                            "period,active,retentionRate,revenue\n2024-01,1200,,1234.50\n2024-02,1300,0.125,99.00\n");
        }

        @Test
        void commandJsonWritesNumberedFieldsAsArraysLeavingOffTrailingUndefinedValues() {
            Section section = Section.builder("cohort", Message.of("section.cohorts"))
                    .figure(KeyFigure.of("average.0", Message.of("about.data"), Cell.ratio(4, 4)))
                    .figure(KeyFigure.of("average.1", Message.of("about.data"), Cell.ratio(1, 4)))
                    .table(Table.builder("cohorts")
                            .column("cohort", ColumnType.TEXT)
                            .column("values.0", Message.of("column.offset", "+k"), ColumnType.COUNT)
                            .column("values.1", Message.of("column.offset", "+k"), ColumnType.COUNT)
                            .column("brackets.1-3", Message.of("column.offset", "+k"), ColumnType.RATIO)
                            .row(Cell.text("2024-01"), Cell.count(4), Cell.count(1), Cell.ratio(1, 4))
                            .row(Cell.text("2024-02"), Cell.count(3), Cell.missing(), Cell.missing())
                            .build())
                    .build();
            StringWriter out = new StringWriter();
            JsonRenderer.renderFields(new Document(Message.of("report.title"), List.of(), List.of(section)), out);
            assertThat(out.toString().replaceAll("\\s+", ""))
                    .isEqualTo("{\"average\":[1,0.25],\"cohorts\":[{\"cohort\":\"2024-01\",\"values\":[4,1],"
                            + "\"brackets\":{\"1-3\":0.25}},{\"cohort\":\"2024-02\",\"values\":[3],"
                            + "\"brackets\":{\"1-3\":null}}]}");
        }

        @Test
        void commandJsonRejectsAColumnWhosePathIsAnotherColumnsValueBeforeWritingAnything() {
            Section section = Section.builder("cohort", Message.of("section.cohorts"))
                    .table(Table.builder("cohorts")
                            .column("values", Message.of("about.customers"), ColumnType.COUNT)
                            .column("values.0", Message.of("column.offset", "+k"), ColumnType.COUNT)
                            .row(Cell.count(4), Cell.count(1))
                            .build())
                    .build();
            StringWriter out = new StringWriter();
            assertThatThrownBy(() -> JsonRenderer.renderFields(
                            new Document(Message.of("report.title"), List.of(), List.of(section)), out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field values.0: values is a value, not an object");
            assertThat(out.toString()).isEmpty();
        }

        @Test
        void fieldIdsMayHaveNumberAndRangeNamesButTableIdsAreCamelCase() {
            assertThat(Ids.field("values.0", "column")).isEqualTo("values.0");
            assertThat(Ids.field("brackets.1-3", "column")).isEqualTo("brackets.1-3");
            assertThatThrownBy(() -> Ids.check("cohorts.0", "table")).hasMessageContaining("cohorts.0");
        }

        @Test
        void aTableWithoutATitleHasNone() {
            assertThat(Table.builder("t").column("n", ColumnType.COUNT).build().title())
                    .isEqualTo(Optional.empty());
        }
    }
}
