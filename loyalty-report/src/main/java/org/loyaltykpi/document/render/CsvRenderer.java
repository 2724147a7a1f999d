package org.loyaltykpi.document.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Column;
import org.loyaltykpi.document.Table;

/**
 * Writes a table as CSV (RFC 4180: comma, CRLF-free {@code \n} line ends, quotes only where needed): a header of
 * column ids, then one line per row, locale-free.
 *
 * <p>One precision rule for every number, the same as JSON: counts as integers, money exactly at its scale, ratios
 * and shares as fractions, decimals as the shortest decimal that reads back as the same double (no exponent).
 * Dates are ISO, labels their lower-kebab code, missing values empty.
 *
 * <pre>{@code
 * CsvRenderer.render(document.table("cohortMatrix").orElseThrow(), System.out);
 * }</pre>
 */
public final class CsvRenderer {
    private CsvRenderer() {}

    /**
     * Writes one table.
     *
     * @param table the table
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public static void render(Table table, Appendable out) {
        try {
            List<Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                out.append(c == 0 ? "" : ",").append(quote(columns.get(c).id()));
            }
            out.append('\n');
            for (List<Cell> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    out.append(c == 0 ? "" : ",").append(quote(value(row.get(c))));
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell's locale-free value, as CSV and JSON write it: empty for a missing value.
     *
     * @param cell the cell
     * @return the value
     */
    public static String value(Cell cell) {
        if (cell instanceof Cell.Count c) {
            return Long.toString(c.value());
        } else if (cell instanceof Cell.Money m) {
            return m.amount().toPlainString();
        } else if (cell instanceof Cell.Day d) {
            return d.date().toString();
        } else if (cell instanceof Cell.Text t) {
            return t.text();
        } else if (cell instanceof Cell.Label l) {
            return l.code();
        } else if (cell instanceof Cell.Flag f) {
            return Boolean.toString(f.value());
        } else if (cell instanceof Cell.Missing) {
            return "";
        }
        return cell.number().isPresent() ? Numbers.plain(cell.number().getAsDouble()) : "";
    }

    private static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
