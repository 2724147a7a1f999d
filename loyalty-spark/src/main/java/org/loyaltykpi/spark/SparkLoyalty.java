package org.loyaltykpi.spark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydCustomer;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.BtydSummaryAccumulator;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.ParetoNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.LifecycleStage;
import org.loyaltykpi.segment.RfmScore;
import org.loyaltykpi.segment.RfmScores;
import org.loyaltykpi.segment.RfmSegment;
import org.loyaltykpi.segment.SegmentCalculator;
import org.loyaltykpi.segment.SegmentDistribution;

/**
 * The core's purchase metrics on Spark, with no formula of their own: each customer partition of {@link
 * SparkPurchases} becomes a core {@link PurchaseTable}, the core scan runs on it, and the partial results merge by a
 * tree reduce with the core's own merge ({@link CohortMatrix#plus}, {@link PurchaseBehaviour#plus}, {@link
 * SegmentDistribution#plus}, {@link BtydSummaryAccumulator#merge}). Customer partitions are disjoint and hold whole
 * histories, so the merged result is the very value a one-machine run gives on the same purchases, whatever the
 * number of partitions and the order of the rows.
 *
 * <p>The BTYD models fit on the driver: the executors count the customers per distinct {@code (x, t_x, T)} row
 * ({@link #collapsedSummary}), a few thousand rows whatever the number of customers, and the core models fit those
 * weighted rows ({@link BtydSummary#weighted}); per-customer predictions then run on the executors with the fitted
 * parameters broadcast ({@link #predictions}).
 *
 * <pre>{@code
 * SparkPurchases purchases = SparkPurchases.from(frame, CsvOptions.defaults(), 64);
 * CohortMatrix monthly = SparkLoyalty.cohortMatrix(purchases, Granularity.MONTH);
 * Dataset<Row> summary = SparkLoyalty.btydSummaryRows(purchases, LocalDate.parse("1997-09-30"),
 *         Optional.empty(), TimeScale.WEEKS);
 * TransactionModel bgNbd = SparkLoyalty.fit("bg-nbd", SparkLoyalty.collapsedSummary(summary, TimeScale.WEEKS),
 *         FitOptions.defaults());
 * Dataset<Row> predictions = SparkLoyalty.predictions(summary, bgNbd, 52);
 * }</pre>
 *
 * <p>Stateless; call from the driver.
 */
public final class SparkLoyalty {
    /** The per-customer BTYD summary's columns, as {@code loyalty rfm} writes them. */
    static final StructType SUMMARY_SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
        DataTypes.createStructField("frequency", DataTypes.IntegerType, false),
        DataTypes.createStructField("recency", DataTypes.DoubleType, false),
        DataTypes.createStructField("T", DataTypes.DoubleType, false),
        DataTypes.createStructField("monetary_value", DataTypes.DoubleType, false)
    });

    static final StructType SUMMARY_HOLDOUT_SCHEMA = SUMMARY_SCHEMA
            .add("frequency_holdout", DataTypes.IntegerType, false)
            .add("monetary_value_holdout", DataTypes.DoubleType, false)
            .add("duration_holdout", DataTypes.DoubleType, false);

    /** The predictions' columns, as {@code loyalty clv predict} writes them without a spend model. */
    static final StructType PREDICTION_SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
        DataTypes.createStructField("p_alive", DataTypes.DoubleType, false),
        DataTypes.createStructField("expected_purchases", DataTypes.DoubleType, false)
    });

    /** The predictions' columns with spend, as {@code loyalty clv predict} writes them. */
    static final StructType SPEND_PREDICTION_SCHEMA = PREDICTION_SCHEMA
            .add("expected_spend", DataTypes.DoubleType, false)
            .add("clv", DataTypes.DoubleType, false);

    private SparkLoyalty() {}

    /**
     * The acquisition-cohort matrix, as {@link CohortCalculator#matrix(PurchaseTable, Granularity)} gives it.
     *
     * @param purchases the purchases
     * @param granularity the period length
     * @return the matrix of all customers
     * @throws org.loyaltykpi.io.CsvFormatException naming the file, row, column and value of a row the input rules
     *     refuse
     */
    public static CohortMatrix cohortMatrix(SparkPurchases purchases, Granularity granularity) {
        return cohortMatrix(purchases, granularity, List.of());
    }

    /**
     * The acquisition-cohort matrix with bracketed retention.
     *
     * @param purchases the purchases
     * @param granularity the period length
     * @param brackets offset ranges, as for {@link CohortCalculator#matrix(PurchaseTable, Granularity, List)}
     * @return the matrix of all customers
     * @throws org.loyaltykpi.io.CsvFormatException naming the file, row, column and value of a row the input rules
     *     refuse
     */
    public static CohortMatrix cohortMatrix(
            SparkPurchases purchases, Granularity granularity, List<OffsetBracket> brackets) {
        Objects.requireNonNull(granularity, "granularity must not be null");
        List<OffsetBracket> copy = List.copyOf(brackets);
        InputSpec spec = purchases.spec();
        // Every partition is observed until the last purchase day of all, so that refunds fall in the same periods.
        OptionalInt last = purchases.loadState().lastDay();
        if (last.isEmpty()) {
            return CohortCalculator.matrix(
                    PurchaseTable.builder(purchases.amountScale()).build(), granularity, copy);
        }
        LocalDate until = LocalDate.ofEpochDay(last.getAsInt());
        return Jobs.run(() -> purchases
                .rows()
                .javaRDD()
                .mapPartitions(rows -> Collections.singletonList(
                                CohortCalculator.matrix(SparkPurchases.table(rows, spec), granularity, copy, until))
                        .iterator())
                .treeReduce(CohortMatrix::plus));
    }

    /**
     * The purchase behaviour in every period of a range, each against the one before, as {@link
     * RetentionCalculator#series(PurchaseTable, DateRange, Granularity)} gives it.
     *
     * @param purchases the purchases, the whole history
     * @param range the range; periods are whole
     * @param granularity the period length
     * @return one behaviour per period, in order
     * @throws org.loyaltykpi.io.CsvFormatException naming the file, row, column and value of a row the input rules
     *     refuse
     */
    public static List<PurchaseBehaviour> behaviourSeries(
            SparkPurchases purchases, DateRange range, Granularity granularity) {
        Objects.requireNonNull(range, "range must not be null");
        Objects.requireNonNull(granularity, "granularity must not be null");
        int scale = purchases.amountScale();
        InputSpec spec = purchases.spec();
        // DateRange is not serializable: the closure carries its two days.
        LocalDate start = range.start();
        LocalDate end = range.endExclusive();
        List<BehaviourState> merged = Jobs.run(() -> purchases
                .rows()
                .javaRDD()
                .mapPartitions(rows -> {
                    ArrayList<BehaviourState> states = new ArrayList<>();
                    for (PurchaseBehaviour b : RetentionCalculator.series(
                            SparkPurchases.table(rows, spec), DateRange.of(start, end), granularity)) {
                        states.add(BehaviourState.of(b));
                    }
                    return Collections.singletonList(states).iterator();
                })
                .treeReduce(SparkLoyalty::plus));
        List<PurchaseBehaviour> out = new ArrayList<>(merged.size());
        merged.forEach(s -> out.add(s.behaviour()));
        return List.copyOf(out);
    }

    private static ArrayList<BehaviourState> plus(ArrayList<BehaviourState> a, ArrayList<BehaviourState> b) {
        ArrayList<BehaviourState> sum = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            sum.add(BehaviourState.of(a.get(i).behaviour().plus(b.get(i).behaviour())));
        }
        return sum;
    }

    /**
     * The distribution of lifecycle stages from purchases alone (no survey answers or reviews, so no prospects), as
     * {@code SegmentCalculator.lifecycle(table, List.of(), List.of(), asOf, options).distribution()} gives it.
     *
     * @param purchases the purchases
     * @param asOf the day of the classification (exclusive)
     * @param options the thresholds
     * @return customers and spend per stage
     * @throws org.loyaltykpi.io.CsvFormatException naming the file, row, column and value of a row the input rules
     *     refuse
     */
    public static SegmentDistribution<LifecycleStage> lifecycleDistribution(
            SparkPurchases purchases, LocalDate asOf, LifecycleOptions options) {
        Objects.requireNonNull(asOf, "asOf must not be null");
        int scale = purchases.amountScale();
        InputSpec spec = purchases.spec();
        int[] o = {
            options.atRiskDays(),
            options.lapsedDays(),
            options.periodDays(),
            options.loyalPeriods(),
            options.lookbackPeriods()
        };
        long[][] merged = Jobs.run(() -> purchases
                .rows()
                .javaRDD()
                .mapPartitions(rows -> {
                    SegmentDistribution<LifecycleStage> d = SegmentCalculator.lifecycle(
                                    SparkPurchases.table(rows, spec),
                                    List.of(),
                                    List.of(),
                                    asOf,
                                    new LifecycleOptions(o[0], o[1], o[2], o[3], o[4]))
                            .distribution();
                    return Collections.singletonList(new long[][] {d.counts(), d.revenueMinorUnits()})
                            .iterator();
                })
                .treeReduce((a, b) -> {
                    SegmentDistribution<LifecycleStage> sum = SegmentDistribution.of(
                                    LifecycleStage.class, scale, a[0], a[1])
                            .plus(SegmentDistribution.of(LifecycleStage.class, scale, b[0], b[1]));
                    return new long[][] {sum.counts(), sum.revenueMinorUnits()};
                }));
        return SegmentDistribution.of(LifecycleStage.class, scale, merged[0], merged[1]);
    }

    /** The RFM values of every customer, computed by the core per partition (its scores are partial and unused). */
    static final StructType RFM_VALUES_SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
        DataTypes.createStructField("recency_days", DataTypes.IntegerType, false),
        DataTypes.createStructField("frequency", DataTypes.IntegerType, false),
        DataTypes.createStructField("monetary_minor", DataTypes.LongType, false)
    });

    private static Dataset<Row> rfmValues(SparkPurchases purchases, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf must not be null");
        InputSpec spec = purchases.spec();
        int scale = purchases.amountScale();
        return purchases
                .rows()
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> {
                            RfmScores partial = SegmentCalculator.rfmScores(SparkPurchases.table(rows, spec), asOf);
                            List<Row> out = new ArrayList<>(partial.customers().size());
                            for (RfmScore s : partial.customers()) {
                                out.add(RowFactory.create(
                                        s.customer().value(),
                                        s.recencyDays(),
                                        s.frequency(),
                                        s.monetary().movePointRight(scale).longValueExact()));
                            }
                            return out.iterator();
                        },
                        Encoders.row(RFM_VALUES_SCHEMA));
    }

    /** A customer's core RFM score with the quintiles of all customers. */
    private static RfmScore score(Row values, RfmQuintiles q, int scale) {
        int recency = values.getInt(1);
        int frequency = values.getInt(2);
        long monetary = values.getLong(3);
        return new RfmScore(
                CustomerId.of(values.getString(0)),
                recency,
                frequency,
                BigDecimal.valueOf(monetary, scale),
                q.score(0, -(long) recency),
                q.score(1, frequency),
                q.score(2, monetary));
    }

    /**
     * The RFM segment distribution, as {@code SegmentCalculator.rfmScores(table, asOf).distribution()} gives it on
     * one machine, cell for cell: the core computes each customer's recency, frequency and monetary value on its
     * partition, the exact quintiles of all customers (the core's tie rule, not an approximation) come from a sorted
     * count of the distinct values ({@link RfmQuintiles}), and the scored customers are counted per segment on the
     * executors with the core's collector.
     *
     * @param purchases the purchases
     * @param asOf the day of the scores (exclusive: purchases before it)
     * @return customers and spend per segment; empty when no purchase is before {@code asOf}
     * @throws org.loyaltykpi.io.CsvFormatException naming the file, row, column and value of a row the input rules
     *     refuse
     */
    public static SegmentDistribution<RfmSegment> rfmSegmentDistribution(SparkPurchases purchases, LocalDate asOf) {
        int scale = purchases.amountScale();
        Dataset<Row> values = rfmValues(purchases, asOf).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long n = Jobs.run(values::count);
            if (n == 0) {
                return SegmentDistribution.empty(RfmSegment.class, scale);
            }
            RfmQuintiles q = RfmQuintiles.of(values, n);
            long[][] merged = Jobs.run(() -> values.javaRDD()
                    .mapPartitions(rows -> {
                        List<RfmScore> scores = new ArrayList<>();
                        rows.forEachRemaining(r -> scores.add(score(r, q, scale)));
                        SegmentDistribution<RfmSegment> d =
                                scores.stream().collect(SegmentCalculator.toRfmSegmentDistribution(scale));
                        return Collections.singletonList(new long[][] {d.counts(), d.revenueMinorUnits()})
                                .iterator();
                    })
                    .treeReduce((a, b) -> {
                        SegmentDistribution<RfmSegment> sum = SegmentDistribution.of(
                                        RfmSegment.class, scale, a[0], a[1])
                                .plus(SegmentDistribution.of(RfmSegment.class, scale, b[0], b[1]));
                        return new long[][] {sum.counts(), sum.revenueMinorUnits()};
                    }));
            return SegmentDistribution.of(RfmSegment.class, scale, merged[0], merged[1]);
        } finally {
            values.unpersist();
        }
    }

    /**
     * Every customer's RFM scores and segment as a Dataset computed on the executors, with the exact quintiles of all
     * customers (see {@link #rfmSegmentDistribution}): {@code customer_id, recency_days, frequency, monetary (decimal
     * at the amount scale), recency_score, frequency_score, monetary_score, segment} (the segment's name, such as
     * {@code CHAMPIONS}), as {@code SegmentCalculator.rfmScores} scores them. Runs the jobs that find the quintiles;
     * the scores are lazy.
     *
     * @param purchases the purchases
     * @param asOf the day of the scores (exclusive)
     * @return one row per customer with a purchase before {@code asOf}
     */
    public static Dataset<Row> rfmScoreRows(SparkPurchases purchases, LocalDate asOf) {
        int scale = purchases.amountScale();
        Dataset<Row> values = rfmValues(purchases, asOf).persist(StorageLevel.MEMORY_AND_DISK());
        long n = Jobs.run(values::count);
        RfmQuintiles q = n == 0 ? null : RfmQuintiles.of(values, n);
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("customer_id", DataTypes.StringType, false),
            DataTypes.createStructField("recency_days", DataTypes.IntegerType, false),
            DataTypes.createStructField("frequency", DataTypes.IntegerType, false),
            DataTypes.createStructField("monetary", DataTypes.createDecimalType(38, scale), false),
            DataTypes.createStructField("recency_score", DataTypes.IntegerType, false),
            DataTypes.createStructField("frequency_score", DataTypes.IntegerType, false),
            DataTypes.createStructField("monetary_score", DataTypes.IntegerType, false),
            DataTypes.createStructField("segment", DataTypes.StringType, false)
        });
        return values.map(
                (MapFunction<Row, Row>) r -> {
                    RfmScore s = score(r, q, scale);
                    return RowFactory.create(
                            s.customer().value(),
                            s.recencyDays(),
                            s.frequency(),
                            s.monetary(),
                            s.recencyScore(),
                            s.frequencyScore(),
                            s.monetaryScore(),
                            s.segment().name());
                },
                Encoders.row(schema));
    }

    /**
     * The per-customer BTYD summary as a Dataset computed on the executors: {@code customer_id, frequency, recency, T,
     * monetary_value} (and {@code frequency_holdout, monetary_value_holdout, duration_holdout} with a holdout end),
     * the columns of {@code loyalty rfm}.
     *
     * @param purchases the purchases
     * @param calibrationEnd the last day of the calibration period (inclusive)
     * @param holdoutEnd the last day of the holdout period (inclusive), or empty
     * @param unit the time unit
     * @return one row per customer whose first purchase is on or before the calibration end
     */
    public static Dataset<Row> btydSummaryRows(
            SparkPurchases purchases, LocalDate calibrationEnd, Optional<LocalDate> holdoutEnd, TimeScale unit) {
        accumulator(calibrationEnd, holdoutEnd, unit);
        int scale = purchases.amountScale();
        InputSpec spec = purchases.spec();
        LocalDate holdout = holdoutEnd.orElse(null);
        StructType schema = holdoutEnd.isPresent() ? SUMMARY_HOLDOUT_SCHEMA : SUMMARY_SCHEMA;
        return purchases
                .rows()
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> {
                            BtydSummary s = accumulator(calibrationEnd, Optional.ofNullable(holdout), unit)
                                    .add(SparkPurchases.table(rows, spec))
                                    .snapshot();
                            List<Row> out = new ArrayList<>(s.size());
                            for (int i = 0; i < s.size(); i++) {
                                out.add(
                                        s.hasHoldout()
                                                ? RowFactory.create(
                                                        s.customer(i).value(),
                                                        s.frequency(i),
                                                        s.recency(i),
                                                        s.age(i),
                                                        s.monetaryValue(i),
                                                        s.holdoutFrequency(i),
                                                        s.holdoutMonetaryValue(i),
                                                        s.holdoutDuration().getAsDouble())
                                                : RowFactory.create(
                                                        s.customer(i).value(),
                                                        s.frequency(i),
                                                        s.recency(i),
                                                        s.age(i),
                                                        s.monetaryValue(i)));
                            }
                            return out.iterator();
                        },
                        Encoders.row(schema));
    }

    /**
     * The per-customer BTYD summary as the core value: each partition's {@link BtydSummaryAccumulator}, exported as
     * plain rows and merged (a union) on the way to the driver. It equals {@link BtydSummary#of} on one machine; it
     * holds every customer on the driver, so for very large bases use {@link #btydSummaryRows} and {@link
     * #collapsedSummary} instead.
     *
     * @param purchases the purchases
     * @param calibrationEnd the last day of the calibration period (inclusive)
     * @param holdoutEnd the last day of the holdout period (inclusive), or empty
     * @param unit the time unit
     * @return the summary, customers in id order
     * @throws org.loyaltykpi.io.CsvFormatException naming the file, row, column and value of a row the input rules
     *     refuse
     */
    public static BtydSummary btydSummary(
            SparkPurchases purchases, LocalDate calibrationEnd, Optional<LocalDate> holdoutEnd, TimeScale unit) {
        accumulator(calibrationEnd, holdoutEnd, unit);
        int scale = purchases.amountScale();
        InputSpec spec = purchases.spec();
        LocalDate holdout = holdoutEnd.orElse(null);
        SummaryPart all = Jobs.run(() -> purchases
                .rows()
                .javaRDD()
                .mapPartitions(rows -> Collections.singletonList(
                                SummaryPart.of(accumulator(calibrationEnd, Optional.ofNullable(holdout), unit)
                                        .add(SparkPurchases.table(rows, spec))
                                        .snapshot()))
                        .iterator())
                .treeReduce(SummaryPart::union));
        return all.addTo(accumulator(calibrationEnd, holdoutEnd, unit)).snapshot();
    }

    private static BtydSummaryAccumulator accumulator(
            LocalDate calibrationEnd, Optional<LocalDate> holdoutEnd, TimeScale unit) {
        return holdoutEnd.isPresent()
                ? new BtydSummaryAccumulator(calibrationEnd, holdoutEnd.get(), unit)
                : new BtydSummaryAccumulator(calibrationEnd, unit);
    }

    /**
     * The summary rows collapsed on the executors into weighted {@code (x, t_x, T)} rows (customers counted per
     * distinct row), collected in a fixed order (by x, then t_x, then T) so that the fit does not depend on the
     * partitioning.
     *
     * @param summaryRows rows of {@link #btydSummaryRows}
     * @param unit their time unit
     * @return the weighted summary, ready for the transaction-model fits
     * @throws org.loyaltykpi.io.CsvFormatException naming the file, row, column and value of a row the input rules
     *     refuse
     */
    public static BtydSummary collapsedSummary(Dataset<Row> summaryRows, TimeScale unit) {
        List<Row> rows = new ArrayList<>(Jobs.run(
                () -> summaryRows.groupBy("frequency", "recency", "T").count().collectAsList()));
        rows.sort(Comparator.<Row>comparingInt(r -> r.getInt(0))
                .thenComparingDouble(r -> r.getDouble(1))
                .thenComparingDouble(r -> r.getDouble(2)));
        int n = rows.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            x[i] = r.getInt(0);
            tx[i] = r.getDouble(1);
            t[i] = r.getDouble(2);
            w[i] = r.getLong(3);
        }
        return BtydSummary.weighted(unit, x, tx, t, w);
    }

    /**
     * Fits a transaction model with the core's maximum likelihood.
     *
     * @param model {@code bg-nbd}, {@code mbg-nbd} or {@code pareto-nbd}
     * @param summary a per-customer or weighted summary
     * @param options the fit options
     * @return the fitted model
     * @throws IllegalArgumentException for another model name
     */
    public static TransactionModel fit(String model, BtydSummary summary, FitOptions options) {
        switch (model) {
            case BgNbdModel.NAME:
                return BgNbdModel.fit(summary, options);
            case MbgNbdModel.NAME:
                return MbgNbdModel.fit(summary, options);
            case ParetoNbdModel.NAME:
                return ParetoNbdModel.fit(summary, options);
            default:
                throw new IllegalArgumentException(
                        "model must be bg-nbd, mbg-nbd or pareto-nbd (gamma-gamma models spend, not purchases): "
                                + model);
        }
    }

    /**
     * Fits the Gamma-Gamma spend model with the core's maximum likelihood on the driver, from rows collapsed on the
     * executors: the customers with repeat purchases counted per distinct {@code (x, mean spend)}, and those whose mean
     * spend is not positive by id (so that the fit names them, or excludes and counts them, as on one machine). The
     * driver holds one row per customer with repeat purchases, as the core's fit takes them (in another order than
     * one machine's, so the estimates agree to about 1e-9 relative, not to the bit).
     *
     * @param summaryRows rows of {@link #btydSummaryRows}
     * @param unit their time unit
     * @param options the fit options
     * @param nonPositive what the fit does with customers whose mean repeat-purchase value is not positive
     * @return the fitted model, whose {@link GammaGammaModel#fit()} is {@code loyalty clv fit --model gamma-gamma}'s
     * @throws org.loyaltykpi.clv.ModelFitException as {@link GammaGammaModel#fit(BtydSummary, FitOptions,
     *     GammaGammaModel.NonPositiveSpend)} throws it
     */
    public static GammaGammaModel fitSpend(
            Dataset<Row> summaryRows,
            TimeScale unit,
            FitOptions options,
            GammaGammaModel.NonPositiveSpend nonPositive) {
        List<Row> bad = new ArrayList<>(Jobs.run(() -> summaryRows
                .filter("frequency > 0 AND monetary_value <= 0")
                .select("customer_id", "frequency", "monetary_value")
                .collectAsList()));
        bad.sort(Comparator.comparing(r -> r.getString(0)));
        List<Row> rows = new ArrayList<>(Jobs.run(() -> summaryRows
                .filter("frequency > 0 AND monetary_value > 0")
                .groupBy("frequency", "monetary_value")
                .count()
                .collectAsList()));
        rows.sort(Comparator.<Row>comparingInt(r -> r.getInt(0)).thenComparingDouble(r -> r.getDouble(1)));
        BtydSummary.Builder builder = BtydSummary.builder(unit);
        for (Row r : bad) {
            builder.add(r.getString(0), r.getInt(1), 0, 0, r.getDouble(2));
        }
        long k = 0;
        for (Row r : rows) {
            for (long i = 0; i < r.getLong(2); i++) {
                // The fit reads x and the mean spend only; recency and T are placeholders.
                builder.add("row-" + k++, r.getInt(0), 0, 0, r.getDouble(1));
            }
        }
        return GammaGammaModel.fit(builder.build(), options, nonPositive);
    }

    /**
     * Per-customer predictions with spend on the executors, the models' parameters broadcast: {@code customer_id,
     * p_alive, expected_purchases, expected_spend, clv}, as {@code loyalty clv predict} writes them and {@link
     * ClvCalculator#predict} computes them (expected purchases over the horizon; expected spend per purchase from the
     * Gamma-Gamma model; clv = margin x expected spend x the expected purchases per time unit, discounted).
     *
     * @param summaryRows rows of {@link #btydSummaryRows}, in the purchase model's time unit
     * @param purchases a fitted (or given) BG/NBD, MBG/NBD or Pareto/NBD model
     * @param spend a fitted (or given) Gamma-Gamma model
     * @param options horizon, margin and discount rate
     * @return one row per customer
     */
    public static Dataset<Row> predictions(
            Dataset<Row> summaryRows, TransactionModel purchases, GammaGammaModel spend, ClvOptions options) {
        ModelParameters parameters = ModelParameters.of(purchases);
        double[] gg = {spend.p(), spend.q(), spend.gamma()};
        double horizon = options.horizon();
        TimeScale unit = options.unit();
        double margin = options.margin();
        double discount = options.discountRate();
        Broadcast<ModelParameters> shared = JavaSparkContext.fromSparkContext(
                        summaryRows.sparkSession().sparkContext())
                .broadcast(parameters);
        return summaryRows.mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> {
                    TransactionModel m = shared.value().model();
                    GammaGammaModel g = GammaGammaModel.of(gg[0], gg[1], gg[2]);
                    ClvOptions o = new ClvOptions(horizon, unit, margin, discount);
                    double inModelUnit = m.timeUnit().convert(horizon, unit);
                    return new Iterator<Row>() {
                        @Override
                        public boolean hasNext() {
                            return rows.hasNext();
                        }

                        @Override
                        public Row next() {
                            Row r = rows.next();
                            BtydCustomer c = new BtydCustomer(
                                    CustomerId.of(r.getString(0)),
                                    r.getInt(1),
                                    r.getDouble(2),
                                    r.getDouble(3),
                                    r.getDouble(4));
                            return RowFactory.create(
                                    c.customer().value(),
                                    m.probabilityAlive(c.frequency(), c.recency(), c.age()),
                                    m.expectedPurchases(inModelUnit, c.frequency(), c.recency(), c.age()),
                                    g.expectedAverageSpend(c.frequency(), c.monetaryValue()),
                                    ClvCalculator.customerValue(m, g, c, o));
                        }
                    };
                },
                Encoders.row(SPEND_PREDICTION_SCHEMA));
    }

    /**
     * Per-customer predictions on the executors, with the model's parameters broadcast: {@code customer_id, p_alive,
     * expected_purchases} (purchases in the next {@code horizon} time units), as {@code loyalty clv predict} writes
     * them without a spend model.
     *
     * @param summaryRows rows of {@link #btydSummaryRows}, in the model's time unit
     * @param model a fitted (or given) BG/NBD, MBG/NBD or Pareto/NBD model
     * @param horizon the prediction horizon in the model's time unit, {@code >= 0}
     * @return one row per customer
     */
    public static Dataset<Row> predictions(Dataset<Row> summaryRows, TransactionModel model, double horizon) {
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon must be finite and >= 0: " + horizon);
        }
        ModelParameters parameters = ModelParameters.of(model);
        Broadcast<ModelParameters> shared = JavaSparkContext.fromSparkContext(
                        summaryRows.sparkSession().sparkContext())
                .broadcast(parameters);
        return summaryRows.mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> {
                    TransactionModel m = shared.value().model();
                    return new Iterator<Row>() {
                        @Override
                        public boolean hasNext() {
                            return rows.hasNext();
                        }

                        @Override
                        public Row next() {
                            Row r = rows.next();
                            int x = r.getInt(1);
                            double tx = r.getDouble(2);
                            double t = r.getDouble(3);
                            return RowFactory.create(
                                    r.getString(0),
                                    m.probabilityAlive(x, tx, t),
                                    m.expectedPurchases(horizon, x, tx, t));
                        }
                    };
                },
                Encoders.row(PREDICTION_SCHEMA));
    }
}
