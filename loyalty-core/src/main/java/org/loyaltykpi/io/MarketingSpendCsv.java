package org.loyaltykpi.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.SpendKind;
import org.loyaltykpi.internal.Money;
import org.loyaltykpi.io.CsvColumns.Column;

/**
 * Reads marketing spend from CSV: a header line {@code period,amount[,kind]}, one spend per row.
 *
 * <p>Fields: the period as {@link DateRange#parse(CharSequence)} reads it, the ISO interval {@code
 * 2024-01-01/2024-02-01} or a month {@code 2024-03}, a quarter {@code 2024-Q1}, a year {@code 2024}; the
 * amount a decimal number {@code >= 0} with a {@code .} separator and at most 9 decimal places, kept exact; the kind
 * {@code acquisition}, {@code retention} or {@code other} (any case), where an empty field or a file without the
 * column means acquisition. Every bad row is a {@link CsvFormatException} naming the file, line, column and value;
 * blank lines hold no row; an empty file or a header alone gives no spends.
 *
 * <pre>{@code
 * // spend.csv:
 * // period,amount,kind
 * // 2025-01,1800.00,acquisition
 * // 2025-01,350.00,retention
 * // 2025-02-01/2025-03-01,1650.00,
 * List<MarketingSpend> spends = MarketingSpendCsv.read(Path.of("spend.csv"), Delimiter.COMMA);
 * }</pre>
 */
public final class MarketingSpendCsv {
    /** The period column name. */
    public static final String PERIOD = "period";
    /** The amount column name. */
    public static final String AMOUNT = "amount";
    /** The optional kind column name. */
    public static final String KIND = "kind";

    private MarketingSpendCsv() {}

    /**
     * Reads a spend file (UTF-8).
     *
     * @param file the file
     * @param delimiter the field separator
     * @return the spends in file order
     * @throws CsvFormatException naming file, line, column and value of the first bad row
     * @throws IllegalArgumentException if the header lacks the period or amount column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<MarketingSpend> read(Path file, Delimiter delimiter) {
        try (Reader in = InputFiles.open(file)) {
            return read(in, file.toString(), delimiter);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    /**
     * Reads spends from a character stream.
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages
     * @param delimiter the field separator
     * @return the spends in input order
     * @throws CsvFormatException naming source, line, column and value of the first bad row
     * @throws IllegalArgumentException if the header lacks the period or amount column
     * @throws UncheckedIOException if reading fails
     */
    public static List<MarketingSpend> read(Reader in, String sourceName, Delimiter delimiter) {
        return read(in, sourceName, MarketingSpendCsvOptions.defaults().withDelimiter(delimiter));
    }

    /**
     * Reads spends from a character stream, amounts as the options say ({@code $1,800.00}, {@code 1.800,00 €}).
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages
     * @param options the delimiter and how amounts are written
     * @return the spends in input order
     * @throws CsvFormatException naming source, line, column and value of the first bad row
     * @throws IllegalArgumentException if the header lacks the period or amount column
     * @throws UncheckedIOException if reading fails
     */
    public static List<MarketingSpend> read(Reader in, String sourceName, MarketingSpendCsvOptions options) {
        return read(in, sourceName, options, BadRows.strict()).value();
    }

    /**
     * Reads a spend file (UTF-8), amounts as the options say.
     *
     * @param file the file
     * @param options the delimiter and how amounts are written
     * @return the spends in file order
     * @throws CsvFormatException naming file, line, column and value of the first bad row
     * @throws IllegalArgumentException if the header lacks the period or amount column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<MarketingSpend> read(Path file, MarketingSpendCsvOptions options) {
        return readSkippingBadRows(file, options, 0).value();
    }

    /**
     * Reads a spend file (UTF-8), skipping up to {@code maxBadRows} rows that cannot be read and recording them per
     * reason (see {@link CsvRead}).
     *
     * @param file the file
     * @param options the delimiter and how amounts are written
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the spends of the good rows and the record of the skipped ones
     * @throws CsvFormatException naming the first bad row past the allowed number
     * @throws IllegalArgumentException if the header lacks the period or amount column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CsvRead<List<MarketingSpend>> readSkippingBadRows(
            Path file, MarketingSpendCsvOptions options, long maxBadRows) {
        try (Reader in = InputFiles.open(file)) {
            return read(in, file.toString(), options, BadRows.upTo(maxBadRows));
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    private static CsvRead<List<MarketingSpend>> read(
            Reader in, String sourceName, MarketingSpendCsvOptions options, BadRows bad) {
        try {
            CsvRecordReader records = new CsvRecordReader(in, sourceName, options.delimiter());
            List<String> fields = CsvRecordReader.newFieldList();
            Optional<CsvColumns> started = CsvColumns.start(records, fields, sourceName, true);
            if (started.isEmpty()) {
                return bad.result(List.of());
            }
            CsvColumns columns = started.get();
            Column period = columns.required(ColumnRef.named(PERIOD), "period");
            Column amount = columns.required(ColumnRef.named(AMOUNT), "amount");
            Optional<Column> kind = columns.optional(Optional.empty(), KIND, "kind");
            AmountText money =
                    new AmountText(options.decimalSeparator(), options.thousandsSeparator(), Money.MAX_SCALE);
            List<MarketingSpend> spends = new ArrayList<>();
            while (records.next(fields)) {
                long line = records.recordLine();
                try {
                    DateRange p = period(period, line);
                    BigDecimal value = amount(amount, line, money, options.decimalSeparator());
                    SpendKind k = kind.isPresent() ? kind(kind.get(), line) : SpendKind.ACQUISITION;
                    spends.add(new MarketingSpend(p, value, k));
                } catch (CsvFormatException e) {
                    bad.skip(e);
                }
            }
            return bad.result(List.copyOf(spends));
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes spends as CSV: {@code period,amount,kind} with the period's short label ({@code 2025-03}) where it has
     * one, else its ISO interval; {@code read} gives them back.
     *
     * @param spends the spends
     * @param out where to write; flushed, not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<MarketingSpend> spends, Writer out) {
        try {
            Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            w.write(PERIOD + "," + AMOUNT + "," + KIND + "\n");
            for (MarketingSpend s : spends) {
                w.write(s.period().label() + "," + s.amount().toPlainString() + ","
                        + s.kind().label() + "\n");
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write marketing spend: " + e.getMessage(), e);
        }
    }

    /**
     * Writes spends to a file (UTF-8), as {@link #write(List, Writer)}.
     *
     * @param spends the spends
     * @param file the file to create or replace
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(List<MarketingSpend> spends, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(spends, out);
        } catch (IOException e) {
            throw InputFiles.cannotWrite(file, e);
        }
    }

    private static DateRange period(Column column, long line) {
        String text = column.value(line);
        try {
            return DateRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw column.error(line, text, "is not a period (2024-01-01/2024-02-01, 2024-03, 2024-Q1 or 2024)");
        }
    }

    private static BigDecimal amount(Column column, long line, AmountText money, char decimal) {
        // Exact at the text's own decimal places (10.50 stays 10.50): read at the finest scale, then set back to the
        // digits written after the decimal separator.
        String text = column.value(line);
        long units;
        try {
            units = money.parse(text, line);
        } catch (IllegalArgumentException e) {
            throw column.error(line, text, e.getMessage());
        }
        if (units < 0) {
            throw column.error(line, text, "is negative; a spend is >= 0");
        }
        int separator = text.lastIndexOf(decimal);
        int decimals = 0;
        for (int i = separator + 1; separator >= 0 && i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            decimals++;
        }
        return BigDecimal.valueOf(units, Money.MAX_SCALE).setScale(decimals, java.math.RoundingMode.UNNECESSARY);
    }

    private static SpendKind kind(Column column, long line) {
        String text = column.value(line);
        if (text.isEmpty()) {
            return SpendKind.ACQUISITION;
        }
        try {
            return SpendKind.parse(text);
        } catch (IllegalArgumentException e) {
            throw column.error(line, text, "is not a spend kind: acquisition, retention or other");
        }
    }
}
