package org.loyaltykpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BfgsTest {
    private static final Bfgs.Options OPTIONS = new Bfgs.Options(500, 1e-10, 10);

    /** Rosenbrock's function, minimum 0 at (1, 1). */
    private static double rosenbrock(double[] x, double[] g) {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    }

    @Test
    void findsTheMinimumOfRosenbrocksFunctionFromTheClassicStart() {
        Bfgs.Result result = Bfgs.minimize(BfgsTest::rosenbrock, new double[] {-1.2, 1}, OPTIONS);
        assertThat(result.converged()).as(result.message()).isTrue();
        assertThat(result.point()[0]).isCloseTo(1, within(1e-8));
        assertThat(result.point()[1]).isCloseTo(1, within(1e-8));
        assertThat(result.value()).isCloseTo(0, within(1e-15));
        assertThat(result.iterations()).isBetween(1, 100);
    }

    @Test
    void findsTheMinimumOfAnIllConditionedQuadraticExactly() {
        // f = 1/2 x'Ax - b'x with A = [[1000, 1], [1, 1]], minimum at A^-1 b.
        Bfgs.Objective quadratic = (x, g) -> {
            g[0] = 1000 * x[0] + x[1] - 3;
            g[1] = x[0] + x[1] - 2;
            return 0.5 * (1000 * x[0] * x[0] + 2 * x[0] * x[1] + x[1] * x[1]) - 3 * x[0] - 2 * x[1];
        };
        Bfgs.Result result = Bfgs.minimize(quadratic, new double[] {5, -5}, OPTIONS);
        assertThat(result.converged()).isTrue();
        assertThat(result.point()[0]).isCloseTo(1.0 / 999, within(1e-10));
        assertThat(result.point()[1]).isCloseTo(2 - 1.0 / 999, within(1e-10));
    }

    @Test
    void stepsBackFromRegionsWhereTheObjectiveIsNotFinite() {
        // -ln x + x, minimum at x = 1; undefined for x <= 0, which the first full step would reach.
        Bfgs.Objective f = (x, g) -> {
            g[0] = -1 / x[0] + 1;
            return x[0] > 0 ? -Math.log(x[0]) + x[0] : Double.NaN;
        };
        Bfgs.Result result = Bfgs.minimize(f, new double[] {8}, OPTIONS);
        assertThat(result.converged()).isTrue();
        assertThat(result.point()[0]).isCloseTo(1, within(1e-9));
    }

    @Test
    void numericalGradientsReachTheMinimumToTheirNoiseLevel() {
        Bfgs.Objective f = Derivatives.withNumericalGradient(x -> rosenbrock(x, new double[2]));
        Bfgs.Result result = Bfgs.minimize(f, new double[] {-1.2, 1}, new Bfgs.Options(500, 1e-7, 10));
        assertThat(result.converged()).as(result.message()).isTrue();
        assertThat(result.point()[0]).isCloseTo(1, within(1e-5));
    }

    @Test
    void reportsNonConvergenceWhenTheIterationLimitIsReached() {
        Bfgs.Result result =
                Bfgs.minimize(BfgsTest::rosenbrock, new double[] {-1.2, 1}, new Bfgs.Options(3, 1e-10, 10));
        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(result.message()).contains("iteration limit");
    }

    @Test
    void rejectsAStartWhereTheObjectiveIsNotFinite() {
        assertThatThrownBy(() -> Bfgs.minimize((x, g) -> Double.NaN, new double[] {1}, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starting point");
    }

    @Test
    void hessianOfAQuadraticIsItsMatrixAndItsInverseIsExact() {
        Bfgs.Objective quadratic = (x, g) -> {
            g[0] = 4 * x[0] + x[1];
            g[1] = x[0] + 2 * x[1];
            return 2 * x[0] * x[0] + x[0] * x[1] + x[1] * x[1];
        };
        double[][] h = Derivatives.hessian(quadratic, new double[] {0.3, -0.7});
        assertThat(h[0][0]).isCloseTo(4, within(1e-9));
        assertThat(h[0][1]).isCloseTo(1, within(1e-9));
        assertThat(h[1][1]).isCloseTo(2, within(1e-9));
        double[][] inverse = Derivatives.inverseOfPositiveDefinite(h).orElseThrow();
        // [[4, 1], [1, 2]]^-1 = [[2, -1], [-1, 4]] / 7
        assertThat(inverse[0][0]).isCloseTo(2.0 / 7, within(1e-9));
        assertThat(inverse[0][1]).isCloseTo(-1.0 / 7, within(1e-9));
        assertThat(inverse[1][1]).isCloseTo(4.0 / 7, within(1e-9));
    }

    @Test
    void anIndefiniteMatrixHasNoPositiveDefiniteInverse() {
        assertThat(Derivatives.inverseOfPositiveDefinite(new double[][] {{1, 2}, {2, 1}}))
                .isEmpty();
    }
}
