package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.PurchaseTable;

class BtydSummaryAccumulatorTest {
    private static final LocalDate HOLDOUT_END = LocalDate.parse("1998-06-30");

    /** The sample's customers dealt into {@code groups} tables by a seeded hash of the id: disjoint, whole histories. */
    private static List<PurchaseTable> split(PurchaseTable table, int groups, long seed) {
        List<PurchaseTable.Builder> builders = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            builders.add(PurchaseTable.builder(table.amountScale()));
        }
        for (int row = 0; row < table.size(); row++) {
            String id = table.customer(table.customerIndex(row)).value();
            int g = (int) Math.floorMod(id.hashCode() * 0x9E3779B97F4A7C15L + seed, (long) groups);
            builders.get(g)
                    .add(
                            id,
                            table.epochDay(row),
                            table.amountMinorUnits(row),
                            table.category(row).orElse(""),
                            table.quantity(row));
        }
        List<PurchaseTable> tables = new ArrayList<>();
        builders.forEach(b -> tables.add(b.build()));
        return tables;
    }

    @Nested
    class SplitAndMerge {
        @Test
        void mergingTheSummariesOfDisjointCustomerGroupsGivesTheSummaryOfTheWholeTableWithHoldout() {
            PurchaseTable cdnow = Cdnow.sample();
            BtydSummary whole = BtydSummary.of(cdnow, Cdnow.CALIBRATION_END, HOLDOUT_END, TimeScale.WEEKS);
            qt().withFixedSeed(16L)
                    .withExamples(20)
                    .forAll(integers().between(1, 9), integers().between(0, 1000))
                    .checkAssert((groups, seed) -> {
                        BtydSummaryAccumulator merged =
                                new BtydSummaryAccumulator(Cdnow.CALIBRATION_END, HOLDOUT_END, TimeScale.WEEKS);
                        for (PurchaseTable part : split(cdnow, groups, seed)) {
                            merged.merge(new BtydSummaryAccumulator(Cdnow.CALIBRATION_END, HOLDOUT_END, TimeScale.WEEKS)
                                    .add(part));
                        }
                        assertThat(merged.snapshot()).isEqualTo(whole);
                    });
        }

        @Test
        void rowsAddedOneByOneComeBackAsTheyWereScanned() {
            BtydSummary whole = BtydSummary.of(Cdnow.sample(), Cdnow.CALIBRATION_END, HOLDOUT_END, TimeScale.DAYS);
            BtydSummaryAccumulator acc = new BtydSummaryAccumulator(Cdnow.CALIBRATION_END, HOLDOUT_END, TimeScale.DAYS);
            for (int i = whole.size() - 1; i >= 0; i--) {
                acc.add(
                        whole.customer(i).value(),
                        whole.frequency(i),
                        whole.recency(i),
                        whole.age(i),
                        whole.monetaryValue(i),
                        whole.holdoutFrequency(i),
                        whole.holdoutMonetaryValue(i));
            }
            assertThat(acc.snapshot()).isEqualTo(whole);
        }
    }

    @Nested
    class Invariants {
        @Test
        void aCustomerInTwoMergedGroupsIsAnErrorNamingIt() {
            BtydSummaryAccumulator a = new BtydSummaryAccumulator(Cdnow.CALIBRATION_END, TimeScale.WEEKS);
            a.add("42", 1, 2, 3, 10)
                    .merge(new BtydSummaryAccumulator(Cdnow.CALIBRATION_END, TimeScale.WEEKS).add("42", 0, 0, 3, 0));
            assertThatThrownBy(a::snapshot)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("customer 42 is in two merged BTYD summaries");
        }

        @Test
        void accumulatorsOfDifferentCalibrationEndsDoNotMerge() {
            assertThatThrownBy(() -> new BtydSummaryAccumulator(Cdnow.CALIBRATION_END, TimeScale.WEEKS)
                            .merge(new BtydSummaryAccumulator(Cdnow.CALIBRATION_END.plusDays(1), TimeScale.WEEKS)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("calibration end 1997-09-30")
                    .hasMessageContaining("calibration end 1997-10-01");
        }

        @Test
        void theEmptyAccumulatorGivesTheSummaryOfTheEmptyTable() {
            assertThat(new BtydSummaryAccumulator(Cdnow.CALIBRATION_END, TimeScale.WEEKS).snapshot())
                    .isEqualTo(BtydSummary.of(PurchaseTable.empty(), Cdnow.CALIBRATION_END, TimeScale.WEEKS));
        }
    }

    @Nested
    class WeightedRows {
        /** The CDNOW sample's (x, t_x, T) rows counted per distinct row, in first-seen order. */
        private BtydSummary weighted(BtydSummary s) {
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Integer> firstRow = new LinkedHashMap<>();
            for (int i = 0; i < s.size(); i++) {
                String key = s.frequency(i) + "/" + s.recency(i) + "/" + s.age(i);
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                firstRow.putIfAbsent(key, i);
            }
            int n = counts.size();
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            long[] w = new long[n];
            int k = 0;
            for (Map.Entry<String, Integer> e : firstRow.entrySet()) {
                x[k] = s.frequency(e.getValue());
                tx[k] = s.recency(e.getValue());
                t[k] = s.age(e.getValue());
                w[k++] = counts.get(e.getKey())[0];
            }
            return BtydSummary.weighted(s.timeUnit(), x, tx, t, w);
        }

        @Test
        void fittingTheWeightedRowsGivesTheSameModelAsFittingTheCustomers() {
            BtydSummary perCustomer = BtydSummary.of(Cdnow.sample(), Cdnow.CALIBRATION_END, TimeScale.WEEKS);
            BtydSummary rows = weighted(perCustomer);
            assertThat(rows.size()).isEqualTo(perCustomer.size());
            assertThat(rows.isWeighted()).isTrue();
            BgNbdModel a = BgNbdModel.fit(perCustomer);
            BgNbdModel b = BgNbdModel.fit(rows);
            for (int k = 0; k < 4; k++) {
                double expected = a.parameters().get(k).value();
                assertThat(b.parameters().get(k).value()).isCloseTo(expected, within(1e-9 * expected));
            }
            assertThat(b.fit().orElseThrow().logLikelihood())
                    .isCloseTo(a.fit().orElseThrow().logLikelihood(), within(1e-9));
        }

        @Test
        void aWeightedSummaryHasNoCustomers() {
            BtydSummary rows = BtydSummary.weighted(
                    TimeScale.WEEKS, new int[] {0, 1}, new double[] {0, 2}, new double[] {38, 38}, new long[] {5, 2});
            assertThat(rows.size()).isEqualTo(7);
            assertThat(rows.repeatCustomers()).isEqualTo(2);
            assertThatThrownBy(() -> rows.frequency(0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("weighted (x, t_x, T) rows");
        }

        @Test
        void aWeightedRowIsValidatedNamingItsIndexAndValue() {
            assertThatThrownBy(() -> BtydSummary.weighted(
                            TimeScale.WEEKS, new int[] {0, 1}, new double[] {0, 5}, new double[] {3, 4}, new long[] {
                                1, 1
                            }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("T of row 1 must be finite and >= recency 5.0: 4.0");
            assertThatThrownBy(() -> BtydSummary.weighted(
                            TimeScale.WEEKS, new int[] {0}, new double[] {0}, new double[] {3}, new long[] {0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("weight of row 0 must be >= 1: 0");
        }
    }
}
