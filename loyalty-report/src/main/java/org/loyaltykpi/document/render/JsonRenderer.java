package org.loyaltykpi.document.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Chart;
import org.loyaltykpi.document.Column;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.io.LoadSummary;

/**
 * Writes a document as pretty-printed JSON with stable field names: ids of sections, tables, columns, figures and
 * charts are the field names; labels are resolved for the given language; values are locale-free.
 *
 * <p>Values: counts as integers, ratios and shares as fractions ({@code 0.125}), money exact, decimals with the
 * shortest decimal that reads back as the same double, dates ISO, labels (every enum) their lower-kebab code
 * ({@code "month"}, {@code "no-data"}, {@code "mbg-nbd"}), undefined values {@code null}. Never NaN or Infinity.
 *
 * <pre>{@code
 * {
 *   "title": "Loyalty report",
 *   "about": {"source": "purchases.csv", "purchases": 1200, ...,
 *             "input": {"rows": 1250, "orderLines": 1250, "purchases": 1200, "orders": null,
 *                       "skipped": {"without a customer": {"rows": 10, "firstLine": 17}}, "badRows": {},
 *                       "excludedStatuses": {"cancelled": {"rows": 40, "firstLine": 3}},
 *                       "refunds": {"count": 5, "lines": 5, "amount": -120.00, "handling": "net"},
 *                       "summary": "1250 rows: ..."}},
 *   "purchaseBehaviour": {
 *     "title": "Purchase behaviour", "degraded": false, "notes": [],
 *     "figures": {"retention": {"label": "retention", "value": 0.8, "previous": 0.7, "change": 10.0,
 *                               "changeUnit": "points"}},
 *     "tables": {"behaviourByPeriod": {"title": "...", "columns": [{"id": "period", "label": "period",
 *                "type": "text"}, ...], "rows": [{"period": "2024-03", "retentionRate": 0.8, ...}], "notes": []}},
 *     "charts": [{"id": "activeChart", "type": "time-series", "title": "...", "table": "behaviourByPeriod", ...}]
 *   }
 * }
 * }</pre>
 */
public final class JsonRenderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * The column id of a table that {@link #renderFields} writes as an array of values: a list of texts such as a
     * fit's warnings.
     */
    public static final String LIST_ITEM = "item";

    private JsonRenderer() {}

    /**
     * Writes the whole document: title, about and one field per section.
     *
     * @param document the document
     * @param messages the language of labels
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public static void render(Document document, Messages messages, Writer out) {
        write(out, json -> {
            json.writeStartObject();
            json.writeStringField("title", messages.text(document.title()));
            json.writeObjectFieldStart("about");
            for (KeyFigure f : document.about()) {
                json.writeFieldName(f.id());
                value(json, f.value());
            }
            if (document.input().isPresent()) {
                input(json, document.input().get());
            }
            json.writeEndObject();
            for (Section section : document.sections()) {
                json.writeFieldName(section.id());
                section(json, section, messages);
            }
            json.writeEndObject();
        });
    }

    /**
     * Writes one section as a JSON object (a command's output).
     *
     * @param section the section
     * @param messages the language of labels
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public static void render(Section section, Messages messages, Writer out) {
        write(out, json -> section(json, section, messages));
    }

    /**
     * Writes a command's document as one object of fields, the JSON of every command but {@code report}: the facts
     * about the data by id (the {@code source} string first), the load summary {@code input} when there is one, then
     * every section's key figures (their values) and tables (arrays of row objects) by id, and {@code notes} when a
     * section has any. An id with dots nests: the figures {@code retention.customers.active} and
     * {@code retention.customers.new} are written as {@code "retention": {"customers": {"active": .., "new": ..}}}.
     * Values as in {@link #render(Document, Messages, Writer)}: locale-free, enums lower-kebab, undefined {@code null}.
     * A table of one column whose id is {@value #LIST_ITEM} is a list: an array of its values ({@code "warnings":
     * ["..."]}), not of row objects.
     *
     * <pre>{@code
     * {"source": "orders.csv", "input": {...},
     *  "retention": {"period": "2024-03-01/2024-04-01", "customers": {"atStart": 2, "active": 2, ...}, ...},
     *  "byPeriod": {"granularity": "month", "periods": [{"period": "2024-01-01/2024-02-01", ...}, ...]}}
     * }</pre>
     *
     * <p>Names that are the numbers {@code 0, 1, ..., n-1} make an array: the figures {@code average.0},
     * {@code average.1} and the columns {@code values.0}, {@code values.1} are written as {@code "average": [..,
     * ..]} and, in each row, {@code "values": [.., ..]}; undefined values at the end of such an array are left off
     * (a cohort not yet observed at an offset has no value there, rather than {@code null}).
     *
     * @param document the document
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     * @throws IllegalArgumentException if two fields have one path, or a path is both a value and an object
     */
    public static void renderFields(Document document, Writer out) {
        Messages messages = Messages.english();
        Map<String, Object> root = new LinkedHashMap<>();
        for (KeyFigure f : document.about()) {
            put(root, f.id(), f.value());
        }
        if (document.input().isPresent()) {
            put(root, "input", document.input().get());
        }
        for (Section section : document.sections()) {
            for (KeyFigure f : section.figures()) {
                put(root, f.id(), f.value());
            }
            for (Table table : section.tables()) {
                if (table.columns().size() == 1 && table.columns().get(0).id().equals(LIST_ITEM)) {
                    put(
                            root,
                            table.id(),
                            table.rows().stream()
                                    .map(row -> (Object) row.get(0))
                                    .toList());
                    continue;
                }
                put(root, table.id(), Rows.of(table));
            }
            if (!section.notes().isEmpty()) {
                put(
                        root,
                        section.id() + ".notes",
                        section.notes().stream().map(messages::text).toList());
            }
        }
        write(out, json -> tree(json, root));
    }

    private static void put(Map<String, Object> tree, String path, Object value) {
        put(tree, path, path.split("\\."), value);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String path, String[] names, Object value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < names.length - 1; i++) {
            Object child = node.computeIfAbsent(names[i], k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                throw new IllegalArgumentException("field " + path + ": " + names[i] + " is a value, not an object");
            }
            node = (Map<String, Object>) child;
        }
        if (node.putIfAbsent(names[names.length - 1], value) != null) {
            throw new IllegalArgumentException("two fields named " + path);
        }
    }

    /**
     * A table's rows in the tree of {@link #renderFields}: written one row object at a time, so a table of millions of
     * customers is never held a second time as maps. Its column paths are split, and checked on an empty row, once.
     */
    private record Rows(Table table, String[][] paths) {
        static Rows of(Table table) {
            String[][] paths = new String[table.columns().size()][];
            Map<String, Object> check = new LinkedHashMap<>();
            for (int c = 0; c < paths.length; c++) {
                String id = table.columns().get(c).id();
                paths[c] = id.split("\\.");
                put(check, id, paths[c], new Cell.Missing()); // two columns of one path fail here, before any output
            }
            return new Rows(table, paths);
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartArray();
            for (List<Cell> row : table.rows()) {
                Map<String, Object> r = new LinkedHashMap<>();
                for (int c = 0; c < row.size(); c++) {
                    put(r, table.columns().get(c).id(), paths[c], row.get(c));
                }
                tree(json, r);
            }
            json.writeEndArray();
        }
    }

    /** Whether a node's names are {@code 0, 1, ..., n-1} in that order: an array. */
    private static boolean isArray(Map<?, ?> map) {
        int i = 0;
        for (Object name : map.keySet()) {
            if (!name.equals(Integer.toString(i++))) {
                return false;
            }
        }
        return i > 0;
    }

    @SuppressWarnings("unchecked")
    private static void tree(JsonGenerator json, Object node) throws IOException {
        if (node instanceof Map<?, ?> map && isArray(map)) {
            List<Object> items = new ArrayList<>(map.values());
            while (!items.isEmpty() && items.get(items.size() - 1) instanceof Cell.Missing) {
                items.remove(items.size() - 1);
            }
            tree(json, items);
        } else if (node instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() instanceof LoadSummary s) {
                    input(json, s);
                } else {
                    json.writeFieldName(e.getKey());
                    tree(json, e.getValue());
                }
            }
            json.writeEndObject();
        } else if (node instanceof Rows rows) {
            rows.write(json);
        } else if (node instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                tree(json, item);
            }
            json.writeEndArray();
        } else if (node instanceof String text) {
            json.writeString(text);
        } else {
            value(json, (Cell) node);
        }
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static void write(Writer out, Body body) {
        try {
            JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            body.write(json);
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(JsonGenerator json, Section section, Messages messages) throws IOException {
        json.writeStartObject();
        json.writeStringField("title", messages.text(section.title()));
        json.writeBooleanField("degraded", section.degraded());
        messages(json, "notes", section.notes(), messages);
        json.writeObjectFieldStart("figures");
        for (KeyFigure f : section.figures()) {
            json.writeObjectFieldStart(f.id());
            json.writeStringField("label", messages.text(f.label()));
            json.writeFieldName("value");
            value(json, f.value());
            if (f.unit().isPresent()) {
                json.writeStringField("unit", messages.text(f.unit().get()));
            }
            if (f.previous().isPresent()) {
                json.writeFieldName("previous");
                value(json, f.previous().get());
                json.writeFieldName("change");
                if (f.change().isPresent()) {
                    json.writeNumber(Numbers.decimal(round1(f.change().getAsDouble(), f.changeInPoints())));
                } else {
                    json.writeNull();
                }
                json.writeStringField("changeUnit", f.changeInPoints() ? "points" : "relative");
            }
            if (f.trend().isPresent()) {
                json.writeObjectFieldStart("trend");
                json.writeStringField("table", f.trend().get().table());
                json.writeStringField("column", f.trend().get().column());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("tables");
        for (Table table : section.tables()) {
            json.writeFieldName(table.id());
            table(json, table, messages);
        }
        json.writeEndObject();
        json.writeArrayFieldStart("charts");
        for (Chart chart : section.charts()) {
            chart(json, chart, messages);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * The change as the text shows it (one decimal of points or of percent), so the two cannot disagree.
     */
    /**
     * The load summary as the object {@code input}: {@code {"rows", "orderLines", "purchases", "orders" (null unless
     * order lines were grouped), "skipped": {reason: {"rows", "firstLine"}}, "badRows": {...}, "excludedStatuses":
     * {...}, "refunds": {"count", "lines", "amount", "handling"}, "summary"}}, the shape every command writes.
     */
    private static void input(JsonGenerator json, LoadSummary s) throws IOException {
        json.writeObjectFieldStart("input");
        json.writeNumberField("rows", s.rows());
        json.writeNumberField("orderLines", s.orderLines());
        json.writeNumberField("purchases", s.purchases());
        if (s.grouped()) {
            json.writeNumberField("orders", s.purchases());
        } else {
            json.writeNullField("orders");
        }
        skips(json, "skipped", s.skipped());
        skips(json, "badRows", s.badRows());
        skips(json, "excludedStatuses", s.excludedStatuses());
        json.writeObjectFieldStart("refunds");
        json.writeNumberField("count", s.refunds());
        json.writeNumberField("lines", s.refundLines());
        json.writeNumberField("amount", s.refundAmount());
        json.writeStringField("handling", s.refundHandling().name().toLowerCase(Locale.ROOT));
        json.writeEndObject();
        json.writeStringField("summary", s.toString());
        json.writeEndObject();
    }

    private static void skips(JsonGenerator json, String name, Map<String, LoadSummary.Skipped> skips)
            throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, LoadSummary.Skipped> e : skips.entrySet()) {
            json.writeObjectFieldStart(e.getKey());
            json.writeNumberField("rows", e.getValue().rows());
            json.writeNumberField("firstLine", e.getValue().firstLine());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static double round1(double change, boolean points) {
        double shown = points ? change : 100 * change;
        double rounded = Math.round(shown * 10) / 10.0;
        return points ? rounded : rounded / 100;
    }

    private static void table(JsonGenerator json, Table table, Messages messages) throws IOException {
        json.writeStartObject();
        if (table.title().isPresent()) {
            json.writeStringField("title", messages.text(table.title().get()));
        }
        json.writeArrayFieldStart("columns");
        for (Column column : table.columns()) {
            json.writeStartObject();
            json.writeStringField("id", column.id());
            json.writeStringField("label", messages.text(column.label()));
            json.writeStringField("type", Cell.code(column.type()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("rows");
        for (List<Cell> row : table.rows()) {
            json.writeStartObject();
            for (int c = 0; c < row.size(); c++) {
                json.writeFieldName(table.columns().get(c).id());
                value(json, row.get(c));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        messages(json, "notes", table.notes(), messages);
        json.writeEndObject();
    }

    private static void chart(JsonGenerator json, Chart chart, Messages messages) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", chart.id());
        json.writeStringField("title", messages.text(chart.title()));
        if (chart instanceof Chart.TimeSeries t) {
            json.writeStringField("type", "time-series");
            json.writeStringField("table", t.table());
            json.writeStringField("x", t.x());
            series(json, t.series());
            json.writeBooleanField("stacked", t.stacked());
        } else if (chart instanceof Chart.Heatmap h) {
            json.writeStringField("type", "heatmap");
            strings(json, "layers", h.layers());
            json.writeStringField("row", h.row());
            strings(json, "values", h.values());
        } else if (chart instanceof Chart.Bars b) {
            json.writeStringField("type", "bars");
            json.writeStringField("table", b.table());
            json.writeStringField("category", b.category());
            series(json, b.series());
            json.writeBooleanField("stacked", b.stacked());
            json.writeBooleanField("horizontal", b.horizontal());
        } else if (chart instanceof Chart.Histogram h) {
            json.writeStringField("type", "histogram");
            json.writeStringField("table", h.table());
            json.writeStringField("low", h.low());
            json.writeStringField("high", h.high());
            json.writeStringField("count", h.count());
        } else if (chart instanceof Chart.Flow f) {
            json.writeStringField("type", "flow");
            json.writeStringField("table", f.table());
            json.writeStringField("from", f.from());
            json.writeStringField("to", f.to());
            json.writeStringField("weight", f.weight());
        }
        json.writeEndObject();
    }

    private static void series(JsonGenerator json, List<Chart.Series> series) throws IOException {
        json.writeArrayFieldStart("series");
        for (Chart.Series s : series) {
            json.writeStartObject();
            json.writeStringField("column", s.column());
            json.writeStringField("mark", Cell.code(s.mark()));
            if (s.band().isPresent()) {
                json.writeStringField("low", s.band().get().low());
                json.writeStringField("high", s.band().get().high());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    private static void messages(JsonGenerator json, String name, List<Message> list, Messages messages)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (Message m : list) {
            json.writeString(messages.text(m));
        }
        json.writeEndArray();
    }

    /**
     * Writes one cell's locale-free value.
     *
     * @param json the generator
     * @param cell the cell
     * @throws IOException if writing fails
     */
    static void value(JsonGenerator json, Cell cell) throws IOException {
        if (cell instanceof Cell.Count c) {
            json.writeNumber(c.value());
        } else if (cell instanceof Cell.Money m) {
            json.writeNumber(m.amount());
        } else if (cell instanceof Cell.Day d) {
            json.writeString(d.date().toString());
        } else if (cell instanceof Cell.Text t) {
            json.writeString(t.text());
        } else if (cell instanceof Cell.Label l) {
            json.writeString(l.code());
        } else if (cell instanceof Cell.Flag f) {
            json.writeBoolean(f.value());
        } else if (cell.number().isPresent()) {
            json.writeNumber(Numbers.decimal(cell.number().getAsDouble()));
        } else {
            json.writeNull();
        }
    }
}
