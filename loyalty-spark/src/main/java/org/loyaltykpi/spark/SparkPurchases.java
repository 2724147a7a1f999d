package org.loyaltykpi.spark;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvFormatException;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.LoadSummary;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.PurchaseLoad;
import org.loyaltykpi.io.PurchaseRowLoader;
import org.loyaltykpi.io.PurchaseRules;

/**
 * Purchases in Spark, partitioned by customer: every customer's whole history (every row of each of its orders) sits
 * in one partition, in input order, so each partition becomes one core {@link PurchaseTable} and the core scans run
 * on it unchanged ({@link SparkLoyalty}).
 *
 * <p>{@link #from(Dataset, CsvOptions, int)} reads a frame with the command line's {@link CsvOptions} and {@link
 * PurchaseRules} through the core's own row pipeline ({@link PurchaseRowLoader}, the one {@link PurchaseCsv} uses):
 * order lines summed into orders, quantity x unit price, refunded amounts, statuses included or excluded, refunds
 * netted, excluded or refused, rows without a customer skipped or refused, date-times to dates in the time zone. A
 * row the rules refuse fails the job with the core's {@link CsvFormatException}, naming the file (when Spark knows
 * it), the row, the column and the value; {@link #loadSummary()} counts what was grouped, skipped, excluded and
 * netted, equal to the one-machine {@link LoadSummary}. A missing column fails at once, before any job runs.
 *
 * <pre>{@code
 * Dataset<Row> frame = spark.read().parquet("s3://shop/order-lines");
 * CsvOptions options = CsvOptions.defaults().withRules(PurchaseRules.defaults()
 *         .withOrderColumn(ColumnRef.named("order_id")).withMissingCustomer(PurchaseRules.MissingCustomer.SKIP));
 * SparkPurchases purchases = SparkPurchases.from(frame, options, 200);
 * CohortMatrix monthly = SparkLoyalty.cohortMatrix(purchases, Granularity.MONTH);
 * LoadSummary summary = purchases.loadSummary();   // "28,492 rows: 18,103 order lines in 1,071 orders; ..."
 * }</pre>
 *
 * <p>Column values are read as the JDBC reader reads typed columns: strings as written; a {@code date} as ISO text
 * (the options' date pattern is then ISO); a {@code timestamp} as the instant in UTC (its date in the options' time
 * zone, UTC without one); a {@code timestamp_ntz} as the date-time written; numbers as plain digits; a null as an
 * empty field. Rows are numbered per file from 1 (from the frame's first row when it has no files), as {@code file:
 * row 7:} in errors; {@link #fromCsvFiles} numbers them as lines of CSV files with a header line.
 *
 * <p>Building one numbers the rows (one job over the input); the rest is lazy: nothing more runs until a scan asks
 * for a result. Immutable; use from the driver.
 */
public final class SparkPurchases {
    private static final String FILE_COLUMN = "__loyalty_source_file";

    /** The rows after numbering: the customer as written, the global order, the file, the line, the used values. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("customer", DataTypes.StringType, false),
        DataTypes.createStructField("seq", DataTypes.LongType, false),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("line", DataTypes.LongType, false),
        DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.StringType, false), false)
    });

    private final Dataset<Row> rows;
    private final InputSpec spec;
    private final int partitions;
    /** What the load did, once a job has computed it (the same for every partitioning of the same rows). */
    private final AtomicReference<LoadState> loaded;

    private SparkPurchases(Dataset<Row> rows, InputSpec spec, int partitions) {
        this(rows, spec, partitions, new AtomicReference<>());
    }

    private SparkPurchases(Dataset<Row> rows, InputSpec spec, int partitions, AtomicReference<LoadState> loaded) {
        this.rows = rows;
        this.spec = spec;
        this.partitions = partitions;
        this.loaded = loaded;
    }

    /**
     * Purchases from a frame, hash-partitioned by customer into as many partitions as the session's {@code
     * spark.sql.shuffle.partitions}.
     *
     * @param frame the purchase rows (order lines, payments, ...)
     * @param options the column choice and the rules, as the command line builds them
     * @return the purchases
     * @throws IllegalArgumentException if a column is missing or of a type that cannot hold a field
     */
    public static SparkPurchases from(Dataset<Row> frame, CsvOptions options) {
        return from(frame, options, frame.sparkSession().sessionState().conf().numShufflePartitions());
    }

    /**
     * Purchases from a frame, hash-partitioned by customer; rows named {@code file: row N} in errors.
     *
     * @param frame the purchase rows
     * @param options the column choice and the rules
     * @param partitions the number of customer partitions, {@code >= 1}
     * @return the purchases
     * @throws IllegalArgumentException if a column is missing or of a type that cannot hold a field
     */
    public static SparkPurchases from(Dataset<Row> frame, CsvOptions options, int partitions) {
        return load(frame, options, partitions, false);
    }

    /**
     * Purchases from a frame that Spark's CSV reader read from files, rows named {@code file:LINE} in errors and in
     * the load summary as {@link PurchaseCsv} names them: the file's first record is line 2 with a header ({@link
     * CsvOptions#header()}), 1 without. Lines count records: a file with blank lines or quoted line breaks is
     * numbered by record.
     *
     * @param frame the rows, as {@code spark.read().option("header", true).csv(path)} gives them
     * @param options the column choice and the rules
     * @param partitions the number of customer partitions, {@code >= 1}
     * @return the purchases
     * @throws IllegalArgumentException if a column is missing or of a type that cannot hold a field
     */
    public static SparkPurchases fromCsvFiles(Dataset<Row> frame, CsvOptions options, int partitions) {
        return load(frame, options, partitions, true);
    }

    private static SparkPurchases load(Dataset<Row> frame, CsvOptions options, int partitions, boolean lines) {
        Objects.requireNonNull(frame, "frame must not be null");
        Objects.requireNonNull(options, "options must not be null");
        checkPartitions(partitions);
        List<String> header = Arrays.asList(frame.columns());
        PurchaseRowLoader probe = PurchaseRowLoader.of("input", options, header);
        StructField[] fields = frame.schema().fields();
        DataType dateType = fields[probe.dateColumn()].dataType();
        boolean typedDate = dateType.equals(DataTypes.DateType)
                || dateType.equals(DataTypes.TimestampType)
                || dateType.equals(DataTypes.TimestampNTZType);
        // As the JDBC reader does: a typed date column is written as ISO text, which the ISO pattern reads.
        CsvOptions effective = typedDate ? options.withDatePattern(CsvOptions.ISO_DATE) : options;
        InputSpec spec = InputSpec.of("input", effective, header, lines);
        int[] used = probe.usedColumns();
        List<Column> selected = new ArrayList<>();
        for (int c : used) {
            DataType type = fields[c].dataType();
            if (!(type instanceof AtomicType)) {
                throw new IllegalArgumentException("column '" + fields[c].name() + "' (#" + (c + 1)
                        + ") must hold a string, a number, a date or a timestamp: it is " + type.simpleString());
            }
            selected.add(frame.col(quoted(fields[c].name())));
        }
        selected.add(functions.input_file_name().as(FILE_COLUMN));
        JavaRDD<Row> input = frame.select(selected.toArray(Column[]::new)).javaRDD();
        int file = used.length;
        int customerPosition = indexOf(used, probe.customerColumn());
        boolean[] money = new boolean[used.length];
        for (int c : probe.moneyColumns()) {
            money[indexOf(used, c)] = true;
        }
        int scale = options.amountScale();
        char decimal = options.decimalSeparator();

        // One job counts the rows of each file in each partition, so that rows are numbered per file in input order.
        List<Object[]> counted = Jobs.run(() -> input.mapPartitionsWithIndex(
                        (p, it) -> {
                            List<Object[]> out = new ArrayList<>();
                            String current = null;
                            long n = 0;
                            while (it.hasNext()) {
                                String f = fileOf(it.next(), file);
                                if (!f.equals(current)) {
                                    if (current != null) {
                                        out.add(new Object[] {p, current, n});
                                    }
                                    current = f;
                                    n = 0;
                                }
                                n++;
                            }
                            if (current != null) {
                                out.add(new Object[] {p, current, n});
                            }
                            return out.iterator();
                        },
                        true)
                .collect());
        long offset = lines && options.header() ? 1 : 0;
        Map<Integer, List<Object[]>> runs = new HashMap<>();
        Map<Integer, Long> partitionStart = new HashMap<>();
        Map<String, Long> perFile = new HashMap<>();
        long seq = 0;
        for (Object[] run : counted) {
            int p = (Integer) run[0];
            String f = (String) run[1];
            long n = (Long) run[2];
            partitionStart.putIfAbsent(p, seq);
            long before = perFile.getOrDefault(f, 0L);
            runs.computeIfAbsent(p, k -> new ArrayList<>()).add(new Object[] {f, n, before + 1 + offset});
            perFile.put(f, before + n);
            seq += n;
        }
        Broadcast<Map<Integer, List<Object[]>>> sharedRuns = JavaSparkContext.fromSparkContext(
                        frame.sparkSession().sparkContext())
                .broadcast(runs);
        Broadcast<Map<Integer, Long>> sharedStarts = JavaSparkContext.fromSparkContext(
                        frame.sparkSession().sparkContext())
                .broadcast(partitionStart);
        JavaRDD<Row> numbered = input.mapPartitionsWithIndex(
                (p, it) -> {
                    List<Object[]> partRuns = sharedRuns.value().getOrDefault(p, List.of());
                    long start = sharedStarts.value().getOrDefault(p, 0L);
                    return new Iterator<Row>() {
                        private int run;
                        private long inRun;
                        private long k;

                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Row next() {
                            Row r = it.next();
                            while (inRun == (Long) partRuns.get(run)[1]) {
                                run++;
                                inRun = 0;
                            }
                            Object[] current = partRuns.get(run);
                            long line = (Long) current[2] + inRun;
                            inRun++;
                            String[] values = new String[file];
                            for (int i = 0; i < file; i++) {
                                values[i] = text(r.get(i), money[i], scale, decimal);
                            }
                            return RowFactory.create(values[customerPosition], start + k++, current[0], line, values);
                        }
                    };
                },
                true);
        Dataset<Row> rows = frame.sparkSession()
                .createDataFrame(numbered, SCHEMA)
                .repartition(partitions, col("customer"))
                .sortWithinPartitions("seq");
        return new SparkPurchases(rows, spec, partitions);
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("column " + value + " is not among the used columns");
    }

    private static String fileOf(Row row, int index) {
        return row.isNullAt(index) ? "" : row.getString(index);
    }

    /** A column value as the row pipeline reads it, as the JDBC reader writes typed values; {@code ""} for null. */
    static String text(Object value, boolean money, int scale, char decimal) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate().toString();
        }
        if (value instanceof Instant) {
            return ((Instant) value).atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof LocalDateTime) {
            return value.toString();
        }
        BigDecimal number;
        if (value instanceof BigDecimal) {
            number = (BigDecimal) value;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return value.toString();
            }
            number = new BigDecimal(value.toString());
        } else if (value instanceof Number) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            return value.toString();
        }
        if (number.scale() > (money ? scale : 0)) {
            number = number.stripTrailingZeros();
        }
        String plain = number.toPlainString();
        return decimal == '.' ? plain : plain.replace('.', decimal);
    }

    /**
     * The purchases of a core table, distributed over a session (for tests, examples and moving one machine's data
     * into a cluster job): its rows as {@code customer_id, date, amount, category, quantity} and its refunds as rows
     * of negative amount, read with the default options. An order of several categories keeps its first.
     *
     * @param spark the session
     * @param table the purchases
     * @param partitions the number of customer partitions, {@code >= 1}
     * @return the purchases
     * @throws IllegalArgumentException if a refund's customer has no purchase in the table (its id is not kept)
     */
    public static SparkPurchases of(SparkSession spark, PurchaseTable table, int partitions) {
        checkPartitions(partitions);
        List<String> header = List.of(
                CsvOptions.CUSTOMER, CsvOptions.DATE, CsvOptions.AMOUNT, CsvOptions.CATEGORY, CsvOptions.QUANTITY);
        CsvOptions options = CsvOptions.defaults().withAmountScale(table.amountScale());
        InputSpec spec = InputSpec.of("table", options, header, false);
        int[] used = PurchaseRowLoader.of("table", options, header).usedColumns();
        List<Row> out = new ArrayList<>(table.size() + table.refundCount());
        long line = 0;
        for (int c = 0; c < table.customerCount(); c++) {
            String id = table.customer(c).value(); // rows come by customer: each id made once
            for (int row = table.firstRow(c); row < table.endRow(c); row++) {
                String[] fields = {
                    id,
                    LocalDate.ofEpochDay(table.epochDay(row)).toString(),
                    table.amount(row).toPlainString(),
                    table.category(row).orElse(""),
                    Integer.toString(table.quantity(row))
                };
                line++;
                out.add(RowFactory.create(id, line - 1, "", line, pick(fields, used)));
            }
        }
        for (int r = 0; r < table.refundCount(); r++) {
            int c = table.refundCustomerIndex(r);
            if (c < 0) {
                throw new IllegalArgumentException("refund " + r + " is of a customer without purchases in the table,"
                        + " whose id the table does not keep; read the purchases from a frame instead");
            }
            String id = table.customer(c).value();
            String[] fields = {
                id,
                LocalDate.ofEpochDay(table.refundEpochDay(r)).toString(),
                BigDecimal.valueOf(table.refundMinorUnits(r), table.amountScale())
                        .toPlainString(),
                "",
                "1"
            };
            line++;
            out.add(RowFactory.create(id, line - 1, "", line, pick(fields, used)));
        }
        Dataset<Row> rows = spark.createDataFrame(out, SCHEMA)
                .repartition(partitions, col("customer"))
                .sortWithinPartitions("seq");
        return new SparkPurchases(rows, spec, partitions);
    }

    private static String[] pick(String[] fields, int[] used) {
        String[] values = new String[used.length];
        for (int i = 0; i < used.length; i++) {
            values[i] = fields[used[i]];
        }
        return values;
    }

    private static void checkPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
    }

    /**
     * The numbered input rows, partitioned by customer and in input order within each partition.
     *
     * @return {@code customer, seq, source, line, values} (the texts of the used columns)
     */
    public Dataset<Row> rows() {
        return rows;
    }

    /**
     * Decimal places of the amounts' minor unit.
     *
     * @return 0..9
     */
    public int amountScale() {
        return spec.amountScale();
    }

    /**
     * The number of customer partitions.
     *
     * @return {@code >= 1}
     */
    public int partitions() {
        return partitions;
    }

    /**
     * What the load did to its input, merged over the partitions with {@link LoadSummary#plus}: equal to the
     * summary of {@link PurchaseCsv#load} on the same rows with the same options. Runs a job.
     *
     * @return rows read, order lines, purchases, rows skipped per reason, excluded per status, refunds
     * @throws CsvFormatException naming the file, row, column and value of a row the rules refuse
     */
    public LoadSummary loadSummary() {
        return loadState().summary();
    }

    /** The merged load summary and last purchase day, computed by one job the first time. */
    LoadState loadState() {
        LoadState state = loaded.get();
        if (state == null) {
            InputSpec s = spec;
            state = Jobs.run(() -> rows.javaRDD()
                    .mapPartitions(it ->
                            Collections.singletonList(LoadState.of(load(it, s))).iterator())
                    .treeReduce(LoadState::plus));
            loaded.compareAndSet(null, state);
        }
        return state;
    }

    /**
     * The same purchases in another number of customer partitions.
     *
     * @param count the number of partitions, {@code >= 1}
     * @return the repartitioned purchases
     */
    public SparkPurchases repartition(int count) {
        checkPartitions(count);
        return new SparkPurchases(rows.repartition(count, col("customer")).sortWithinPartitions("seq"), spec, count);
    }

    /**
     * Keeps the numbered rows in memory (spilling to disk) once a scan has computed them, so that several scans read
     * the input once; {@link #unpersist()} frees them.
     *
     * @return this
     */
    public SparkPurchases persist() {
        rows.persist(StorageLevel.MEMORY_AND_DISK());
        return this;
    }

    /**
     * Frees the rows {@link #persist()} kept.
     *
     * @return this
     */
    public SparkPurchases unpersist() {
        rows.unpersist();
        return this;
    }

    InputSpec spec() {
        return spec;
    }

    /** One partition's rows through the core's row pipeline: its table and summary. */
    static PurchaseLoad load(Iterator<Row> rows, InputSpec spec) {
        PurchaseRowLoader loader = spec.loader();
        while (rows.hasNext()) {
            Row r = rows.next();
            List<String> values = r.getList(4);
            loader.add(r.getString(2), r.getLong(3), values.toArray(String[]::new));
        }
        return loader.finish();
    }

    /** The core table of one partition's rows (every customer of the partition with its whole history). */
    static PurchaseTable table(Iterator<Row> rows, InputSpec spec) {
        return load(rows, spec).table();
    }

    /** For example {@code SparkPurchases[8 customer partitions, amount scale 2]}. */
    @Override
    public String toString() {
        return "SparkPurchases[" + partitions + " customer partitions, amount scale " + amountScale() + "]";
    }
}
