package org.loyaltykpi.document.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page's building blocks in headless Chromium: every chart kind draws, tables sort, nothing is requested. */
class HtmlPageInBrowserTest {
    private static Chromium chromium;
    private static HtmlPage page;
    private static Path file;

    @BeforeAll
    static void render() throws IOException {
        page = new HtmlPage("en", "en-US", "Blocks", Map.of("missing", "n/a", "sort", "Sort"));
        List<String> months = List.of("2024-01", "2024-02", "2024-03", "2024-04");
        page.header("Blocks", List.of(Map.entry("source", "fixture <b>")))
                .nav("Sections", List.of(Map.entry("a", "A")))
                .beginSection("a", "A")
                .tiles(List.of(new HtmlPage.Tile(
                        "Active customers",
                        "1,234",
                        "",
                        "of 2,000",
                        Optional.of("+3.1% vs 2024-03"),
                        "up",
                        Optional.of(new HtmlPlot.Sparkline(
                                "spark", months, HtmlPlot.Series.line("active", "count", new double[] {3, 4, 2, 5
                                }))))));
        page.chart(
                "active",
                "Active customers",
                320,
                false,
                new HtmlPlot.Cartesian(
                        months,
                        "",
                        "count",
                        "",
                        List.of(
                                HtmlPlot.Series.line("new", "count", new double[] {3, 4, 2, 5})
                                        .withType("bar")
                                        .stacked("a"),
                                HtmlPlot.Series.line("returning", "count", new double[] {1, 2, 3, 4})
                                        .withType("bar")
                                        .stacked("a"),
                                HtmlPlot.Series.line("retention", "percent", new double[] {Double.NaN, .5, .6, .55})
                                        .onRightAxis()
                                        .withBand(
                                                new double[] {Double.NaN, .4, .5, .45},
                                                new double[] {Double.NaN, .6, .7, .65}))));
        page.chart(
                "retention",
                "Retention",
                320,
                true,
                new HtmlPlot.Heatmap(
                        List.of("+0", "+1", "+2"),
                        "offset",
                        List.of("2024-01", "2024-02", "2024-03"),
                        "cohort",
                        List.of(
                                new HtmlPlot.Matrix("retention", "percent", new double[][] {
                                    {1, .5, .4}, {1, .6, Double.NaN}, {1, Double.NaN, Double.NaN}
                                }),
                                new HtmlPlot.Matrix("revenue", "money", new double[][] {
                                    {10, 5, 4}, {12, 6, Double.NaN}, {9, Double.NaN, Double.NaN}
                                })),
                        "heatmap",
                        Optional.of("curves")));
        page.chart(
                "flow",
                "Flow",
                320,
                true,
                new HtmlPlot.Flow(
                        "customers",
                        "count",
                        List.of(
                                new HtmlPlot.Node("s:a", "a"),
                                new HtmlPlot.Node("e:a", "a"),
                                new HtmlPlot.Node("e:b", "b")),
                        List.of(new HtmlPlot.Link("s:a", "e:a", 5), new HtmlPlot.Link("s:a", "e:b", 2))));
        page.chart(
                "ranked",
                "Ranked",
                240,
                false,
                new HtmlPlot.Ranked(
                        List.of("price", "delivery"),
                        "decimal",
                        List.of(HtmlPlot.Series.line("drag", "decimal", new double[] {3.5, 1.25}))));
        page.table(
                        "t1",
                        "Table",
                        List.of("a note"),
                        "CSV",
                        false,
                        List.of(
                                new HtmlPage.Column("name", "Name", false),
                                new HtmlPage.Column("value", "Value", true)),
                        List.of(
                                List.of(HtmlPage.Cell.text("b"), HtmlPage.Cell.number("10", "10")),
                                List.of(HtmlPage.Cell.text("a"), HtmlPage.Cell.number("9", "9")),
                                List.of(HtmlPage.Cell.text("c"), HtmlPage.Cell.missing("n/a"))))
                .endSection();
        file = Path.of("target", "browser", "blocks.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, page.finish("footer"), StandardCharsets.UTF_8);
        chromium = Chromium.start(1280, 900);
        chromium.open(file);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void everyChartIsAnEChartsInstanceOfNonZeroSizeWithTheDocumentsSeriesCount() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) chromium.script(Dashboards.DRAWN_CHARTS);
        assertThat(drawn).hasSize(page.charts().size());
        for (Map<String, Object> chart : drawn) {
            HtmlPlot plot = page.charts().get((String) chart.get("id"));
            assertThat(chart.get("instance")).as("%s", chart).isEqualTo(true);
            assertThat(((Number) chart.get("width")).doubleValue())
                    .as("%s", chart)
                    .isPositive();
            assertThat(((Number) chart.get("height")).doubleValue())
                    .as("%s", chart)
                    .isPositive();
            assertThat(((Number) chart.get("series")).intValue())
                    .as("%s", chart)
                    .isEqualTo(plot.seriesCount());
        }
        chromium.screenshotFullPage(Path.of("target", "browser", "blocks.png"));
    }

    @Test
    void theCurvesViewOfAHeatmapDrawsOneLinePerRowAndTheHeatmapViewComesBack() {
        String series = "return echarts.getInstanceByDom(document.querySelector('[data-chart=\"retention\"]'))"
                + ".getOption().series.length;";
        String select = "var s = document.querySelector('select[data-view-of=\"retention\"]'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('change'));";
        chromium.script(select, "curves");
        assertThat(((Number) chromium.script(series)).intValue()).isEqualTo(3);
        chromium.script(select, "heatmap");
        assertThat(((Number) chromium.script(series)).intValue()).isEqualTo(2);
    }

    @Test
    void theConsoleHoldsNoErrorAndThePageRequestsNothingButItself() {
        assertThat(chromium.consoleErrors()).isEmpty();
        assertThat(chromium.requests()).containsOnly(file.toUri().toString());
    }

    @Test
    void clickingANumericHeaderSortsByTheRawValueWithMissingLast() {
        chromium.script("document.querySelector('#t1 th.num').click();");
        assertThat(chromium.script("return Array.from(document.querySelectorAll('#t1 tbody tr'))"
                        + ".map(r => r.cells[0].textContent).join();"))
                .isEqualTo("a,b,c");
        chromium.script("document.querySelector('#t1 th.num').click();");
        assertThat(chromium.script("return Array.from(document.querySelectorAll('#t1 tbody tr'))"
                        + ".map(r => r.cells[0].textContent).join();"))
                .isEqualTo("b,a,c");
    }

    @Test
    void theCsvLinkCarriesTheTableAsADataUrlWithRawValuesInItsCurrentOrder() {
        Object href = chromium.script("var a = document.querySelector('a.csv');"
                + "a.addEventListener('click', function (e) { e.preventDefault(); }, {once: true});"
                + "a.click(); return decodeURIComponent(a.href.substring(a.href.indexOf(',') + 1));");
        assertThat(href).asString().isEqualTo("name,value\nb,10\na,9\nc,\n");
    }
}
