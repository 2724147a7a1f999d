package org.loyaltykpi.document.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard page as it is written: head (Content-Security-Policy that forbids every request, styles), header,
 * navigation, sections of tiles, charts and tables, the JSON data island, the inlined ECharts bundle and the page's
 * script. Knows HTML, not metrics: every value arrives formatted (and raw, for sorting and CSV) from the renderer.
 */
final class HtmlPage {
    /** No request of any kind: scripts and styles only inline, images only as data: URLs. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

    private final StringBuilder html = new StringBuilder(1 << 16);
    private final HtmlData island;

    /** A table column: {@code key} names it in the CSV download, {@code label} in the page. */
    record Column(String key, String label, boolean numeric) {}

    /** A table cell: the text shown, and the locale-free value for sorting and CSV when it differs from the text. */
    record Cell(String text, Optional<String> raw, boolean missing) {
        static Cell text(String text) {
            return new Cell(text, Optional.empty(), false);
        }

        static Cell number(String shown, String raw) {
            return new Cell(shown, Optional.of(raw), false);
        }

        static Cell missing(String shown) {
            return new Cell(shown, Optional.of(""), true);
        }
    }

    /** A KPI tile: label, value, unit, change line (with its direction: up, down or flat) and an optional sparkline. */
    record Tile(
            String label,
            String value,
            String unit,
            String detail,
            Optional<String> change,
            String direction,
            Optional<HtmlPlot.Sparkline> spark) {}

    /** A KPI target bar: progress 0..1 of the bar, status class MET, ON_TRACK, MISSED or NO_DATA. */
    record Target(String label, double progress, String status, String statusLabel, String detail) {}

    HtmlPage(String lang, String locale, String title, Map<String, String> scriptLabels) {
        this.island = new HtmlData(locale, scriptLabels);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(HtmlText.escape(lang))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CONTENT_SECURITY_POLICY)
                .append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(HtmlText.escape(title))
                .append("</title>\n<style>\n")
                .append(HtmlAssets.css())
                .append("</style>\n</head>\n<body>\n");
    }

    /** The charts added so far, by id. */
    Map<String, HtmlPlot> charts() {
        return island.charts();
    }

    HtmlPage header(String title, List<Map.Entry<String, String>> facts) {
        html.append("<header class=\"top\">\n<h1>")
                .append(HtmlText.escape(title))
                .append("</h1>\n<dl>");
        for (Map.Entry<String, String> fact : facts) {
            html.append("<dt>")
                    .append(HtmlText.escape(fact.getKey()))
                    .append("</dt><dd>")
                    .append(HtmlText.escape(fact.getValue()))
                    .append("</dd>");
        }
        html.append("</dl>\n</header>\n");
        return this;
    }

    HtmlPage nav(String label, List<Map.Entry<String, String>> links) {
        html.append("<nav class=\"sections\" aria-label=\"")
                .append(HtmlText.escape(label))
                .append("\">");
        for (Map.Entry<String, String> link : links) {
            html.append("<a href=\"#")
                    .append(HtmlText.id(link.getKey()))
                    .append("\">")
                    .append(HtmlText.escape(link.getValue()))
                    .append("</a>");
        }
        html.append("</nav>\n<main>\n");
        return this;
    }

    HtmlPage beginSection(String id, String title) {
        html.append("<section class=\"report\" id=\"")
                .append(HtmlText.id(id))
                .append("\">\n<h2>")
                .append(HtmlText.escape(title))
                .append("</h2>\n");
        return this;
    }

    HtmlPage note(String text) {
        html.append("<p class=\"note\">").append(HtmlText.escape(text)).append("</p>\n");
        return this;
    }

    HtmlPage endSection() {
        html.append("</section>\n");
        return this;
    }

    HtmlPage beginGrid() {
        html.append("<div class=\"grid2\">\n");
        return this;
    }

    HtmlPage endGrid() {
        html.append("</div>\n");
        return this;
    }

    HtmlPage tiles(List<Tile> tiles) {
        html.append("<div class=\"tiles\">\n");
        for (Tile tile : tiles) {
            html.append("<div class=\"tile\"><div class=\"label\" title=\"")
                    .append(HtmlText.escape(tile.label()))
                    .append("\">")
                    .append(HtmlText.escape(tile.label()))
                    .append("</div><div class=\"value\">")
                    .append(HtmlText.escape(tile.value()));
            if (!tile.unit().isEmpty()) {
                html.append("<span class=\"unit\">")
                        .append(HtmlText.escape(tile.unit()))
                        .append("</span>");
            }
            html.append("</div>");
            if (tile.change().isPresent()) {
                html.append("<div class=\"detail change ")
                        .append(HtmlText.id(tile.direction()))
                        .append("\">")
                        .append(HtmlText.escape(tile.change().get()))
                        .append("</div>");
            }
            html.append("<div class=\"detail\">")
                    .append(HtmlText.escape(tile.detail()))
                    .append("</div>");
            if (tile.spark().isPresent()) {
                String id = HtmlText.id(tile.spark().get().id());
                island.add(id, tile.spark().get());
                html.append("<div class=\"spark\" data-chart=\"").append(id).append("\"></div>");
            }
            html.append("</div>\n");
        }
        html.append("</div>\n");
        return this;
    }

    /** Tiles in a closed {@code <details>} under {@code summary}, opening on a click and for printing. */
    HtmlPage collapsedTiles(String summary, List<Tile> tiles) {
        html.append("<details class=\"table-block\"><summary><span class=\"table-head\"><h3>")
                .append(HtmlText.escape(summary))
                .append("</h3></span></summary>\n");
        tiles(tiles);
        html.append("</details>\n");
        return this;
    }

    /** A chart {@code height} CSS pixels high, across the whole section when {@code wide}. */
    HtmlPage chart(String chartId, String caption, int height, boolean wide, HtmlPlot plot) {
        String id = HtmlText.id(chartId);
        island.add(id, plot);
        html.append("<figure class=\"chart")
                .append(wide ? " wide" : "")
                .append("\"><figcaption>")
                .append(HtmlText.escape(caption));
        if (plot instanceof HtmlPlot.Heatmap heatmap) {
            if (heatmap.variants().size() > 1) {
                html.append("<select class=\"variants\" data-variants-of=\"")
                        .append(id)
                        .append("\">");
                for (int i = 0; i < heatmap.variants().size(); i++) {
                    html.append("<option value=\"")
                            .append(i)
                            .append("\">")
                            .append(HtmlText.escape(heatmap.variants().get(i).name()))
                            .append("</option>");
                }
                html.append("</select>");
            }
            if (heatmap.curvesLabel().isPresent()) {
                html.append("<select class=\"variants\" data-view-of=\"")
                        .append(id)
                        .append("\"><option value=\"heatmap\">")
                        .append(HtmlText.escape(heatmap.heatmapLabel()))
                        .append("</option><option value=\"curves\">")
                        .append(HtmlText.escape(heatmap.curvesLabel().get()))
                        .append("</option></select>");
            }
        }
        html.append("</figcaption><div class=\"plot\" style=\"height:")
                .append(height)
                .append("px\" data-chart=\"")
                .append(id)
                .append("\" role=\"img\" aria-label=\"")
                .append(HtmlText.escape(caption))
                .append("\"></div></figure>\n");
        return this;
    }

    /**
     * A table with its caption, notes and CSV link; {@code collapsed} tables (those a chart draws) sit in a closed
     * {@code <details>} that opens on a click and for printing.
     */
    HtmlPage table(
            String id,
            String caption,
            List<String> notes,
            String csvLabel,
            boolean collapsed,
            List<Column> columns,
            List<List<Cell>> rows) {
        String tableId = HtmlText.id(id);
        html.append(collapsed ? "<details class=\"table-block\"><summary>" : "<div class=\"table-block\">")
                .append("<span class=\"table-head\">")
                .append(caption.isEmpty() ? "" : "<h3>" + HtmlText.escape(caption) + "</h3>")
                .append("<a class=\"csv\" href=\"#\" download=\"")
                .append(tableId)
                .append(".csv\" data-table=\"")
                .append(tableId)
                .append("\">")
                .append(HtmlText.escape(csvLabel))
                .append("</a></span>")
                .append(collapsed ? "</summary>" : "")
                .append("\n<div class=\"table-wrap\"><table class=\"data\" id=\"")
                .append(tableId)
                .append("\"><thead><tr>");
        for (Column column : columns) {
            html.append("<th scope=\"col\" data-key=\"")
                    .append(HtmlText.escape(column.key()))
                    .append('"')
                    .append(column.numeric() ? " class=\"num\"" : "")
                    .append('>')
                    .append(HtmlText.escape(column.label()))
                    .append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Cell cell = row.get(i);
                boolean numeric = i < columns.size() && columns.get(i).numeric();
                html.append("<td");
                if (numeric || cell.missing()) {
                    html.append(" class=\"")
                            .append(numeric ? "num" : "")
                            .append(cell.missing() ? " missing" : "")
                            .append('"');
                }
                if (cell.raw().isPresent()) {
                    html.append(" data-v=\"")
                            .append(HtmlText.escape(cell.raw().get()))
                            .append('"');
                }
                html.append('>').append(HtmlText.escape(cell.text())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
        for (String note : notes) {
            html.append("<p class=\"note\">").append(HtmlText.escape(note)).append("</p>\n");
        }
        html.append(collapsed ? "</details>\n" : "</div>\n");
        return this;
    }

    HtmlPage targets(List<Target> targets) {
        html.append("<div class=\"targets\">\n");
        for (Target target : targets) {
            double progress = Double.isFinite(target.progress()) ? Math.max(0, Math.min(1, target.progress())) : 0;
            html.append("<div class=\"target\"><div>")
                    .append(HtmlText.escape(target.label()))
                    .append("</div><div><div class=\"bar\" role=\"progressbar\" aria-valuemin=\"0\""
                            + " aria-valuemax=\"100\" aria-valuenow=\"")
                    .append(Math.round(progress * 100))
                    .append("\"><span class=\"")
                    .append(HtmlText.id(target.status()))
                    .append("\" style=\"width:")
                    .append(Math.round(progress * 1000) / 10.0)
                    .append("%\"></span></div><div class=\"note\">")
                    .append(HtmlText.escape(target.detail()))
                    .append("</div></div><div class=\"status ")
                    .append(HtmlText.id(target.status()))
                    .append("\">")
                    .append(HtmlText.escape(target.statusLabel()))
                    .append("</div></div>\n");
        }
        html.append("</div>\n");
        return this;
    }

    /** Closes the page: footer, data island, the inlined chart library and the page's script. */
    String finish(String footer) {
        html.append("</main>\n<footer>")
                .append(HtmlText.escape(footer))
                .append("</footer>\n<script type=\"application/json\" id=\"dashboard-data\">")
                .append(island.json())
                .append("</script>\n<!-- Apache ECharts ")
                .append(ECharts.VERSION)
                .append(", licensed under the Apache License 2.0 (")
                .append(ECharts.LICENSE)
                .append(") -->\n<script>")
                .append(ECharts.source())
                .append("</script>\n<script>")
                .append(HtmlAssets.script())
                .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }
}
