package org.loyaltykpi.document.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;

/**
 * The contract between the renderings of one document: every number of the JSON rendering appears in the text and in
 * the HTML rendering, at its place. A table cell's number appears in the text line of its row and in the HTML cell of
 * its row and column (whose raw value, its {@code data-v} when the cell shows it rounded or grouped, is the same
 * number, for sorting and the CSV download); a key
 * figure's value, previous value and change appear in the text line of the figure and in the page; the facts about the
 * data (source and its load summary, counts) appear in the text's header and the page's header. Checked on the sample
 * shop with every input and on CDNOW_master read from its file (with its load summary).
 */
class RenderingContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages ENGLISH = Messages.english();

    /** The ways a rendering may show a number: a count, a decimal with 0 to 6 digits, or a fraction in percent. */
    static List<String> forms(double v) {
        List<String> forms = new ArrayList<>();
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            forms.add(String.format(Locale.ROOT, "%,d", (long) v));
            forms.add(String.format(Locale.ROOT, "%d", (long) v));
        }
        for (int d = 0; d <= 6; d++) {
            forms.add(String.format(Locale.ROOT, "%,." + d + "f", v));
            forms.add(String.format(Locale.ROOT, "%." + d + "f", v));
        }
        forms.add(String.format(Locale.ROOT, "%.1f%%", 100 * v));
        return forms;
    }

    private static boolean shows(String rendering, double v) {
        return forms(v).stream().anyMatch(rendering::contains);
    }

    abstract static class Contract {
        abstract Document document();

        JsonNode json() throws Exception {
            StringWriter out = new StringWriter();
            JsonRenderer.render(document(), Messages.english(), out);
            return JSON.readTree(out.toString());
        }

        String text() {
            StringBuilder out = new StringBuilder();
            TextRenderer.render(document(), ENGLISH, out);
            return out.toString();
        }

        String html() {
            StringWriter out = new StringWriter();
            HtmlRenderer.render(document(), ENGLISH, out);
            return out.toString();
        }

        /** The text lines of a table's rows, in order (after its title and header lines). */
        static List<String> textRows(Table table) {
            List<String> lines = TextRenderer.table(table, ENGLISH).lines().toList();
            int first = (table.title().isPresent() ? 1 : 0) + 1;
            return lines.subList(first, first + table.rows().size());
        }

        /** The HTML cells of a table's rows: per row, per column, the cell's text and its {@code data-v}. */
        static List<List<String[]>> htmlRows(String html, String tableId) {
            int start = html.indexOf("<table class=\"data\" id=\"" + tableId + "\">");
            assertThat(start).as("the page holds table " + tableId).isNotNegative();
            String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
            List<List<String[]>> rows = new ArrayList<>();
            Matcher row = Pattern.compile("<tr>(.*?)</tr>").matcher(body);
            Pattern cell = Pattern.compile("<td([^>]*)>(.*?)</td>");
            Pattern raw = Pattern.compile("data-v=\"([^\"]*)\"");
            while (row.find()) {
                List<String[]> cells = new ArrayList<>();
                Matcher c = cell.matcher(row.group(1));
                while (c.find()) {
                    Matcher v = raw.matcher(c.group(1));
                    cells.add(new String[] {unescape(c.group(2)), v.find() ? unescape(v.group(1)) : ""});
                }
                rows.add(cells);
            }
            return rows;
        }

        private static String unescape(String html) {
            return html.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
        }

        @Test
        void everyNumberOfEveryTableRowAppearsInThatRowsTextLineAndInItsHtmlCellWithTheSameRawValue() throws Exception {
            JsonNode json = json();
            String html = html();
            List<String> missing = new ArrayList<>();
            int checked = 0;
            for (Section section : document().sections()) {
                for (Table table : section.tables()) {
                    JsonNode rows = json.at("/" + section.id() + "/tables/" + table.id() + "/rows");
                    assertThat(rows.size())
                            .as(table.id())
                            .isEqualTo(table.rows().size());
                    List<String> text = textRows(table);
                    List<List<String[]>> cells = htmlRows(html, table.id());
                    assertThat(cells)
                            .as(table.id() + " rows in the page")
                            .hasSize(table.rows().size());
                    for (int r = 0; r < rows.size(); r++) {
                        for (int c = 0; c < table.columns().size(); c++) {
                            JsonNode value =
                                    rows.get(r).get(table.columns().get(c).id());
                            if (!value.isNumber()) {
                                continue;
                            }
                            checked++;
                            double v = value.asDouble();
                            String where = table.id() + "[" + r + "]."
                                    + table.columns().get(c).id() + "=" + v;
                            if (!shows(text.get(r), v)) {
                                missing.add("text " + where + " not in: " + text.get(r));
                            }
                            String[] cell = cells.get(r).get(c);
                            if (!shows(cell[0], v)) {
                                missing.add("html " + where + " shows " + cell[0]);
                            }
                            // data-v holds the raw value when the cell shows it otherwise (rounded, grouped, in %)
                            String raw = cell[1].isEmpty() ? cell[0] : cell[1];
                            if (!raw.matches("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?") || Double.parseDouble(raw) != v) {
                                missing.add("html " + where + " has raw value '" + raw + "'");
                            }
                        }
                    }
                }
            }
            assertThat(checked).isGreaterThan(500);
            assertThat(missing).isEmpty();
        }

        @Test
        void everyKeyFiguresValuePreviousValueAndChangeAppearInItsTextLineAndInThePage() throws Exception {
            JsonNode json = json();
            String page = html().replaceAll("<[^>]+>", " ");
            List<String> missing = new ArrayList<>();
            for (Section section : document().sections()) {
                List<KeyFigure> figures = section.figures();
                List<String> lines =
                        TextRenderer.figures(figures, ENGLISH).lines().toList();
                for (int i = 0; i < figures.size(); i++) {
                    JsonNode figure = json.at(
                            "/" + section.id() + "/figures/" + figures.get(i).id());
                    for (String field : List.of("value", "previous", "change")) {
                        JsonNode value = figure.get(field);
                        if (value == null || !value.isNumber()) {
                            continue;
                        }
                        String where = section.id() + "." + figures.get(i).id() + "." + field + "=" + value;
                        if (!shows(lines.get(i), value.asDouble())) {
                            missing.add("text " + where + " not in: " + lines.get(i));
                        }
                        if (!shows(page, value.asDouble())) {
                            missing.add("html " + where);
                        }
                    }
                }
            }
            assertThat(missing).isEmpty();
        }

        @Test
        void everyNumberAboutTheDataAndItsInputAppearsInTheTextHeaderAndThePageHeader() throws Exception {
            JsonNode about = json().get("about");
            String text = text();
            String header = text.substring(0, text.indexOf("\n1. "));
            String html = html();
            String pageHeader = html.substring(0, html.indexOf("<nav")).replaceAll("<[^>]+>", " ");
            List<String> missing = new ArrayList<>();
            numbers(about, "about", (path, v) -> {
                if (!shows(header, v)) {
                    missing.add("text " + path + "=" + v);
                }
                if (!shows(pageHeader, v)) {
                    missing.add("html " + path + "=" + v);
                }
            });
            assertThat(missing).isEmpty();
        }
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

    @Nested
    class SampleShop extends Contract {
        @Override
        Document document() {
            return Reports.sampleShop();
        }
    }

    @Nested
    class CdnowMaster extends Contract {
        @Override
        Document document() {
            return Reports.cdnowMaster();
        }

        @Test
        void theJsonCarriesTheLoadSummaryBesideTheSource() throws Exception {
            JsonNode about = json().get("about");
            assertThat(about.get("source").asText()).startsWith("CDNOW_master.txt: ");
            assertThat(about.at("/input/rows").asLong()).isEqualTo(69_659);
            assertThat(about.at("/input/purchases").asLong()).isEqualTo(69_659);
            assertThat(about.at("/input/orders").isNull()).isTrue();
            assertThat(about.at("/input/refunds/count").asLong()).isZero();
        }
    }
}
