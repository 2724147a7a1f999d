package org.loyaltykpi.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Purchases in Spark, partitioned by customer: every customer's whole history sits in one partition, so each
 * partition becomes one core {@link PurchaseTable} and the core scans run on it unchanged ({@link SparkLoyalty}).
 *
 * <p>{@link #from(Dataset, PurchaseColumns, int)} maps a frame's columns as the command line does and applies the
 * core's input rules: a null customer, an unparseable date, a negative amount (a refund is not a purchase) or an
 * amount with more decimal places than the scale fails the job with a {@link PurchaseInputException} naming the
 * column, the value and, for rows read from files, the file. Missing columns and unusable column types fail at once,
 * before any job runs.
 *
 * <pre>{@code
 * Dataset<Row> frame = spark.read().parquet("s3://shop/orders");
 * SparkPurchases purchases = SparkPurchases.from(frame, PurchaseColumns.defaults(), 200);
 * CohortMatrix monthly = SparkLoyalty.cohortMatrix(purchases, Granularity.MONTH);
 * }</pre>
 *
 * <p>The rows are normalized to {@code (customer_id string, epoch_day int, amount_minor long, category string,
 * quantity int)}: amounts in minor units of {@link #amountScale()}, the empty category for none. Lazy: nothing runs
 * until a scan asks for a result. Immutable; use from the driver.
 */
public final class SparkPurchases {
    private static final String FILE_COLUMN = "__loyalty_source_file";

    private final Dataset<Row> rows;
    private final int amountScale;
    private final int partitions;

    private SparkPurchases(Dataset<Row> rows, int amountScale, int partitions) {
        this.rows = rows;
        this.amountScale = amountScale;
        this.partitions = partitions;
    }

    /**
     * Purchases from a frame, hash-partitioned by customer into as many partitions as the session's {@code
     * spark.sql.shuffle.partitions}.
     *
     * @param frame the purchases, one row each
     * @param columns which columns hold what
     * @return the purchases
     * @throws IllegalArgumentException if a column is missing or of a type that cannot hold its field
     */
    public static SparkPurchases from(Dataset<Row> frame, PurchaseColumns columns) {
        return from(frame, columns, frame.sparkSession().sessionState().conf().numShufflePartitions());
    }

    /**
     * Purchases from a frame, hash-partitioned by customer.
     *
     * @param frame the purchases, one row each
     * @param columns which columns hold what
     * @param partitions the number of customer partitions, {@code >= 1}
     * @return the purchases
     * @throws IllegalArgumentException if a column is missing or of a type that cannot hold its field
     */
    public static SparkPurchases from(Dataset<Row> frame, PurchaseColumns columns, int partitions) {
        Objects.requireNonNull(frame, "frame must not be null");
        Objects.requireNonNull(columns, "columns must not be null");
        checkPartitions(partitions);
        Dataset<Row> withFile = frame.withColumn(FILE_COLUMN, functions.input_file_name());
        int fileColumn = withFile.schema().fieldIndex(FILE_COLUMN);
        RowReader reader = new RowReader(withFile.schema(), columns, fileColumn);
        Dataset<Row> normalized = withFile.mapPartitions(
                (MapPartitionsFunction<Row, Row>) in -> new Iterator<Row>() {
                    @Override
                    public boolean hasNext() {
                        return in.hasNext();
                    }

                    @Override
                    public Row next() {
                        return reader.read(in.next());
                    }
                },
                Encoders.row(RowReader.SCHEMA));
        return new SparkPurchases(
                normalized.repartition(partitions, col("customer_id")), columns.amountScale(), partitions);
    }

    /**
     * The purchases of a core table, distributed over a session (for tests, examples and moving one machine's data
     * into a cluster job).
     *
     * @param spark the session
     * @param table the purchases
     * @param partitions the number of customer partitions, {@code >= 1}
     * @return the purchases
     */
    public static SparkPurchases of(SparkSession spark, PurchaseTable table, int partitions) {
        checkPartitions(partitions);
        List<Row> out = new ArrayList<>(table.size());
        for (int row = 0; row < table.size(); row++) {
            out.add(RowFactory.create(
                    table.customer(table.customerIndex(row)).value(),
                    table.epochDay(row),
                    table.amountMinorUnits(row),
                    table.category(row).orElse(""),
                    table.quantity(row)));
        }
        Dataset<Row> rows = spark.createDataFrame(out, RowReader.SCHEMA);
        return new SparkPurchases(rows.repartition(partitions, col("customer_id")), table.amountScale(), partitions);
    }

    private static void checkPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
    }

    /**
     * The normalized rows, partitioned by customer.
     *
     * @return {@code customer_id, epoch_day, amount_minor, category, quantity}
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
        return amountScale;
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
     * The same purchases in another number of customer partitions.
     *
     * @param count the number of partitions, {@code >= 1}
     * @return the repartitioned purchases
     */
    public SparkPurchases repartition(int count) {
        checkPartitions(count);
        return new SparkPurchases(rows.repartition(count, col("customer_id")), amountScale, count);
    }

    /**
     * Keeps the normalized rows in memory (spilling to disk) once a scan has computed them, so that several scans read
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

    /** The core table of one partition's rows (every customer of the partition with its whole history). */
    static PurchaseTable table(Iterator<Row> rows, int amountScale) {
        PurchaseTable.Builder builder = PurchaseTable.builder(amountScale);
        while (rows.hasNext()) {
            Row r = rows.next();
            builder.add(r.getString(0), r.getInt(1), r.getLong(2), r.getString(3), r.getInt(4));
        }
        return builder.build();
    }

    /** For example {@code SparkPurchases[8 customer partitions, amount scale 2]}. */
    @Override
    public String toString() {
        return "SparkPurchases[" + partitions + " customer partitions, amount scale " + amountScale + "]";
    }
}
