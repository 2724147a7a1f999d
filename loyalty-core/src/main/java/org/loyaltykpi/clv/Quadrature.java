package org.loyaltykpi.clv;

import java.util.function.DoubleUnaryOperator;

/** Adaptive Simpson quadrature with Richardson correction, for the smooth bounded integrands of the models. */
final class Quadrature {
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_DEPTH = 40;

    private Quadrature() {}

    static double integrate(DoubleUnaryOperator f, double from, double to) {
        if (!(to > from)) {
            return 0;
        }
        double fa = f.applyAsDouble(from);
        double fb = f.applyAsDouble(to);
        double mid = (from + to) / 2;
        double fm = f.applyAsDouble(mid);
        double whole = (to - from) / 6 * (fa + 4 * fm + fb);
        return adapt(f, from, to, fa, fm, fb, whole, TOLERANCE, MAX_DEPTH);
    }

    private static double adapt(
            DoubleUnaryOperator f,
            double a,
            double b,
            double fa,
            double fm,
            double fb,
            double whole,
            double tolerance,
            int depth) {
        double m = (a + b) / 2;
        double lm = (a + m) / 2;
        double rm = (m + b) / 2;
        double flm = f.applyAsDouble(lm);
        double frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        // At least a few levels before trusting the error estimate, so narrow peaks are not missed.
        if (depth <= 0 || (depth < MAX_DEPTH - 4 && Math.abs(delta) <= 15 * tolerance)) {
            return left + right + delta / 15;
        }
        return adapt(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1)
                + adapt(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
    }
}
