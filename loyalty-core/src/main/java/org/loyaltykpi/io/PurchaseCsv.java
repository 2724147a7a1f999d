package org.loyaltykpi.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Reads purchases from CSV into a {@link PurchaseTable}, and writes a table back as CSV.
 *
 * <p>Reading streams the file through a fixed buffer; no line or file is held as a whole beyond the current record.
 * Every row becomes a purchase or an error: a row that cannot be read throws a {@link CsvFormatException} naming the
 * file, the line, the column and the value; nothing is skipped silently. Blank lines hold no row and are passed
 * over. An empty file, or one with only a header line, gives the empty table. {@code readSkippingBadRows} is the
 * lenient variant: it skips up to a given number of bad rows and returns their errors beside the table
 * ({@link CsvRead}).
 *
 * <pre>{@code
 * PurchaseTable cdnow = PurchaseCsv.read(Path.of("CDNOW_master.txt"), CsvOptions.defaults()
 *         .withDelimiter(Delimiter.WHITESPACE)
 *         .withDatePattern("yyyyMMdd")
 *         .withAmountColumn(ColumnRef.named("dollar_value")));
 * cdnow.size();            // 69659
 * cdnow.customerCount();   // 23570
 * }</pre>
 *
 * <p>The written format is the default format of {@link CsvOptions#defaults()}: {@code
 * customer_id,date,amount,category,quantity} with ISO dates, so {@code read(write(table)) equals table}.
 */
public final class PurchaseCsv {

    private PurchaseCsv() {}

    /**
     * Reads a purchase file (UTF-8).
     *
     * @param file the file
     * @param options how to read it
     * @return the purchases
     * @throws CsvFormatException naming file, line, column and value of the first bad row
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PurchaseTable read(Path file, CsvOptions options) {
        return load(file, options).table();
    }

    /**
     * Reads a purchase file (UTF-8) with what the load did to it: rows read, orders, rows skipped per reason,
     * statuses excluded, refunds netted (see {@link LoadSummary}).
     *
     * <pre>{@code
     * PurchaseLoad load = PurchaseCsv.load(Path.of("orders_export.csv"), PurchasePreset.SHOPIFY.csvOptions());
     * load.summary();   // "7 rows: 6 order lines in 3 orders; 1 row of status 'voided' excluded (first line 8)"
     * }</pre>
     *
     * @param file the file
     * @param options how to read it
     * @return the purchases and the summary
     * @throws CsvFormatException naming file, line, column and value of the first bad row
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PurchaseLoad load(Path file, CsvOptions options) {
        return load(file, options, BadRows.strict());
    }

    /**
     * Reads a purchase file (UTF-8), skipping up to {@code maxBadRows} rows that cannot be read; they are counted
     * per reason in the summary, with the first line of each.
     *
     * @param file the file
     * @param options how to read it
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the purchases and the summary
     * @throws CsvFormatException naming the first bad row past the allowed number, or an error of the file's
     *     structure
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PurchaseLoad load(Path file, CsvOptions options, long maxBadRows) {
        return load(file, options, BadRows.upTo(maxBadRows));
    }

    /**
     * As {@link #load(Path, CsvOptions, long)}, telling {@code progress} how many rows are read.
     *
     * @param file the file
     * @param options how to read it
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @param progress takes the number of rows read so far
     * @return the purchases and the summary
     * @throws CsvFormatException naming the first bad row past the allowed number, or an error of the file's
     *     structure
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PurchaseLoad load(Path file, CsvOptions options, long maxBadRows, LongConsumer progress) {
        PurchaseLoad load = load(file, options, BadRows.upTo(maxBadRows));
        progress.accept(load.summary().rows());
        return load;
    }

    /**
     * Reads a purchase file (UTF-8), skipping up to {@code maxBadRows} rows that cannot be read and recording them
     * (see {@link CsvRead}).
     *
     * @param file the file
     * @param options how to read it
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the purchases of the good rows and the record of the skipped ones
     * @throws CsvFormatException naming the first bad row past the allowed number, or an error of the file's
     *     structure
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CsvRead<PurchaseTable> readSkippingBadRows(Path file, CsvOptions options, long maxBadRows) {
        BadRows badRows = BadRows.upTo(maxBadRows);
        return badRows.result(load(file, options, badRows).table());
    }

    private static PurchaseLoad load(Path file, CsvOptions options, BadRows badRows) {
        InputFiles.check(file);
        try {
            // Files of plain rows parse in parallel straight from bytes; anything else (quotes, a bad row, an odd
            // encoding) is read again by the general reader, which gives the exact error or skips the row.
            Optional<PurchaseLoad> fast = ParallelCsvLoader.load(file, options);
            if (fast.isPresent()) {
                return fast.get();
            }
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
        try (Reader in = InputFiles.open(file)) {
            return load(in, file.toString(), options, badRows);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    /**
     * Reads purchases from a character stream.
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages, for example the file name
     * @param options how to read it
     * @return the purchases
     * @throws CsvFormatException naming source, line, column and value of the first bad row
     * @throws UncheckedIOException if reading fails
     */
    public static PurchaseTable read(Reader in, String sourceName, CsvOptions options) {
        return load(in, sourceName, options, BadRows.strict()).table();
    }

    /**
     * Reads purchases from a character stream with what the load did to them (see {@link LoadSummary}).
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages, for example the file name
     * @param options how to read it
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the purchases and the summary
     * @throws CsvFormatException naming the first bad row past the allowed number, or an error of the input's
     *     structure
     * @throws UncheckedIOException if reading fails
     */
    public static PurchaseLoad load(Reader in, String sourceName, CsvOptions options, long maxBadRows) {
        return load(in, sourceName, options, BadRows.upTo(maxBadRows));
    }

    /**
     * Reads purchases from a character stream, skipping up to {@code maxBadRows} rows that cannot be read and
     * recording them (see {@link CsvRead}).
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages, for example the file name
     * @param options how to read it
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the purchases of the good rows and the record of the skipped ones
     * @throws CsvFormatException naming the first bad row past the allowed number, or an error of the input's
     *     structure
     * @throws UncheckedIOException if reading fails
     */
    public static CsvRead<PurchaseTable> readSkippingBadRows(
            Reader in, String sourceName, CsvOptions options, long maxBadRows) {
        BadRows badRows = BadRows.upTo(maxBadRows);
        return badRows.result(load(in, sourceName, options, badRows).table());
    }

    private static PurchaseLoad load(Reader in, String sourceName, CsvOptions options, BadRows badRows) {
        try {
            return new Loader(in, sourceName, options, badRows).load();
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a table as CSV: {@code customer_id,date,amount,category,quantity}, ISO dates, {@code .} decimals.
     *
     * @param table the purchases
     * @param file the file to create or replace
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(PurchaseTable table, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(table, out);
        } catch (IOException e) {
            throw InputFiles.cannotWrite(file, e);
        }
    }

    /**
     * Writes a table as CSV to a character stream.
     *
     * @param table the purchases
     * @param out where to write; flushed, not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(PurchaseTable table, Writer out) {
        try {
            Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            w.write(String.join(
                    ",",
                    CsvOptions.CUSTOMER,
                    CsvOptions.DATE,
                    CsvOptions.AMOUNT,
                    CsvOptions.CATEGORY,
                    CsvOptions.QUANTITY));
            w.write('\n');
            for (int c = 0; c < table.customerCount(); c++) {
                String customer = CsvColumns.quote(table.customer(c).value()); // rows come by customer: once each
                for (int row = table.firstRow(c); row < table.endRow(c); row++) {
                    w.write(customer);
                    w.write(',');
                    w.write(LocalDate.ofEpochDay(table.epochDay(row)).toString());
                    w.write(',');
                    w.write(table.amount(row).toPlainString());
                    w.write(',');
                    w.write(CsvColumns.quote(table.category(row).orElse("")));
                    w.write(',');
                    w.write(Integer.toString(table.quantity(row)));
                    w.write('\n');
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write purchases: " + e.getMessage(), e);
        }
    }

    /**
     * A CSV field as written by this class: quoted per RFC 4180 when it holds a comma, a quote, a line break or
     * leading / trailing blanks, as is otherwise.
     *
     * @param field the field
     * @return the field, quoted if needed
     */
    public static String quote(String field) {
        return CsvColumns.quote(field);
    }

    /** One read of one input. */
    private static final class Loader {
        private final CsvRecordReader records;
        private final String source;
        private final CsvOptions options;
        private final List<String> fields = CsvRecordReader.newFieldList();
        private final BadRows badRows;

        Loader(Reader in, String source, CsvOptions options, BadRows badRows) {
            this.badRows = badRows;
            this.records = new CsvRecordReader(in, source, options.delimiter());
            this.source = source;
            this.options = options;
        }

        PurchaseLoad load() throws IOException {
            Optional<CsvColumns> started = CsvColumns.start(records, fields, source, options.header());
            if (started.isEmpty()) {
                return new PurchaseLoad(
                        PurchaseTable.builder(options.amountScale()).build(), LoadSummary.ofPurchases(0));
            }
            PurchaseRows rows = PurchaseRows.of(source, options, started.get());
            PurchaseAssembler assembler = rows.assembler();
            while (records.next(fields)) {
                try {
                    rows.add(records.recordLine(), assembler);
                } catch (CsvFormatException e) {
                    badRows.skip(e);
                    assembler.badRow(e);
                }
            }
            return assembler.finish();
        }
    }
}
