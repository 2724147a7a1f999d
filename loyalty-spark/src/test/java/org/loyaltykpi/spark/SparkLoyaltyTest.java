package org.loyaltykpi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.ParetoNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.RfmScore;
import org.loyaltykpi.segment.RfmScores;
import org.loyaltykpi.segment.SegmentCalculator;

/** Every distributed result is the core's one-machine result on the same purchases. */
class SparkLoyaltyTest {
    private static final LocalDate CALIBRATION_END = LocalDate.parse("1997-09-30");
    private static final LocalDate HOLDOUT_END = LocalDate.parse("1998-06-30");
    private static final DateRange CDNOW_RANGE = DateRange.parse("1997-01-01/1998-07-01");

    private static SparkPurchases cdnow(int partitions) {
        return SparkPurchases.of(LocalSpark.session(), LocalSpark.cdnowMaster(), partitions);
    }

    private static PurchaseTable sampleShop() {
        return SampleShop.standard().withCustomers(1500).purchases();
    }

    private static void assertSameParameters(TransactionModel actual, TransactionModel expected) {
        List<Parameter> a = actual.parameters();
        List<Parameter> e = expected.parameters();
        assertThat(a).hasSameSizeAs(e);
        for (int k = 0; k < e.size(); k++) {
            assertThat(a.get(k).name()).isEqualTo(e.get(k).name());
            assertThat(a.get(k).value())
                    .as(e.get(k).name())
                    .isCloseTo(e.get(k).value(), within(1e-9 * e.get(k).value()));
        }
    }

    @Nested
    class ModelBased {
        @Test
        void theCohortMatrixOfCdnowEqualsTheCoreMatrixInEveryCellWithBrackets() {
            List<OffsetBracket> brackets = List.of(OffsetBracket.of(1, 3), OffsetBracket.of(4, 12));
            CohortMatrix spark = SparkLoyalty.cohortMatrix(cdnow(4), Granularity.MONTH, brackets);
            assertThat(spark).isEqualTo(CohortCalculator.matrix(LocalSpark.cdnowMaster(), Granularity.MONTH, brackets));
            assertThat(spark.size(0)).isEqualTo(7846);
            assertThat(spark.activeCustomers(0, 1)).isEqualTo(1157);
        }

        @Test
        void theCohortMatricesOfTheSampleShopEqualTheCoreMatricesAtEveryGranularity() {
            PurchaseTable shop = sampleShop();
            SparkPurchases purchases = SparkPurchases.of(LocalSpark.session(), shop, 3);
            for (Granularity g : List.of(Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER)) {
                assertThat(SparkLoyalty.cohortMatrix(purchases, g))
                        .as("%s", g)
                        .isEqualTo(CohortCalculator.matrix(shop, g));
            }
        }

        @Test
        void theBehaviourSeriesEqualsTheCoreSeriesFieldByField() {
            assertThat(SparkLoyalty.behaviourSeries(cdnow(3), CDNOW_RANGE, Granularity.MONTH))
                    .isEqualTo(RetentionCalculator.series(LocalSpark.cdnowMaster(), CDNOW_RANGE, Granularity.MONTH));
            PurchaseTable shop = sampleShop();
            DateRange range = shop.dateRange().orElseThrow();
            assertThat(SparkLoyalty.behaviourSeries(
                            SparkPurchases.of(LocalSpark.session(), shop, 3), range, Granularity.QUARTER))
                    .isEqualTo(RetentionCalculator.series(shop, range, Granularity.QUARTER));
        }

        @Test
        void theLifecycleDistributionEqualsTheCoreDistribution() {
            PurchaseTable shop = sampleShop();
            LocalDate asOf = shop.dateRange().orElseThrow().endExclusive();
            assertThat(SparkLoyalty.lifecycleDistribution(
                            SparkPurchases.of(LocalSpark.session(), shop, 3), asOf, LifecycleOptions.defaults()))
                    .isEqualTo(
                            SegmentCalculator.lifecycle(shop, List.of(), List.of(), asOf, LifecycleOptions.defaults())
                                    .distribution());
        }

        @Test
        void theBtydSummaryWithHoldoutEqualsTheCoreSummaryRowByRow() {
            BtydSummary spark =
                    SparkLoyalty.btydSummary(cdnow(4), CALIBRATION_END, Optional.of(HOLDOUT_END), TimeScale.WEEKS);
            assertThat(spark)
                    .isEqualTo(BtydSummary.of(LocalSpark.cdnowMaster(), CALIBRATION_END, HOLDOUT_END, TimeScale.WEEKS));
            assertThat(spark.size()).isEqualTo(23570);
        }

        @Test
        void theSummaryRowsDatasetHoldsTheCoreRows() {
            PurchaseTable shop = sampleShop();
            LocalDate end = shop.dateRange().orElseThrow().start().plusYears(1);
            BtydSummary core = BtydSummary.of(shop, end, TimeScale.DAYS);
            List<Row> rows = SparkLoyalty.btydSummaryRows(
                            SparkPurchases.of(LocalSpark.session(), shop, 3), end, Optional.empty(), TimeScale.DAYS)
                    .collectAsList();
            assertThat(rows).hasSize(core.size());
            Map<String, Row> byId = rows.stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
            for (int i = 0; i < core.size(); i++) {
                Row r = byId.get(core.customer(i).value());
                assertThat(r.getInt(1)).isEqualTo(core.frequency(i));
                assertThat(r.getDouble(2)).isEqualTo(core.recency(i));
                assertThat(r.getDouble(3)).isEqualTo(core.age(i));
                assertThat(r.getDouble(4)).isEqualTo(core.monetaryValue(i));
            }
        }

        @Test
        void theBgNbdAndParetoNbdFitsOnTheCollapsedRowsEqualTheCoreFitsToOneBillionth() {
            SparkPurchases purchases = cdnow(4);
            BtydSummary core = BtydSummary.of(LocalSpark.cdnowMaster(), CALIBRATION_END, TimeScale.WEEKS);
            BtydSummary collapsed = SparkLoyalty.collapsedSummary(
                    SparkLoyalty.btydSummaryRows(purchases, CALIBRATION_END, Optional.empty(), TimeScale.WEEKS),
                    TimeScale.WEEKS);
            assertThat(collapsed.size()).isEqualTo(core.size());
            assertSameParameters(SparkLoyalty.fit("bg-nbd", collapsed, FitOptions.defaults()), BgNbdModel.fit(core));
            assertSameParameters(
                    SparkLoyalty.fit("pareto-nbd", collapsed, FitOptions.defaults()), ParetoNbdModel.fit(core));
        }

        @Test
        void predictionsOnTheExecutorsEqualTheCoreModelsPredictions() {
            BtydSummary core = BtydSummary.of(LocalSpark.cdnowMaster(), CALIBRATION_END, TimeScale.WEEKS);
            BgNbdModel model = BgNbdModel.fit(core);
            List<Row> rows = SparkLoyalty.predictions(
                            SparkLoyalty.btydSummaryRows(cdnow(3), CALIBRATION_END, Optional.empty(), TimeScale.WEEKS),
                            model,
                            39)
                    .collectAsList();
            assertThat(rows).hasSize(core.size());
            Map<String, Row> byId = rows.stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
            for (int i = 0; i < core.size(); i++) {
                Row r = byId.get(core.customer(i).value());
                assertThat(r.getDouble(1))
                        .isEqualTo(model.probabilityAlive(core.frequency(i), core.recency(i), core.age(i)));
                assertThat(r.getDouble(2))
                        .isEqualTo(model.expectedPurchases(39, core.frequency(i), core.recency(i), core.age(i)));
            }
        }
    }

    @Nested
    class Spend {
        private static double relative(double actual, double expected) {
            return Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        }

        @Test
        void theGammaGammaFitOnRowsCollapsedOnTheExecutorsEqualsTheCoreFitToOneBillionth() {
            BtydSummary core = BtydSummary.of(LocalSpark.cdnowMaster(), CALIBRATION_END, TimeScale.WEEKS);
            GammaGammaModel expected =
                    GammaGammaModel.fit(core, FitOptions.defaults(), GammaGammaModel.NonPositiveSpend.EXCLUDE);
            GammaGammaModel spark = SparkLoyalty.fitSpend(
                    SparkLoyalty.btydSummaryRows(cdnow(4), CALIBRATION_END, Optional.empty(), TimeScale.WEEKS),
                    TimeScale.WEEKS,
                    FitOptions.defaults(),
                    GammaGammaModel.NonPositiveSpend.EXCLUDE);
            assertThat(spark.parameters()).hasSameSizeAs(expected.parameters());
            for (int k = 0; k < expected.parameters().size(); k++) {
                assertThat(relative(
                                spark.parameters().get(k).value(),
                                expected.parameters().get(k).value()))
                        .as(expected.parameters().get(k).name())
                        .isLessThan(1e-9);
            }
            assertThat(spark.excludedCustomers()).isEqualTo(expected.excludedCustomers());
            assertThat(spark.fit().orElseThrow().customers())
                    .isEqualTo(expected.fit().orElseThrow().customers());
            assertThat(spark.fit().orElseThrow().warnings())
                    .isEqualTo(expected.fit().orElseThrow().warnings());
        }

        @Test
        void predictionsWithSpendOnTheExecutorsEqualTheCoresClvPredictionsToOneBillionth() {
            PurchaseTable shop = sampleShop();
            LocalDate end = shop.dateRange().orElseThrow().start().plusYears(1);
            BtydSummary core = BtydSummary.of(shop, end, TimeScale.WEEKS);
            BgNbdModel purchases = BgNbdModel.fit(core);
            GammaGammaModel spend =
                    GammaGammaModel.fit(core, FitOptions.defaults(), GammaGammaModel.NonPositiveSpend.EXCLUDE);
            ClvOptions options = new ClvOptions(12, TimeScale.MONTHS, 0.3, 0.01);
            List<CustomerPrediction> expected = ClvCalculator.predict(purchases, Optional.of(spend), core, options);
            List<Row> rows = SparkLoyalty.predictions(
                            SparkLoyalty.btydSummaryRows(
                                    SparkPurchases.of(LocalSpark.session(), shop, 3),
                                    end,
                                    Optional.empty(),
                                    TimeScale.WEEKS),
                            purchases,
                            spend,
                            options)
                    .collectAsList();
            Map<String, Row> byId = rows.stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
            assertThat(byId).hasSize(expected.size());
            for (CustomerPrediction p : expected) {
                Row r = byId.get(p.customer().value());
                assertThat(relative(r.getDouble(1), p.probabilityAlive())).isLessThan(1e-9);
                assertThat(relative(r.getDouble(2), p.expectedPurchases())).isLessThan(1e-9);
                assertThat(relative(r.getDouble(3), p.expectedSpend().orElseThrow()))
                        .isLessThan(1e-9);
                assertThat(relative(r.getDouble(4), p.clv().orElseThrow())).isLessThan(1e-9);
            }
        }
    }

    @Nested
    class Segments {
        @Test
        void theRfmSegmentDistributionOfCdnowEqualsTheCoresCellForCell() {
            LocalDate asOf = LocalDate.parse("1998-07-01");
            var expected =
                    SegmentCalculator.rfmScores(LocalSpark.cdnowMaster(), asOf).distribution();
            assertThat(SparkLoyalty.rfmSegmentDistribution(cdnow(4), asOf)).isEqualTo(expected);
            assertThat(expected.customers()).isEqualTo(23570);
        }

        @Test
        void everyCustomersRfmScoresOfTheSampleShopAreTheCoresAndTheDistributionIsInvariantToPartitions() {
            PurchaseTable shop = sampleShop();
            LocalDate asOf = shop.dateRange().orElseThrow().endExclusive().minusMonths(3);
            RfmScores core = SegmentCalculator.rfmScores(shop, asOf);
            SparkPurchases purchases = SparkPurchases.of(LocalSpark.session(), shop, 3);
            Map<String, Row> rows = SparkLoyalty.rfmScoreRows(purchases, asOf).collectAsList().stream()
                    .collect(Collectors.toMap(r -> r.getString(0), r -> r));
            assertThat(rows).hasSize(core.customers().size());
            for (RfmScore s : core.customers()) {
                Row r = rows.get(s.customer().value());
                assertThat(List.of(r.getInt(1), r.getInt(2), r.getInt(4), r.getInt(5), r.getInt(6)))
                        .as(s.customer().value())
                        .containsExactly(
                                s.recencyDays(),
                                s.frequency(),
                                s.recencyScore(),
                                s.frequencyScore(),
                                s.monetaryScore());
                assertThat(r.getDecimal(3)).isEqualByComparingTo(s.monetary());
                assertThat(r.getString(7)).isEqualTo(s.segment().name());
            }
            for (int partitions : new int[] {1, 3, 8}) {
                assertThat(SparkLoyalty.rfmSegmentDistribution(purchases.repartition(partitions), asOf))
                        .as("%s partitions", partitions)
                        .isEqualTo(core.distribution());
            }
        }
    }

    @Nested
    class SplitAndMerge {
        /** The sample shop's purchases (and refunds) as a typed frame of rows in a shuffled order, split by customer. */
        private SparkPurchases shuffled(PurchaseTable table, int partitions, long seed) {
            List<Row> rows = new ArrayList<>();
            for (int row = 0; row < table.size(); row++) {
                rows.add(RowFactory.create(
                        table.customer(table.customerIndex(row)).value(),
                        java.sql.Date.valueOf(table.date(row)),
                        table.amount(row),
                        table.category(row).orElse(null),
                        table.quantity(row)));
            }
            for (int r = 0; r < table.refundCount(); r++) {
                rows.add(RowFactory.create(
                        table.customer(table.refundCustomerIndex(r)).value(),
                        java.sql.Date.valueOf(LocalDate.ofEpochDay(table.refundEpochDay(r))),
                        java.math.BigDecimal.valueOf(table.refundMinorUnits(r), table.amountScale()),
                        null,
                        1));
            }
            Collections.shuffle(rows, new Random(seed));
            StructType schema = new StructType()
                    .add("customer_id", DataTypes.StringType)
                    .add("date", DataTypes.DateType)
                    .add("amount", DataTypes.createDecimalType(20, 2))
                    .add("category", DataTypes.StringType)
                    .add("quantity", DataTypes.IntegerType);
            return SparkPurchases.from(
                            LocalSpark.session().createDataFrame(rows, schema), CsvOptions.defaults(), partitions)
                    .persist();
        }

        @Test
        void oneThreeAndEightPartitionsOfShuffledRowsGiveIdenticalResults() {
            PurchaseTable shop = SampleShop.standard().withCustomers(400).purchases();
            DateRange range = shop.dateRange().orElseThrow();
            LocalDate end = range.start().plusYears(1);
            CohortMatrix matrix = CohortCalculator.matrix(shop, Granularity.MONTH);
            var series = RetentionCalculator.series(shop, range, Granularity.MONTH);
            BtydSummary summary = BtydSummary.of(shop, end, end.plusMonths(6), TimeScale.WEEKS);
            TransactionModel fit = null;
            for (int partitions : new int[] {1, 3, 8}) {
                SparkPurchases purchases = shuffled(shop, partitions, partitions);
                assertThat(SparkLoyalty.cohortMatrix(purchases, Granularity.MONTH))
                        .as("%s partitions", partitions)
                        .isEqualTo(matrix);
                assertThat(SparkLoyalty.behaviourSeries(purchases, range, Granularity.MONTH))
                        .as("%s partitions", partitions)
                        .isEqualTo(series);
                assertThat(SparkLoyalty.btydSummary(purchases, end, Optional.of(end.plusMonths(6)), TimeScale.WEEKS))
                        .as("%s partitions", partitions)
                        .isEqualTo(summary);
                TransactionModel model = SparkLoyalty.fit(
                        "bg-nbd",
                        SparkLoyalty.collapsedSummary(
                                SparkLoyalty.btydSummaryRows(purchases, end, Optional.empty(), TimeScale.WEEKS),
                                TimeScale.WEEKS),
                        FitOptions.defaults());
                purchases.unpersist();
                if (fit != null) {
                    assertThat(model.parameters())
                            .as("%s partitions", partitions)
                            .isEqualTo(fit.parameters());
                }
                fit = model;
            }
        }
    }
}
