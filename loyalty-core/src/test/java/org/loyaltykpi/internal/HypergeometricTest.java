package org.loyaltykpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HypergeometricTest {

    @Test
    void isOneAtZero() {
        assertThat(Hypergeometric.log2F1(3.5, 2.25, 1.5, 0)).isZero();
    }

    @Test
    void equalsTheLogarithmSeriesForOneOneTwo() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z (Abramowitz and Stegun 15.1.3).
        for (double z : new double[] {1e-6, 0.1, 0.5, 0.9, 0.99}) {
            assertThat(Hypergeometric.value(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, within(1e-13 / (1 - z)));
        }
    }

    @Test
    void equalsTheArcsineSeries() {
        // 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z (Abramowitz and Stegun 15.1.6).
        for (double z : new double[] {0.2, 0.6, 0.9}) {
            assertThat(Hypergeometric.value(0.5, 0.5, 1.5, z * z)).isCloseTo(Math.asin(z) / z, within(1e-13));
        }
    }

    @Test
    void equalsTheBinomialSeriesWhenBEqualsC() {
        // 2F1(a, b; b; z) = (1 - z)^-a (Abramowitz and Stegun 15.1.8).
        qt().withFixedSeed(61L)
                .forAll(
                        doubles().between(0.01, 50),
                        doubles().between(0.01, 50),
                        doubles().between(0, 0.95))
                .checkAssert((a, b, z) -> assertThat(Hypergeometric.log2F1(a, b, b, z))
                        .isCloseTo(-a * Math.log1p(-z), within(1e-11 * Math.max(1, -a * Math.log1p(-z)))));
    }

    @Test
    void staysFiniteInLogSpaceWhereTheValueOverflowsADouble() {
        // (1 - 0.9)^-500 = 1e500 overflows; its logarithm, 500 ln 10, does not.
        assertThat(Hypergeometric.log2F1(500, 7, 7, 0.9)).isCloseTo(500 * Math.log(10), within(1e-9));
        assertThat(Hypergeometric.value(500, 7, 7, 0.9)).isInfinite();
    }

    @Test
    void eulerTransformedParetoNbdFormAgreesWithTheDirectSeries() {
        // 2F1(a, b; a + 1; z): the Pareto/NBD form. Compare the transformed evaluation with a plain direct sum.
        double a = 0.553 + 0.606 + 40;
        double b = 0.606 + 1;
        double z = 0.3;
        double direct = 1;
        double term = 1;
        for (int k = 0; k < 2000; k++) {
            term *= (a + k) * (b + k) / ((a + 1 + k) * (k + 1)) * z;
            direct += term;
        }
        assertThat(Hypergeometric.value(a, b, a + 1, z)).isCloseTo(direct, within(1e-13 * direct));
    }

    @Test
    void isIncreasingInTheArgumentForPositiveParameters() {
        qt().withFixedSeed(62L)
                .forAll(
                        doubles().between(0.1, 20),
                        doubles().between(0.1, 20),
                        doubles().between(0.1, 20))
                .checkAssert((a, b, c) -> assertThat(Hypergeometric.log2F1(a, b, c, 0.6))
                        .isGreaterThan(Hypergeometric.log2F1(a, b, c, 0.5)));
    }

    @Test
    void rejectsArgumentsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Hypergeometric.log2F1(1, 1, 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("z=1.0");
        assertThatThrownBy(() -> Hypergeometric.log2F1(-1, 1, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a=-1.0");
    }

    @Test
    void derivativesAgreeWithCentralDifferencesWithAndWithoutEulersTransformation() {
        // (a, b, c, z): the Pareto/NBD forms 2F1(a, b; a + 1; z), with Euler's transformation (first two) and without.
        double[][] cases = {{3.2, 1.6, 4.2, 0.3}, {40.5, 1.6, 41.5, 0.05}, {1.1, 0.55, 2.1, 0.6}, {0.7, 0.4, 1.9, 0.8}};
        for (double[] p : cases) {
            double[] derivatives = new double[4];
            double value = Hypergeometric.log2F1(p[0], p[1], p[2], p[3], derivatives);
            assertThat(value).isCloseTo(Hypergeometric.log2F1(p[0], p[1], p[2], p[3]), within(1e-14));
            double[] numeric = new double[4];
            Derivatives.gradient(q -> Hypergeometric.log2F1(q[0], q[1], q[2], q[3]), p.clone(), numeric);
            for (int i = 0; i < 4; i++) {
                assertThat(derivatives[i])
                        .as("d/d%s at %s", "abcz".charAt(i), java.util.Arrays.toString(p))
                        .isCloseTo(numeric[i], within(1e-6 * Math.max(1, Math.abs(numeric[i]))));
            }
        }
    }

    @Test
    void derivativeInTheArgumentAtZeroIsABOverC() {
        double[] derivatives = new double[4];
        assertThat(Hypergeometric.log2F1(2, 3, 4, 0, derivatives)).isZero();
        assertThat(derivatives).containsExactly(0, 0, 0, 1.5);
    }

    /** Beyond the series ({@code z > 0.998}): Euler's integral, or the contiguous recursion in c. */
    @Nested
    class CloseToOne {
        @Test
        void theLogarithmSeriesHoldsUpToTheLastDoubleBelowOne() {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z (Abramowitz and Stegun 15.1.3).
            for (double z : new double[] {0.999, 1 - 1e-6, 1 - 1e-9, 1 - 1e-12, Math.nextDown(1.0)}) {
                assertThat(Hypergeometric.log2F1(1, 1, 2, z))
                        .as("z = %s", z)
                        .isCloseTo(Math.log(-Math.log1p(-z) / z), within(1e-14));
            }
        }

        @Test
        void theArcsineSeriesHoldsUpToOne() {
            // 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z (Abramowitz and Stegun 15.1.6); pi / 2 at z = 1.
            for (double z2 : new double[] {0.9985, 1 - 1e-8, 1 - 1e-14}) {
                double z = Math.sqrt(z2);
                assertThat(Hypergeometric.log2F1(0.5, 0.5, 1.5, z2))
                        .isCloseTo(Math.log(Math.asin(z) / z), within(1e-12));
            }
        }

        @Test
        void theBinomialSeriesHoldsOnBothThePathOfTheIntegralAndThatOfTheRecursion() {
            // 2F1(a, b; b; z) = (1 - z)^-a: with a < b Euler's integral applies (c = b > a); with a > b it does not
            // (c = min(a, b)) and the value comes down the contiguous relation, whose first step cancels digits when a
            // and b are small (the value is then close to 1): about 1e-8 relative there.
            qt().withFixedSeed(151L)
                    .forAll(
                            doubles().between(0.01, 60),
                            doubles().between(0.01, 60),
                            doubles().between(3, 14))
                    .checkAssert((a, b, digits) -> {
                        double z = 1 - Math.pow(10, -digits);
                        double exact = -a * Math.log1p(-z);
                        double tolerance = a < b ? 1e-11 : 1e-7;
                        assertThat(Hypergeometric.log2F1(a, b, b, z))
                                .as("a=%s b=%s z=%s", a, b, z)
                                .isCloseTo(exact, within(tolerance * Math.max(1, exact)));
                    });
        }

        @Test
        void gausssTheoremGivesTheLimitAtOneWhenCMinusAMinusBIsPositive() {
            // 2F1(a, b; c; 1) = Gamma(c) Gamma(c-a-b) / (Gamma(c-a) Gamma(c-b)) (Abramowitz and Stegun 15.1.20); at
            // z = 1 - 1e-15 the value is within (1 - z)^min(1, c-a-b) of it.
            double[][] cases = {{1.5, 2.5, 6}, {0.3, 0.4, 2.7}, {12, 3, 17}};
            for (double[] p : cases) {
                double a = p[0];
                double b = p[1];
                double c = p[2];
                double limit =
                        LogGamma.value(c) + LogGamma.value(c - a - b) - LogGamma.value(c - a) - LogGamma.value(c - b);
                assertThat(Hypergeometric.log2F1(a, b, c, 1 - 1e-15)).isCloseTo(limit, within(1e-12));
            }
        }

        @Test
        void theValueIsContinuousWhereTheIntegralTakesOverFromTheSeries() {
            double below = Hypergeometric.SERIES_BELOW;
            double above = Math.nextUp(below);
            qt().withFixedSeed(152L)
                    .forAll(
                            doubles().between(0.05, 80),
                            doubles().between(0.05, 80),
                            doubles().between(0.05, 80))
                    .checkAssert((a, b, c) -> {
                        double series = Hypergeometric.log2F1(a, b, c, below);
                        // The recursion (c <= min(a, b)) is the less accurate path.
                        double tolerance = c > Math.min(a, b) ? 1e-10 : 1e-7;
                        assertThat(Hypergeometric.log2F1(a, b, c, above))
                                .as("a=%s b=%s c=%s", a, b, c)
                                .isCloseTo(series, within(tolerance * Math.max(1, Math.abs(series))));
                    });
        }

        @Test
        void theParetoNbdFormConvergesWhereTheSeriesWouldNeedBillionsOfTerms() {
            // 2F1(r+s+x, s+1; r+s+x+1; z) at z = 1 - 1e-12: about 4e13 series terms.
            double a = 0.553 + 0.606 + 40;
            double value = Hypergeometric.log2F1(a, 1.606, a + 1, 1 - 1e-12);
            assertThat(value).isFinite().isGreaterThan(Hypergeometric.log2F1(a, 1.606, a + 1, 0.999));
        }

        @Test
        void keepsTwelveDigitsWhenAIsHugeAndZIsCloseToOneAsInADegenerateParetoNbdFit() {
            // Every purchase 25.00 drives a Pareto/NBD fit to r ~ 1e5, alpha ~ 2e6: 2F1(a, 1; a + 1; z) at z = 1 -
            // 3.4e-5.
            // Reference: 2F1(a, 1; a + 1; z) = a sum_n z^n / (a + n), compensated, summed until the terms vanish.
            double a = 100_163.2176309078;
            double z = 1 - 3.4e-5;
            double sum = 0;
            double carry = 0;
            double logZ = Math.log1p(z - 1); // z - 1 is exact; powers by exp, not by 1e6 roundings of power *= z
            double power = 1;
            for (int n = 0; power > 1e-20; n++, power = Math.exp(n * logZ)) {
                double term = power * a / (a + n) - carry;
                double next = sum + term;
                carry = (next - sum) - term;
                sum = next;
            }
            // (A 40-digit BigDecimal sum agrees to every printed digit: 10.071174985233364.) Before ln(1 - zu) went
            // through log1p, a * eps of rounding per point cost 1.1e-11 here, and the adaptive integration spent its
            // whole panel budget on that noise (a 90 s fit); now 1.8e-13.
            assertThat(Hypergeometric.log2F1(a, 1, a + 1, z)).isCloseTo(Math.log(sum), within(5e-13));
        }

        @Test
        void derivativesAgreeWithCentralDifferencesBeyondTheSeriesToTheAccuracyAGradientNeeds() {
            // The Pareto/NBD form (integral), a BG/NBD expectation form (integral, a and b swapped), and c <= min(a, b)
            // (recursion).
            double[][] cases = {
                {41.2, 1.6, 42.2, 0.9999}, {3.2, 1.6, 4.2, 1 - 1e-7}, {0.3, 2.5, 2.2, 0.9995}, {5, 7, 2, 0.999}
            };
            for (double[] p : cases) {
                double[] derivatives = new double[4];
                double value = Hypergeometric.log2F1(p[0], p[1], p[2], p[3], derivatives);
                assertThat(value).isCloseTo(Hypergeometric.log2F1(p[0], p[1], p[2], p[3]), within(1e-13));
                for (int i = 0; i < 4; i++) {
                    double h = i == 3 ? 1e-5 * (1 - p[3]) : 1e-5 * p[i];
                    double[] up = p.clone();
                    double[] down = p.clone();
                    up[i] += h;
                    down[i] -= h;
                    double numeric = (Hypergeometric.log2F1(up[0], up[1], up[2], up[3])
                                    - Hypergeometric.log2F1(down[0], down[1], down[2], down[3]))
                            / (2 * h);
                    assertThat(derivatives[i])
                            .as("d/d%s at %s", "abcz".charAt(i), java.util.Arrays.toString(p))
                            .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
                }
            }
        }
    }
}
