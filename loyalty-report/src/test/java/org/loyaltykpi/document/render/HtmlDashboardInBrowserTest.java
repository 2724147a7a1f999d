package org.loyaltykpi.document.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loyaltykpi.document.Chart;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.openqa.selenium.json.Json;

/**
 * The dashboards of the sample shop and of CDNOW_master in headless Chromium: every chart of the document is drawn by
 * ECharts with the document's series, every table has the rows of the JSON rendering, the console holds no error, the
 * page requests nothing but itself, and the page stays within its size budgets. Full-page screenshots go to
 * {@code target/browser/}.
 */
class HtmlDashboardInBrowserTest {

    /** One rendered dashboard, opened once for its tests. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Dashboard {
        private Chromium chromium;
        private Document document;
        private Path file;
        private String html;

        abstract String name();

        abstract Document document();

        abstract Messages messages();

        /** The largest file the page may be, in bytes. */
        abstract long maxBytes();

        /** The tallest the page may be at 1280 CSS pixels wide. */
        abstract int maxHeight();

        @BeforeAll
        void render() throws IOException {
            document = document();
            StringBuilder out = new StringBuilder();
            HtmlRenderer.render(document, messages(), out);
            html = out.toString();
            file = Path.of("target", "browser", name() + ".html").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
            chromium = Chromium.start(1280, 1000);
            chromium.open(file);
            chromium.screenshotFullPage(file.resolveSibling(name() + ".png"));
        }

        /** Runs a script on the open page and returns its value. */
        Object script(String javaScript) {
            return chromium.script(javaScript);
        }

        @AfterAll
        void close() {
            if (chromium != null) {
                chromium.close();
            }
        }

        @Test
        void theConsoleHoldsNoError() {
            assertThat(chromium.consoleErrors()).isEmpty();
        }

        @Test
        void thePageRequestsNothingButItself() {
            assertThat(chromium.requests()).containsOnly(file.toUri().toString());
        }

        @Test
        void everyChartOfTheDocumentIsAnEChartsInstanceOfNonZeroSizeWithItsSeriesCount() {
            Map<String, Integer> expected = new HashMap<>();
            for (Chart chart : document.charts()) {
                expected.put(chart.id(), chart.seriesCount());
            }
            for (Section section : document.sections()) {
                for (KeyFigure figure : section.figures()) {
                    figure.trend().ifPresent(t -> expected.put(HtmlRenderer.trendId(section, figure), 1));
                }
                for (HtmlRenderer.FigureSeries curve : HtmlRenderer.figureSeries(section)) {
                    expected.put(curve.id(section), 1);
                }
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> drawn = (List<Map<String, Object>>) chromium.script(Dashboards.DRAWN_CHARTS);
            Map<String, Integer> seen = new HashMap<>();
            for (Map<String, Object> chart : drawn) {
                assertThat(chart.get("instance")).as("%s", chart).isEqualTo(true);
                assertThat(((Number) chart.get("width")).doubleValue())
                        .as("%s", chart)
                        .isGreaterThan(20);
                assertThat(((Number) chart.get("height")).doubleValue())
                        .as("%s", chart)
                        .isGreaterThan(20);
                seen.put((String) chart.get("id"), ((Number) chart.get("series")).intValue());
            }
            assertThat(seen).isEqualTo(expected);
            assertThat(document.charts()).isNotEmpty();
        }

        @Test
        void everyTableOfTheJsonRenderingIsATableWithItsRowCount() {
            StringWriter json = new StringWriter();
            JsonRenderer.render(document, messages(), json);
            Map<String, Object> root = new Json().toType(json.toString(), Json.MAP_TYPE);
            Map<String, Integer> expected = new HashMap<>();
            for (Object section : root.values()) {
                if (section instanceof Map<?, ?> s && s.get("tables") instanceof Map<?, ?> tables) {
                    tables.forEach((id, table) ->
                            expected.put((String) id, ((List<?>) ((Map<?, ?>) table).get("rows")).size()));
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rows = (Map<String, Object>)
                    chromium.script("var out = {}; document.querySelectorAll('table.data').forEach(function (t) {"
                            + " out[t.id] = t.tBodies[0].rows.length; }); return out;");
            Map<String, Integer> seen = new HashMap<>();
            rows.forEach((id, n) -> seen.put(id, ((Number) n).intValue()));
            assertThat(seen).isEqualTo(expected);
            assertThat(document.tables()).extracting(Table::id).containsExactlyInAnyOrderElementsOf(seen.keySet());
        }

        @Test
        void numericCellsAreRightAligned() {
            Object left = chromium.script("return Array.from(document.querySelectorAll('td.num'))"
                    + ".filter(function (td) { return getComputedStyle(td).textAlign !== 'right'; }).length;");
            assertThat(((Number) left).intValue()).isZero();
        }

        @Test
        void thePageStaysWithinItsSizeBudgets() {
            assertThat((long) html.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBytes());
            Number height = (Number) chromium.script("return document.documentElement.scrollHeight;");
            assertThat(height.intValue()).isLessThanOrEqualTo(maxHeight());
            Number overflow = (Number) chromium.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue())
                    .as("horizontal overflow in CSS pixels")
                    .isLessThanOrEqualTo(0);
        }

        @Test
        void theOnlyUrlsInAttributesAreInPageAnchorsAndDataUrls() {
            Object external = chromium.script("return Array.from(document.querySelectorAll('[src],[href]'))"
                    + ".map(function (e) { return e.getAttribute('src') || e.getAttribute('href'); })"
                    + ".filter(function (u) { return !(u.charAt(0) === '#' || u.indexOf('data:') === 0); });");
            assertThat((List<?>) external).isEmpty();
        }
    }

    @Nested
    class SampleShop extends Dashboard {
        @Override
        String name() {
            return "sample-shop";
        }

        @Override
        Document document() {
            return Reports.sampleShop();
        }

        @Override
        Messages messages() {
            return Messages.english();
        }

        @Override
        long maxBytes() {
            return 3_000_000;
        }

        @Override
        int maxHeight() {
            return 30_000;
        }
    }

    @Nested
    class SampleShopInRussian extends Dashboard {
        @Override
        String name() {
            return "sample-shop-ru";
        }

        @Override
        Document document() {
            return Reports.sampleShop();
        }

        @Override
        Messages messages() {
            return Messages.of(Locale.forLanguageTag("ru"));
        }

        @Override
        long maxBytes() {
            return 3_000_000;
        }

        @Override
        int maxHeight() {
            return 30_000;
        }
    }

    @Nested
    class CdnowMaster extends Dashboard {
        @Override
        String name() {
            return "cdnow-master";
        }

        @Override
        Document document() {
            return Reports.cdnowMaster();
        }

        @Override
        Messages messages() {
            return Messages.english();
        }

        @Override
        long maxBytes() {
            return 3_000_000;
        }

        @Override
        int maxHeight() {
            return 30_000;
        }
    }
}
