package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.PurchaseTable;

class ModelValidationTest {
    private static final BgNbdModel BG = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS);
    private static final ParetoNbdModel PARETO = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, TimeScale.WEEKS);
    private static final PurchaseTable SAMPLE = Cdnow.sample();

    /**
     * The expected cumulative repeat purchases at the end of day {@code d}, customer by customer: every customer of the
     * cohort acquired on day {@code b <= d} has been one for {@code d + 1 - b} days (lifetimes'
     * {@code expected_cumulative_transactions}: at the start of day {@code d + 1}, {@code (d + 1 - b) / 7} weeks).
     */
    private static double expectedByCustomer(TransactionModel model, LocalDate calibrationEnd, LocalDate day) {
        long d = day.toEpochDay();
        double sum = 0;
        for (int c = 0; c < SAMPLE.customerCount(); c++) {
            int birth = SAMPLE.epochDay(SAMPLE.firstRow(c));
            if (birth <= calibrationEnd.toEpochDay() && birth <= d) {
                sum += model.expectedPurchasesOfNewCustomer((d + 1 - birth) / 7.0);
            }
        }
        return sum;
    }

    private static long actualByCustomer(LocalDate calibrationEnd, LocalDate day) {
        long d = day.toEpochDay();
        long count = 0;
        for (int c = 0; c < SAMPLE.customerCount(); c++) {
            int birth = SAMPLE.epochDay(SAMPLE.firstRow(c));
            if (birth > calibrationEnd.toEpochDay()) {
                continue;
            }
            int previous = birth;
            for (int row = SAMPLE.firstRow(c) + 1; row < SAMPLE.endRow(c); row++) {
                int purchase = SAMPLE.epochDay(row);
                if (purchase <= d && purchase != previous) {
                    count++;
                }
                previous = purchase;
            }
        }
        return count;
    }

    @Nested
    class Definitions {
        @Test
        void theExpectedCurveAtTheEndOfADayCountsEveryCustomerForItsWholeDaysIncludingThatDay() {
            LocalDate end = LocalDate.parse("1998-06-30");
            for (TransactionModel model : List.of(BG, PARETO)) {
                List<ModelValidation.TrackingPoint> points =
                        ModelValidation.tracking(model, SAMPLE, Cdnow.CALIBRATION_END, end);
                // One point per week from 1997-01-07 (the end of the first week) and the end day: 78 weeks.
                assertThat(points).hasSize(78);
                assertThat(points.get(0).date()).isEqualTo(LocalDate.parse("1997-01-07"));
                for (ModelValidation.TrackingPoint p : points) {
                    assertThat(p.expected())
                            .as("%s on %s", model.name(), p.date())
                            .isCloseTo(expectedByCustomer(model, Cdnow.CALIBRATION_END, p.date()), within(1e-9));
                    assertThat(p.actual()).isEqualTo(actualByCustomer(Cdnow.CALIBRATION_END, p.date()));
                }
            }
        }

        @Test
        void onTheFirstDayOnlyTheCustomersAcquiredThatDayCountForOneDay() {
            LocalDate first = LocalDate.parse("1997-01-01");
            List<ModelValidation.TrackingPoint> points =
                    ModelValidation.tracking(BG, SAMPLE, Cdnow.CALIBRATION_END, first);
            assertThat(points).hasSize(1);
            long acquired = 0;
            for (int c = 0; c < SAMPLE.customerCount(); c++) {
                if (SAMPLE.epochDay(SAMPLE.firstRow(c)) == first.toEpochDay()) {
                    acquired++;
                }
            }
            assertThat(acquired).isPositive();
            assertThat(points.get(0).expected())
                    .isCloseTo(acquired * BG.expectedPurchasesOfNewCustomer(1 / 7.0), within(1e-12));
        }
    }

    @Nested
    class Invariants {
        @Test
        void trackingNeverThrowsForAnyEndDayFromTheFirstPurchaseAndEndsOnIt() {
            long first = LocalDate.parse("1997-01-01").toEpochDay();
            qt().withFixedSeed(14L)
                    .withExamples(40)
                    .forAll(integers().between(0, 560), integers().between(0, 300))
                    .checkAssert((endOffset, calibrationOffset) -> {
                        LocalDate end = LocalDate.ofEpochDay(first + endOffset);
                        LocalDate calibrationEnd = LocalDate.ofEpochDay(first + calibrationOffset);
                        List<ModelValidation.TrackingPoint> points =
                                ModelValidation.tracking(BG, SAMPLE, calibrationEnd, end);
                        assertThat(points).isNotEmpty();
                        assertThat(points.get(points.size() - 1).date()).isEqualTo(end);
                        assertThat(points.get(points.size() - 1).actual())
                                .isEqualTo(actualByCustomer(calibrationEnd, end));
                    });
        }

        @Test
        void anEndDayBeforeTheLastCalibrationCustomersFirstPurchaseIsFine() {
            // The CDNOW sample's customers are acquired until 1997-03-25: end the tracking before that.
            List<ModelValidation.TrackingPoint> points =
                    ModelValidation.tracking(PARETO, SAMPLE, Cdnow.CALIBRATION_END, LocalDate.parse("1997-02-10"));
            assertThat(points).hasSize(6);
            assertThat(points.get(5).expected())
                    .isCloseTo(
                            expectedByCustomer(PARETO, Cdnow.CALIBRATION_END, LocalDate.parse("1997-02-10")),
                            within(1e-9));
        }

        @Test
        void anEndDayBeforeEveryPurchaseGivesAnEmptySeries() {
            assertThat(ModelValidation.tracking(BG, SAMPLE, Cdnow.CALIBRATION_END, LocalDate.parse("1996-12-31")))
                    .isEmpty();
        }
    }
}
