package org.loyaltykpi.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.loyaltykpi.internal.Quoted;

/**
 * Reads a per-customer summary file, as lifetimes ({@code summary_data_from_transaction_data}) and {@code loyalty rfm}
 * write them, so that a model can be fitted to what another tool computed.
 *
 * <p>Comma-separated, UTF-8, a header row naming the columns (any order, names matched ignoring case; a field may be
 * quoted with {@code "}):
 *
 * <ul>
 *   <li>{@link #read(Path, TimeScale)}, for BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma: {@code customer_id} (or
 *       {@code id}), {@code frequency} (or {@code x}), {@code recency} (or {@code t_x}), {@code T} (or {@code age}),
 *       optional {@code monetary_value} (or {@code zbar}; 0 when absent) and optional {@code weights} (customers per
 *       row: then the rows are weighted patterns without ids, which can be fitted but not predicted per customer).
 *       Other columns (lifetimes' holdout columns, say) are ignored. Times are in the given unit.
 *   <li>{@link #readBgBb(Path)}, for BG/BB: {@code frequency}, {@code recency}, {@code periods} (or {@code n}) and
 *       either {@code customer_id} or {@code weights} (lifetimes' {@code donations.csv} layout) or both.
 * </ul>
 *
 * <p>A bad value is an {@link IllegalArgumentException} naming the file, line, column and value, as every reader of
 * this library does: {@code summary.csv:7: column 'recency' (#3): '-1.5' must be a number >= 0}. Nothing is skipped.
 *
 * <pre>{@code
 * BtydSummary s = SummaryCsv.read(Path.of("summary.csv"), TimeScale.WEEKS);
 * BgNbdModel.fit(s);
 * }</pre>
 */
public final class SummaryCsv {
    /** A decimal number as people and tools write it: no hex, no NaN, no Infinity, no type suffix. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private SummaryCsv() {}

    /**
     * Reads a BTYD summary.
     *
     * @param file the file
     * @param unit the time unit of recency and T
     * @return the summary (weighted rows when the file has a {@code weights} column)
     * @throws IllegalArgumentException naming file, line, column and value of a bad field, or the missing column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static BtydSummary read(Path file, TimeScale unit) {
        List<String[]> lines = lines(file);
        Header h = new Header(file, lines.get(0));
        int id = h.optional("customer_id", "id");
        int x = h.required("frequency", "x");
        int tx = h.required("recency", "t_x");
        int t = h.required("T", "age");
        int z = h.optional("monetary_value", "zbar");
        int w = h.optional("weights", "weight");
        if (id < 0 && w < 0) {
            throw new IllegalArgumentException(file + ":1: no column 'customer_id' (or 'id') and no column 'weights':"
                    + " one of them is needed; the header is " + headerShown(lines.get(0)));
        }
        if (w >= 0) {
            if (z >= 0) {
                throw new IllegalArgumentException(file + ":1: a file of weighted rows ('weights') cannot have"
                        + " 'monetary_value': Gamma-Gamma needs one row per customer");
            }
            int n = lines.size() - 1;
            int[] xs = new int[n];
            double[] txs = new double[n];
            double[] ts = new double[n];
            long[] ws = new long[n];
            for (int i = 0; i < n; i++) {
                Row r = new Row(file, i + 2, lines.get(i + 1), h);
                xs[i] = r.count(x);
                txs[i] = r.time(tx);
                ts[i] = r.time(t);
                ws[i] = r.weight(w);
                r.checkBtyd(xs[i], txs[i], ts[i], tx, t);
            }
            return BtydSummary.weighted(unit, xs, txs, ts, ws);
        }
        BtydSummary.Builder b = BtydSummary.builder(unit);
        for (int i = 1; i < lines.size(); i++) {
            Row r = new Row(file, i + 1, lines.get(i), h);
            String customer = r.text(id);
            int xi = r.count(x);
            double txi = r.time(tx);
            double ti = r.time(t);
            r.checkBtyd(xi, txi, ti, tx, t);
            double zi = z < 0 ? 0 : r.real(z);
            try {
                b.add(customer, xi, txi, ti, zi);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(r.where() + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /**
     * Reads a BG/BB summary.
     *
     * @param file the file
     * @return the summary: per customer when the file has {@code customer_id}, weighted patterns otherwise
     * @throws IllegalArgumentException naming file, line, column and value of a bad field, or the missing column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static BgBbSummary readBgBb(Path file) {
        List<String[]> lines = lines(file);
        Header h = new Header(file, lines.get(0));
        int id = h.optional("customer_id", "id");
        int x = h.required("frequency", "x");
        int tx = h.required("recency", "t_x");
        int n = h.required("periods", "n");
        int w = h.optional("weights", "weight");
        if (id < 0 && w < 0) {
            throw new IllegalArgumentException(file + ":1: no column 'customer_id' (or 'id') and no column 'weights':"
                    + " one of them is needed; the header is " + headerShown(lines.get(0)));
        }
        List<BgBbModel.Row> rows = new ArrayList<>();
        BgBbSummary.Builder builder = BgBbSummary.builder();
        for (int i = 1; i < lines.size(); i++) {
            Row r = new Row(file, i + 1, lines.get(i), h);
            int xi = r.count(x);
            int txi = r.count(tx);
            int ni = r.count(n);
            double wi = w < 0 ? 1 : r.weight(w);
            if (ni < 1) {
                throw r.error(n, "must be at least 1 (opportunities after the first transaction)");
            }
            if (xi > ni) {
                throw r.error(x, "must be at most periods " + ni);
            }
            if (xi == 0 ? txi != 0 : txi < xi || txi > ni) {
                throw r.error(
                        tx, "must be 0 when frequency is 0, else in frequency.." + ni + " (frequency " + xi + ")");
            }
            if (id >= 0 && wi == 1) {
                builder.add(r.text(id), xi, txi, ni);
            } else if (id >= 0) {
                throw r.error(w, "must be 1 in a file with customer ids (one row per customer)");
            }
            rows.add(new BgBbModel.Row(xi, txi, ni, wi));
        }
        return id >= 0 ? builder.build() : BgBbSummary.of(rows);
    }

    private static List<String[]> lines(Path file) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)))) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                out.add(split(file, number, line));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": holds bytes that are not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file: a summary needs a header row and rows");
        }
        if (out.size() == 1) {
            throw new IllegalArgumentException(file + ": no rows after the header: no customers to fit");
        }
        return out;
    }

    /** Splits a line at commas; a field may be quoted with {@code "} ({@code ""} inside is one quote). */
    static String[] split(Path file, int number, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + ":" + number + ": a quoted field is not closed: '" + line + "'");
        }
        fields.add(field.toString().strip());
        return fields.toArray(String[]::new);
    }

    private static final class Header {
        final Path file;
        final String[] names;

        Header(Path file, String[] names) {
            this.file = file;
            this.names = names;
        }

        int optional(String... accepted) {
            int found = -1;
            for (int c = 0; c < names.length; c++) {
                for (String a : accepted) {
                    if (names[c].equalsIgnoreCase(a)) {
                        if (found >= 0) {
                            throw new IllegalArgumentException(file + ":1: two columns for '" + accepted[0] + "': '"
                                    + names[found] + "' (#" + (found + 1) + ") and '" + names[c] + "' (#" + (c + 1)
                                    + ")");
                        }
                        found = c;
                    }
                }
            }
            return found;
        }

        int required(String... accepted) {
            int c = optional(accepted);
            if (c < 0) {
                throw new IllegalArgumentException(file + ":1: no column '" + accepted[0] + "' (or '" + accepted[1]
                        + "'); the header is " + headerShown(names));
            }
            return c;
        }
    }

    private static final class Row {
        final Path file;
        final int line;
        final String[] fields;
        final Header header;

        Row(Path file, int line, String[] fields, Header header) {
            this.file = file;
            this.line = line;
            this.fields = fields;
            this.header = header;
            if (fields.length != header.names.length) {
                throw new IllegalArgumentException(
                        where() + fields.length + " fields where the header has " + header.names.length);
            }
        }

        String where() {
            return file + ":" + line + ": ";
        }

        IllegalArgumentException error(int column, String problem) {
            return new IllegalArgumentException(where() + "column '" + quoted(header.names[column]) + "' (#"
                    + (column + 1) + "): '" + quoted(fields[column]) + "' " + problem);
        }

        String text(int column) {
            String value = fields[column];
            if (value.isEmpty()) {
                throw error(column, "is empty: every row needs a customer id");
            }
            return value;
        }

        int count(int column) {
            String value = fields[column];
            try {
                // lifetimes writes frequencies as floats: 2.0
                double d = NUMBER.matcher(value).matches() ? Double.parseDouble(value) : -1;
                if (d >= 0 && d == Math.rint(d) && d <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw error(column, "must be a whole number >= 0");
        }

        long weight(int column) {
            String value = fields[column];
            try {
                double d = NUMBER.matcher(value).matches() ? Double.parseDouble(value) : 0;
                if (d >= 1 && d == Math.rint(d) && d <= Integer.MAX_VALUE) {
                    return (long) d;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw error(column, "must be a whole number >= 1 (customers sharing the row)");
        }

        double time(int column) {
            double d = real(column);
            if (d < 0) {
                throw error(column, "must be a number >= 0");
            }
            return d;
        }

        double real(int column) {
            String value = fields[column];
            try {
                double d = NUMBER.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw error(column, "is not a finite number");
        }

        void checkBtyd(int x, double recency, double age, int recencyColumn, int ageColumn) {
            if (x == 0 && recency != 0) {
                throw error(recencyColumn, "must be 0 when frequency is 0");
            }
            if (age < recency) {
                throw error(ageColumn, "must be >= recency " + fields[recencyColumn]);
            }
        }
    }

    /** A value or column name as messages quote it: escaped, at most 80 characters. */
    private static String quoted(String value) {
        return Quoted.value(value);
    }

    /** The header row as messages show it: {@code [customer_id, frequency, ...]}, each name escaped. */
    private static String headerShown(String[] names) {
        return Arrays.stream(names).map(SummaryCsv::quoted).collect(Collectors.joining(", ", "[", "]"));
    }
}
