package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A fit says whether it can be trusted (issue 14, item 5). */
class FitDiagnosticsTest {

    /**
     * Thirteen days of a shop in weeks: 400 customers acquired over the 13 days, 12 of whom came back once within a
     * few days (the situation a new user meets on a short export).
     */
    private static BtydSummary thirteenDays() {
        BtydSummary.Builder b = BtydSummary.builder(TimeScale.WEEKS);
        for (int i = 0; i < 400; i++) {
            double age = (i % 14) / 7.0;
            boolean repeat = i % 33 == 5 && age >= 3 / 7.0;
            b.add("c" + i, repeat ? 1 : 0, repeat ? 2 / 7.0 : 0, age, repeat ? 25 : 0);
        }
        return b.build();
    }

    @Nested
    class Definitions {
        @Test
        void aFitOnThirteenDaysOfDataWarnsThatItsForecastIsNotTrustworthy() {
            BtydSummary s = thirteenDays();
            assertThat(s.repeatCustomers()).isLessThan(30);
            for (TransactionModel m : List.of(BgNbdModel.fit(s), MbgNbdModel.fit(s), ParetoNbdModel.fit(s))) {
                ModelFit fit = m.fit().orElseThrow();
                assertThat(fit.trustworthy()).as(m.name()).isFalse();
                assertThat(fit.warnings())
                        .as(m.name())
                        .anySatisfy(w -> assertThat(w).contains("made a repeat purchase"))
                        .anySatisfy(w -> assertThat(w).containsAnyOf("standard error", "calibration period", "edge"));
            }
        }

        @Test
        void theCdnowFitsAreTrustworthy() {
            BtydSummary cdnow = Cdnow.summary();
            for (TransactionModel m :
                    List.of(BgNbdModel.fit(cdnow), MbgNbdModel.fit(cdnow), ParetoNbdModel.fit(cdnow))) {
                assertThat(m.fit().orElseThrow().warnings()).as(m.name()).isEmpty();
                assertThat(m.fit().orElseThrow().trustworthy()).isTrue();
            }
        }

        @Test
        void aCalibrationShorterThanTheTypicalGapBetweenPurchasesIsNamed() {
            assertThat(MaximumLikelihood.calibrationWarning(0.5, 20, 5, TimeScale.WEEKS))
                    .hasValueSatisfying(
                            w -> assertThat(w).contains("5.000 weeks").contains("40.00 weeks"));
            assertThat(MaximumLikelihood.calibrationWarning(3, 20, 11, TimeScale.WEEKS))
                    .isEmpty();
        }

        @Test
        void aNonConvergedFitIsNotTrustworthy() {
            ModelFit stopped = BgNbdModel.fit(
                            Cdnow.summary(), FitOptions.defaults().withMaxIterations(2))
                    .fit()
                    .orElseThrow();
            assertThat(stopped.converged()).isFalse();
            assertThat(stopped.trustworthy()).isFalse();
        }
    }
}
