package org.loyaltykpi.document.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Chart;
import org.loyaltykpi.document.Column;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;

/**
 * Writes a document as one standalone HTML dashboard: a header with the facts about the data, a navigation bar, and
 * per section its notes, its key figures as tiles (value, change against the previous period, a sparkline of the
 * figure's history), its charts drawn by Apache ECharts and its tables as sortable {@code <table>}s with a CSV
 * download. A run of figures {@code p.0, p.1, ...} (the JSON's array {@code p}, such as the average retention at each
 * offset) is drawn as one curve, its values as tiles in a closed block below ({@link #figureSeries}).
 *
 * <p>The page works offline and sends no request: the pinned ECharts bundle ({@code org.webjars.npm:echarts} 5.3.1,
 * Apache-2.0) is read from its WebJar and inlined, the data travel in a JSON island, and a Content-Security-Policy
 * forbids every fetch ({@code default-src 'none'}). Labels come from the document's messages in the given language;
 * numbers and dates are formatted for its locale, while sorting and CSV use the locale-free values of
 * {@link CsvRenderer#value(Cell)}. Every chart is a view of a table of the document, which the page shows too.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("report.html"))) {
 *     HtmlRenderer.render(document, Messages.of(Locale.forLanguageTag("ru")), out);
 * }
 * }</pre>
 */
public final class HtmlRenderer {
    /** Tables with more rows than this sit folded (a click opens them) unless no chart draws them. */
    private static final int LONG_TABLE = 12;

    private static final Set<String> STATUSES = Set.of("met", "on-track", "missed", "no-data");

    private HtmlRenderer() {}

    /**
     * Writes the whole document as one page.
     *
     * @param document the document
     * @param messages the language of labels and the locale of numbers and dates
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     * @throws IllegalStateException if the ECharts WebJar is not on the class path
     */
    public static void render(Document document, Messages messages, Appendable out) {
        try {
            out.append(page(document, messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page as a string.
     *
     * @param document the document
     * @param messages the language
     * @return the HTML
     */
    static String page(Document document, Messages messages) {
        String title = messages.text(document.title());
        Map<String, String> scriptLabels = new LinkedHashMap<>();
        scriptLabels.put("missing", messages.text(Message.of("value.missing")));
        scriptLabels.put("sort", messages.text(Message.of("html.sort")));
        HtmlPage page =
                new HtmlPage(messages.locale().getLanguage(), messages.locale().toLanguageTag(), title, scriptLabels);
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        for (KeyFigure fact : document.about()) {
            facts.add(Map.entry(messages.text(fact.label()), messages.format(fact.value())));
        }
        page.header(title, facts);
        List<Map.Entry<String, String>> links = new ArrayList<>();
        for (Section section : document.sections()) {
            links.add(Map.entry(section.id(), messages.text(section.title())));
        }
        page.nav(messages.text(Message.of("html.sections")), links);
        overview(page, document, messages);
        for (Section section : document.sections()) {
            section(page, document, section, messages);
        }
        return page.finish(messages.text(Message.of("html.footer", ECharts.VERSION, ECharts.LICENSE)));
    }

    /**
     * The headline figures (those with a history, with their sparklines, and those marked as headlines) of every section,
     * as tiles at the top of the page.
     */
    private static void overview(HtmlPage page, Document document, Messages messages) {
        List<HtmlPage.Tile> tiles = new ArrayList<>();
        for (Section section : document.sections()) {
            for (KeyFigure figure : section.figures()) {
                if (figure.isHeadline()) {
                    tiles.add(tile(document, section, figure, messages));
                }
            }
        }
        if (!tiles.isEmpty()) {
            page.beginSection("overview", messages.text(Message.of("html.overview")));
            page.tiles(tiles);
            page.endSection();
        }
    }

    private static void section(HtmlPage page, Document document, Section section, Messages messages) {
        page.beginSection(section.id(), messages.text(section.title()));
        for (Message note : section.notes()) {
            page.note(messages.text(note));
        }
        List<FigureSeries> curves = figureSeries(section);
        Set<KeyFigure> inCurves = new HashSet<>();
        curves.forEach(c -> inCurves.addAll(c.figures()));
        List<HtmlPage.Tile> tiles = new ArrayList<>();
        for (KeyFigure figure : section.figures()) {
            if (figure.trend().isEmpty() && !inCurves.contains(figure)) {
                tiles.add(tile(document, section, figure, messages));
            }
        }
        if (!tiles.isEmpty()) {
            page.tiles(tiles);
        }
        for (Table table : section.tables()) {
            progress(page, table, messages);
        }
        if (!section.charts().isEmpty() || !curves.isEmpty()) {
            page.beginGrid();
            for (Chart chart : section.charts()) {
                HtmlPlot plot = plot(section, chart, messages);
                page.chart(chart.id(), messages.text(chart.title()), height(plot), wide(plot), plot);
            }
            for (FigureSeries curve : curves) {
                HtmlPlot.Cartesian plot = curve.plot(messages);
                page.chart(curve.id(section), plot.series().get(0).name(), height(plot), wide(plot), plot);
            }
            page.endGrid();
        }
        for (FigureSeries curve : curves) {
            // the curve's values, one tile each, in a closed block: the page still shows every number
            List<HtmlPage.Tile> values = new ArrayList<>();
            for (KeyFigure figure : curve.figures()) {
                values.add(tile(document, section, figure, messages));
            }
            page.collapsedTiles(messages.text(Message.of("html.values", curve.name(messages))), values);
        }
        Set<String> drawn = new HashSet<>();
        section.charts().forEach(c -> drawn.addAll(c.tables()));
        for (Table table : section.tables()) {
            table(page, table, drawn.contains(table.id()) || table.rows().size() > LONG_TABLE, messages);
        }
        page.endSection();
    }

    /**
     * Progress bars for a table of target evaluations (a status column of met / on-track / missed / no-data labels,
     * value and required columns): one bar per row, as long as the value's share of the required value, coloured by
     * the status.
     */
    private static void progress(HtmlPage page, Table table, Messages messages) {
        if (table.rows().size() > LONG_TABLE
                || !table.hasColumn("status")
                || !table.hasColumn("value")
                || !table.hasColumn("required")) {
            return;
        }
        List<Cell> statuses = table.column("status");
        if (statuses.isEmpty()
                || !statuses.stream().allMatch(c -> c instanceof Cell.Label l && STATUSES.contains(l.code()))) {
            return;
        }
        List<Cell> values = table.column("value");
        List<Cell> required = table.column("required");
        List<Cell> names = table.column(table.columns().get(0).id());
        List<Cell> periods = table.hasColumn("period") ? table.column("period") : names;
        List<HtmlPage.Target> bars = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            Cell.Label status = (Cell.Label) statuses.get(i);
            double value = number(values.get(i));
            double target = number(required.get(i));
            double progress = Double.isFinite(value) && Double.isFinite(target) && target > 0 ? value / target : 0;
            bars.add(new HtmlPage.Target(
                    messages.format(names.get(i)),
                    progress,
                    status.code().toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                    messages.format(status),
                    messages.text(Message.of(
                            "html.target",
                            messages.format(values.get(i)),
                            messages.format(required.get(i)),
                            messages.format(periods.get(i))))));
        }
        page.targets(bars);
    }

    private static HtmlPage.Tile tile(Document document, Section section, KeyFigure figure, Messages messages) {
        Optional<String> change = messages.change(figure);
        OptionalDouble delta = figure.change();
        String direction =
                delta.isEmpty() ? "flat" : delta.getAsDouble() > 0 ? "up" : delta.getAsDouble() < 0 ? "down" : "flat";
        String detail = figure.previous()
                .map(p -> messages.text(Message.of("figure.previous", messages.format(p))))
                .orElse("");
        Optional<HtmlPlot.Sparkline> spark = figure.trend()
                .flatMap(trend -> document.table(trend.table())
                        .map(table -> new HtmlPlot.Sparkline(
                                trendId(section, figure),
                                labels(table.column(table.columns().get(0).id()), messages),
                                series(table, trend.column(), Chart.Mark.LINE, Optional.empty(), messages))));
        return new HtmlPage.Tile(
                messages.text(figure.label()),
                messages.format(figure.value()),
                figure.unit().map(messages::text).orElse(""),
                detail,
                change,
                direction,
                spark);
    }

    /** The page id of a key figure's sparkline. */
    static String trendId(Section section, KeyFigure figure) {
        return "trend" + capitalized(section.id()) + capitalized(figure.id());
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** The fewest figures {@link #figureSeries} draws as a curve rather than as tiles. */
    private static final int MIN_CURVE = 3;

    /**
     * A run of key figures {@code p.0, p.1, ..., p.(n-1)} of one kind of number (the JSON renderer's array {@code p}:
     * the average retention at each offset, say), drawn as one curve over the index.
     */
    record FigureSeries(String prefix, List<KeyFigure> figures) {
        /** The page id of the curve. */
        String id(Section section) {
            return "curve" + capitalized(section.id()) + capitalized(prefix);
        }

        /**
         * The curve's name: the words its figures' labels share ({@code average retention} of {@code average
         * retention, +0}, {@code average retention, +1}, ...), else the prefix.
         */
        String name(Messages messages) {
            return name(sharedWords(labels(messages)));
        }

        private String name(String sharedWords) {
            String name = sharedWords.replaceAll("[\\s,;:]+$", "");
            return name.isEmpty() ? prefix : name;
        }

        private List<String> labels(Messages messages) {
            return figures.stream().map(f -> messages.text(f.label())).toList();
        }

        /** The words all {@code labels} start with, up to and with the space after the last whole one; else empty. */
        private static String sharedWords(List<String> labels) {
            String first = labels.get(0);
            int common = first.length();
            for (String label : labels) {
                int i = 0;
                while (i < common && i < label.length() && label.charAt(i) == first.charAt(i)) {
                    i++;
                }
                common = i;
            }
            int cut = first.lastIndexOf(' ', Math.max(0, common - 1));
            return common == first.length() || cut < 0 ? "" : first.substring(0, cut + 1);
        }

        /** The curve: x the labels' words after those they share, its one series named by {@link #name}. */
        HtmlPlot.Cartesian plot(Messages messages) {
            List<String> labels = labels(messages);
            String shared = sharedWords(labels);
            List<String> x = new ArrayList<>();
            double[] values = new double[figures.size()];
            for (int k = 0; k < figures.size(); k++) {
                x.add(labels.get(k).substring(shared.length()));
                values[k] = number(figures.get(k).value());
            }
            String unit = unitOf(figures.get(0).value());
            return new HtmlPlot.Cartesian(x, "", unit, "", List.of(HtmlPlot.Series.line(name(shared), unit, values)));
        }
    }

    /**
     * The figure series of a section that the page draws as curves: runs of at least {@link #MIN_CURVE} figures
     * without a history whose ids are {@code p.0, p.1, ...} in order and whose values are numbers of one kind.
     *
     * @param section the section
     * @return its curves, in the order of their first figure
     */
    static List<FigureSeries> figureSeries(Section section) {
        Map<String, List<KeyFigure>> byPrefix = new LinkedHashMap<>();
        for (KeyFigure figure : section.figures()) {
            int dot = figure.id().lastIndexOf('.');
            if (figure.trend().isPresent() || dot <= 0) {
                continue;
            }
            byPrefix.computeIfAbsent(figure.id().substring(0, dot), p -> new ArrayList<>())
                    .add(figure);
        }
        List<FigureSeries> curves = new ArrayList<>();
        byPrefix.forEach((prefix, figures) -> {
            boolean indexed = figures.size() >= MIN_CURVE;
            for (int k = 0; k < figures.size() && indexed; k++) {
                Cell value = figures.get(k).value();
                indexed = figures.get(k).id().equals(prefix + "." + k)
                        && value.number().isPresent()
                        && value.getClass() == figures.get(0).value().getClass();
            }
            if (indexed) {
                curves.add(new FigureSeries(prefix, List.copyOf(figures)));
            }
        });
        return curves;
    }

    /** The unit a number cell is drawn in: that of the column type it fits, as {@link #unit(ColumnType)} gives it. */
    private static String unitOf(Cell cell) {
        for (ColumnType type : List.of(ColumnType.COUNT, ColumnType.RATIO, ColumnType.MONEY)) {
            if (cell.fits(type)) {
                return unit(type);
            }
        }
        return unit(ColumnType.DECIMAL);
    }

    /** The drawn form of a document chart: the same table columns, labels resolved, values as numbers. */
    static HtmlPlot plot(Section section, Chart chart, Messages messages) {
        if (chart instanceof Chart.TimeSeries t) {
            Table table = table(section, t.table());
            List<HtmlPlot.Series> series = new ArrayList<>();
            String leftUnit = null;
            for (Chart.Series s : t.series()) {
                HtmlPlot.Series one = series(table, s.column(), s.mark(), s.band(), messages);
                if (t.stacked()) {
                    one = one.stacked("stack");
                }
                if (leftUnit == null) {
                    leftUnit = axisOf(one.unit());
                } else if (!axisOf(one.unit()).equals(leftUnit)) {
                    one = one.onRightAxis();
                }
                series.add(one);
            }
            return new HtmlPlot.Cartesian(
                    labels(table.column(t.x()), messages),
                    columnLabel(table, t.x(), messages),
                    leftUnit == null ? "decimal" : leftUnit,
                    "",
                    series);
        } else if (chart instanceof Chart.Bars b) {
            Table table = table(section, b.table());
            List<HtmlPlot.Series> series = new ArrayList<>();
            for (Chart.Series s : b.series()) {
                HtmlPlot.Series one = series(table, s.column(), Chart.Mark.BAR, Optional.empty(), messages);
                series.add(b.stacked() ? one.stacked("stack") : one);
            }
            List<String> categories = labels(table.column(b.category()), messages);
            String unit = series.isEmpty() ? "decimal" : series.get(0).unit();
            return b.horizontal()
                    ? new HtmlPlot.Ranked(categories, unit, series)
                    : new HtmlPlot.Cartesian(categories, columnLabel(table, b.category(), messages), unit, "", series);
        } else if (chart instanceof Chart.Heatmap h) {
            Table first = table(section, h.layers().get(0));
            List<String> x = new ArrayList<>();
            for (String column : h.values()) {
                x.add(columnLabel(first, column, messages));
            }
            List<HtmlPlot.Matrix> layers = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (String layer : h.layers()) {
                Table table = table(section, layer);
                double[][] values = new double[table.rows().size()][h.values().size()];
                String unit = "decimal";
                for (int c = 0; c < h.values().size(); c++) {
                    int column = table.columnIndex(h.values().get(c));
                    unit = unit(table.columns().get(column).type());
                    for (int r = 0; r < table.rows().size(); r++) {
                        values[r][c] = number(table.rows().get(r).get(column));
                    }
                }
                String name = table.title().map(messages::text).orElseGet(() -> messages.text(h.title()));
                if (!names.add(name)) {
                    name = name + " (" + names.size() + ")";
                    names.add(name);
                }
                layers.add(new HtmlPlot.Matrix(name, unit, values));
            }
            return new HtmlPlot.Heatmap(
                    x,
                    "",
                    labels(first.column(h.row()), messages),
                    columnLabel(first, h.row(), messages),
                    layers,
                    messages.text(Message.of("html.view-heatmap")),
                    Optional.of(messages.text(Message.of("html.view-curves"))));
        } else if (chart instanceof Chart.Histogram h) {
            Table table = table(section, h.table());
            List<Cell> lows = table.column(h.low());
            List<Cell> highs = table.column(h.high());
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < lows.size(); i++) {
                bins.add(messages.format(lows.get(i)) + "–" + messages.format(highs.get(i)));
            }
            HtmlPlot.Series counts = series(table, h.count(), Chart.Mark.BAR, Optional.empty(), messages);
            return new HtmlPlot.Cartesian(
                    bins, columnLabel(table, h.low(), messages), counts.unit(), "", List.of(counts));
        } else if (chart instanceof Chart.Flow f) {
            Table table = table(section, f.table());
            List<Cell> from = table.column(f.from());
            List<Cell> to = table.column(f.to());
            List<Cell> weight = table.column(f.weight());
            Map<String, HtmlPlot.Node> nodes = new LinkedHashMap<>();
            List<HtmlPlot.Link> links = new ArrayList<>();
            for (int i = 0; i < from.size(); i++) {
                String source = "from:" + CsvRenderer.value(from.get(i));
                String target = "to:" + CsvRenderer.value(to.get(i));
                nodes.putIfAbsent(source, new HtmlPlot.Node(source, messages.format(from.get(i))));
                links.add(new HtmlPlot.Link(source, target, number(weight.get(i))));
            }
            for (int i = 0; i < to.size(); i++) {
                String target = "to:" + CsvRenderer.value(to.get(i));
                nodes.putIfAbsent(target, new HtmlPlot.Node(target, messages.format(to.get(i))));
            }
            int weightColumn = table.columnIndex(f.weight());
            return new HtmlPlot.Flow(
                    messages.text(table.columns().get(weightColumn).label()),
                    unit(table.columns().get(weightColumn).type()),
                    List.copyOf(nodes.values()),
                    links);
        }
        throw new IllegalArgumentException("chart " + chart.id() + ": unknown kind " + chart.getClass());
    }

    private static Table table(Section section, String id) {
        return section.tables().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("section " + section.id() + " has no table " + id));
    }

    private static HtmlPlot.Series series(
            Table table, String column, Chart.Mark mark, Optional<Chart.Band> band, Messages messages) {
        int index = table.columnIndex(column);
        Column c = table.columns().get(index);
        double[] data = numbers(table, column);
        HtmlPlot.Series series = new HtmlPlot.Series(
                messages.text(c.label()),
                switch (mark) {
                    case LINE -> "line";
                    case BAR -> "bar";
                    case AREA -> "area";
                },
                Optional.empty(),
                0,
                unit(c.type()),
                data,
                Optional.empty(),
                Optional.empty());
        if (band.isPresent()) {
            series = series.withBand(
                    numbers(table, band.get().low()), numbers(table, band.get().high()));
        }
        return series;
    }

    private static double[] numbers(Table table, String column) {
        List<Cell> cells = table.column(column);
        double[] values = new double[cells.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(cells.get(i));
        }
        return values;
    }

    private static double number(Cell cell) {
        OptionalDouble n = cell.number();
        return n.isPresent() ? n.getAsDouble() : Double.NaN;
    }

    private static List<String> labels(List<Cell> cells, Messages messages) {
        return cells.stream().map(messages::format).toList();
    }

    private static String columnLabel(Table table, String column, Messages messages) {
        return messages.text(table.columns().get(table.columnIndex(column)).label());
    }

    /** The axis a unit is drawn on: counts and decimals share one (a count and its expectation), others their own. */
    private static String axisOf(String unit) {
        return unit.equals("count") ? "decimal" : unit;
    }

    /** The unit of a column type, as the page's script formats it. */
    static String unit(ColumnType type) {
        return switch (type) {
            case COUNT -> "count";
            case RATIO, SHARE -> "percent";
            case MONEY -> "money";
            default -> "decimal";
        };
    }

    private static int height(HtmlPlot plot) {
        if (plot instanceof HtmlPlot.Heatmap h) {
            return Math.max(200, Math.min(900, 60 + 18 * h.y().size()));
        }
        if (plot instanceof HtmlPlot.Ranked r) {
            return Math.max(200, Math.min(700, 60 + 30 * r.categories().size()));
        }
        if (plot instanceof HtmlPlot.Flow f) {
            return Math.max(320, Math.min(700, 24 * f.nodes().size()));
        }
        return 320;
    }

    private static boolean wide(HtmlPlot plot) {
        return plot instanceof HtmlPlot.Heatmap
                || plot instanceof HtmlPlot.Flow
                || (plot instanceof HtmlPlot.Cartesian c && c.x().size() > 40);
    }

    private static void table(HtmlPage page, Table table, boolean drawn, Messages messages) {
        List<HtmlPage.Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(new HtmlPage.Column(
                    column.id(), messages.text(column.label()), !column.type().alignsLeft()));
        }
        List<List<HtmlPage.Cell>> rows = new ArrayList<>();
        for (List<Cell> row : table.rows()) {
            List<HtmlPage.Cell> cells = new ArrayList<>(row.size());
            for (Cell cell : row) {
                String shown = messages.format(cell);
                String raw = CsvRenderer.value(cell);
                if (cell instanceof Cell.Missing || (cell.number().isEmpty() && cell instanceof Cell.RatioOf)) {
                    cells.add(HtmlPage.Cell.missing(shown));
                } else if (raw.equals(shown)) {
                    cells.add(HtmlPage.Cell.text(shown));
                } else {
                    cells.add(HtmlPage.Cell.number(shown, raw));
                }
            }
            rows.add(cells);
        }
        List<String> notes = table.notes().stream().map(messages::text).toList();
        String caption = table.title().map(messages::text).orElse("");
        page.table(table.id(), caption, notes, messages.text(Message.of("html.csv")), drawn, columns, rows);
    }
}
