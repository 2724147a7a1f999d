package org.loyaltykpi.document.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's JSON data island ({@code <script type="application/json">}): the locale, the script's labels and every
 * chart's data. {@code <}, {@code >} and {@code &} are written as {@code \}u escapes, so no text can end the script
 * element early.
 */
final class HtmlData {
    private final String locale;
    private final Map<String, String> labels;
    private final Map<String, HtmlPlot> charts = new LinkedHashMap<>();

    HtmlData(String locale, Map<String, String> labels) {
        this.locale = locale;
        this.labels = Map.copyOf(labels);
    }

    /** Adds a chart under a page-unique id. */
    void add(String id, HtmlPlot plot) {
        if (charts.putIfAbsent(id, plot) != null) {
            throw new IllegalArgumentException("chart id " + id + " is used twice");
        }
    }

    Map<String, HtmlPlot> charts() {
        return Map.copyOf(charts);
    }

    String json() {
        StringWriter out = new StringWriter();
        JsonFactory factory = JsonFactory.builder().build();
        factory.setCharacterEscapes(new ScriptSafe());
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("locale", locale);
            json.writeObjectFieldStart("labels");
            for (Map.Entry<String, String> label : new java.util.TreeMap<>(labels).entrySet()) {
                json.writeStringField(label.getKey(), label.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("charts");
            for (Map.Entry<String, HtmlPlot> chart : charts.entrySet()) {
                json.writeFieldName(chart.getKey());
                write(json, chart.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, HtmlPlot plot) throws IOException {
        json.writeStartObject();
        if (plot instanceof HtmlPlot.Cartesian c) {
            json.writeStringField("kind", "cartesian");
            strings(json, "x", c.x());
            json.writeStringField("xName", c.xName());
            json.writeStringField("unit", c.unit());
            json.writeStringField("yName", c.yName());
            series(json, c.series());
        } else if (plot instanceof HtmlPlot.Ranked r) {
            json.writeStringField("kind", "ranked");
            strings(json, "x", r.categories());
            json.writeStringField("unit", r.unit());
            series(json, r.series());
        } else if (plot instanceof HtmlPlot.Heatmap h) {
            json.writeStringField("kind", "heatmap");
            strings(json, "x", h.x());
            json.writeStringField("xName", h.xName());
            strings(json, "y", h.y());
            json.writeStringField("yName", h.yName());
            json.writeArrayFieldStart("variants");
            for (HtmlPlot.Matrix m : h.variants()) {
                json.writeStartObject();
                json.writeStringField("name", m.name());
                json.writeStringField("unit", m.unit());
                json.writeArrayFieldStart("data");
                for (int row = 0; row < m.values().length; row++) {
                    for (int column = 0; column < m.values()[row].length; column++) {
                        double v = m.values()[row][column];
                        if (Double.isFinite(v)) {
                            json.writeStartArray();
                            json.writeNumber(column);
                            json.writeNumber(row);
                            json.writeNumber(v);
                            json.writeEndArray();
                        }
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        } else if (plot instanceof HtmlPlot.Flow f) {
            json.writeStringField("kind", "flow");
            json.writeStringField("unit", f.unit());
            json.writeArrayFieldStart("series");
            json.writeStartObject();
            json.writeStringField("name", f.name());
            json.writeEndObject();
            json.writeEndArray();
            json.writeArrayFieldStart("nodes");
            for (HtmlPlot.Node n : f.nodes()) {
                json.writeStartObject();
                json.writeStringField("id", n.id());
                json.writeStringField("label", n.label());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("links");
            for (HtmlPlot.Link l : f.links()) {
                json.writeStartObject();
                json.writeStringField("source", l.source());
                json.writeStringField("target", l.target());
                number(json, l.value());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else if (plot instanceof HtmlPlot.Sparkline s) {
            json.writeStringField("kind", "sparkline");
            strings(json, "x", s.x());
            json.writeStringField("unit", s.series().unit());
            series(json, List.of(s.series()));
        }
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, double value) throws IOException {
        json.writeFieldName("value");
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNull();
        }
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    private static void numbers(JsonGenerator json, String name, double[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double v : values) {
            if (Double.isFinite(v)) {
                json.writeNumber(v);
            } else {
                json.writeNull();
            }
        }
        json.writeEndArray();
    }

    private static void series(JsonGenerator json, List<HtmlPlot.Series> series) throws IOException {
        json.writeArrayFieldStart("series");
        for (HtmlPlot.Series s : series) {
            json.writeStartObject();
            json.writeStringField("name", s.name());
            json.writeStringField("type", s.type());
            if (s.stack().isPresent()) {
                json.writeStringField("stack", s.stack().get());
            }
            json.writeNumberField("axis", s.axis());
            json.writeStringField("unit", s.unit());
            numbers(json, "data", s.data());
            if (s.low().isPresent() && s.high().isPresent()) {
                numbers(json, "low", s.low().get());
                numbers(json, "high", s.high().get());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Escapes the characters that could close or confuse the enclosing script element. */
    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        ScriptSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
