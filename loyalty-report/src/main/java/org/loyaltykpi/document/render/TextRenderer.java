package org.loyaltykpi.document.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Column;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;

/**
 * Writes a document as plain text for a terminal: the title, the facts about the data (each with its unit, such as
 * the load summary of the source), then each section numbered
 * with its notes, its key figures (value, previous value, change) and its tables with aligned columns (text left,
 * numbers right). Charts are views of the tables, so the text has every number a chart draws.
 *
 * <pre>{@code
 * TextRenderer.render(document, Messages.english(), System.out);
 * }</pre>
 */
public final class TextRenderer {
    private static final String INDENT = "  ";

    private TextRenderer() {}

    /**
     * Writes the whole document: the title, the facts about the data and the numbered sections.
     *
     * @param document the document
     * @param messages the language
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public static void render(Document document, Messages messages, Appendable out) {
        try {
            out.append(messages.text(document.title())).append('\n');
            if (!document.about().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                for (KeyFigure f : document.about()) {
                    rows.add(new String[] {
                        messages.text(f.label()) + ":",
                        messages.format(f.value()),
                        f.unit().map(messages::text).orElse("")
                    });
                }
                out.append(aligned(rows, "lll", ""));
            }
            List<Section> sections = document.sections();
            for (int i = 0; i < sections.size(); i++) {
                out.append('\n');
                out.append(String.valueOf(i + 1))
                        .append(". ")
                        .append(messages.text(sections.get(i).title()))
                        .append('\n');
                out.append('\n');
                out.append(section(sections.get(i), messages));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body of one section (without its title): notes, key figures, tables.
     *
     * @param section the section
     * @param messages the language
     * @return the text
     */
    public static String section(Section section, Messages messages) {
        StringBuilder out = new StringBuilder();
        for (Message note : section.notes()) {
            out.append(INDENT).append(messages.text(note)).append('\n');
        }
        if (!section.figures().isEmpty()) {
            if (!section.notes().isEmpty()) {
                out.append('\n');
            }
            out.append(figures(section.figures(), messages));
        }
        boolean first = section.notes().isEmpty() && section.figures().isEmpty();
        for (Table table : section.tables()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            out.append(table(table, messages));
        }
        return out.toString();
    }

    /**
     * Key figures as an aligned list: label, value, unit, then the previous value and the change when known.
     *
     * @param figures the figures
     * @param messages the language
     * @return the text
     */
    public static String figures(List<KeyFigure> figures, Messages messages) {
        List<String[]> rows = new ArrayList<>();
        for (KeyFigure f : figures) {
            String detail = f.unit().map(messages::text).orElse("");
            if (f.previous().isPresent()) {
                String previous = messages.text(Message.of(
                        "figure.previous", messages.format(f.previous().get())));
                Optional<String> change = messages.change(f);
                detail = join(detail, change.map(c -> previous + ", " + c).orElse(previous));
            }
            rows.add(new String[] {messages.text(f.label()), messages.format(f.value()), detail});
        }
        return aligned(rows, "lrl", INDENT);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + " " + b;
    }

    /**
     * One table: its title line, the header and rows aligned by column type, its notes.
     *
     * @param table the table
     * @param messages the language
     * @return the text
     */
    public static String table(Table table, Messages messages) {
        StringBuilder out = new StringBuilder();
        table.title().ifPresent(t -> out.append(messages.text(t)).append('\n'));
        List<Column> columns = table.columns();
        StringBuilder alignment = new StringBuilder();
        String[] header = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            header[c] = messages.text(columns.get(c).label());
            alignment.append(columns.get(c).type().alignsLeft() ? 'l' : 'r');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (List<Cell> row : table.rows()) {
            rows.add(row.stream().map(messages::format).toArray(String[]::new));
        }
        // an empty table whose note says why ("none") shows the note alone, not a header over nothing
        if (!table.rows().isEmpty() || table.notes().isEmpty()) {
            out.append(aligned(rows, alignment.toString(), INDENT));
        }
        for (Message note : table.notes()) {
            out.append(INDENT).append(messages.text(note)).append('\n');
        }
        return out.toString();
    }

    /**
     * Rows of cells aligned in columns two spaces apart; trailing blanks stripped.
     *
     * @param rows the rows, all of the same width
     * @param alignment {@code l} or {@code r} per column
     * @param indent the indent of every line
     * @return the lines
     */
    static String aligned(List<String[]> rows, String alignment, String indent) {
        int columns = alignment.length();
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(alignment.charAt(c) == 'l' ? row[c] + pad : pad + row[c]);
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
