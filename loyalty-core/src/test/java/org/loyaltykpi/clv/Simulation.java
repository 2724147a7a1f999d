package org.loyaltykpi.clv;

import org.loyaltykpi.internal.SeededRandom;

/** Simulates customers from the models' own stories, in continuous time, for parameter-recovery tests. */
final class Simulation {
    private Simulation() {}

    enum Process {
        BG_NBD,
        MBG_NBD,
        PARETO_NBD
    }

    /**
     * Customers acquired uniformly over the first 12 weeks of a 52-week calibration period.
     *
     * @param p1 r
     * @param p2 alpha
     * @param p3 a (BG) or s (Pareto)
     * @param p4 b (BG) or beta (Pareto)
     */
    static BtydSummary customers(Process process, double p1, double p2, double p3, double p4, int n, long seed) {
        SeededRandom random = new SeededRandom(seed);
        BtydSummary.Builder builder = BtydSummary.builder(TimeScale.WEEKS);
        for (int i = 0; i < n; i++) {
            double age = 52 - 12 * random.nextDouble();
            double lambda = random.nextGamma(p1, 1 / p2);
            double death = Double.POSITIVE_INFINITY;
            double p = 0;
            if (process == Process.PARETO_NBD) {
                death = random.nextExponential(random.nextGamma(p3, 1 / p4));
            } else {
                p = random.nextBeta(p3, p4);
                if (process == Process.MBG_NBD && random.nextDouble() < p) {
                    death = 0;
                }
            }
            int x = 0;
            double last = 0;
            double t = 0;
            while (true) {
                t += random.nextExponential(lambda);
                if (t > age || t > death) {
                    break;
                }
                x++;
                last = t;
                if (process != Process.PARETO_NBD && random.nextDouble() < p) {
                    break;
                }
            }
            builder.add("c" + i, x, last, age, 0);
        }
        return builder.build();
    }
}
