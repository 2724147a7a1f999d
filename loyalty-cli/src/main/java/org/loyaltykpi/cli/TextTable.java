package org.loyaltykpi.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns. By default the first column is left-aligned and the others, numbers,
 * right-aligned; {@link #aligned(String, String...)} chooses per column.
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final String alignment;

    TextTable(String... header) {
        this("l" + "r".repeat(Math.max(0, header.length - 1)), header);
    }

    private TextTable(String alignment, String... header) {
        if (alignment.length() != header.length || !alignment.matches("[lr]*")) {
            throw new IllegalArgumentException("alignment needs one 'l' or 'r' per column: " + alignment);
        }
        this.columns = header.length;
        this.alignment = alignment;
        rows.add(header);
    }

    /** A table whose column {@code i} is left-aligned where {@code alignment.charAt(i) == 'l'}, else right. */
    static TextTable aligned(String alignment, String... header) {
        return new TextTable(alignment, header);
    }

    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    String render(String indent) {
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
