package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loyaltykpi.internal.SeededRandom;

/**
 * Seeded simulators of every model's own story, for parameter-recovery checks, coverage studies and demonstrations:
 * the same seed gives the same customers on every JDK (the draws are defined in this library, not by the JDK's
 * generators).
 *
 * <ul>
 *   <li>BG/NBD, MBG/NBD, Pareto/NBD ({@link #simulate(TransactionModel, int, double, double, long)}): each customer
 *       gets a purchase rate {@code lambda ~ Gamma(r, 1/alpha)} and either a dropout probability {@code p ~ Beta(a,
 *       b)} (BG/NBD: a coin after every repeat purchase; MBG/NBD: after the first purchase too) or a lifetime {@code
 *       tau ~ Exp(mu)}, {@code mu ~ Gamma(s, 1/beta)} (Pareto/NBD); its age T is uniform on {@code [minAge, maxAge]};
 *       repeat purchases follow a Poisson process of rate {@code lambda} while alive and before T.
 *   <li>BG/BB ({@link #simulate(BgBbModel, int, int, long)}): {@code p ~ Beta(alpha, beta)}, {@code theta ~
 *       Beta(gamma, delta)}; at each of {@code n} opportunities an alive customer first dies with probability
 *       {@code theta}, else transacts with probability {@code p}.
 *   <li>Gamma-Gamma ({@link #simulateSpend(GammaGammaModel, BtydSummary, long)}): {@code nu ~ Gamma(q, 1/gamma)}; a
 *       customer's {@code x} transaction values are {@code Gamma(p, 1/nu)}, so their mean is {@code Gamma(p x, 1/(x
 *       nu))}.
 * </ul>
 *
 * <pre>{@code
 * BtydSummary s = CustomerSimulator.simulate(BgNbdModel.of(0.5, 6, 0.8, 2.5, TimeScale.WEEKS), 5000, 40, 52, 7L);
 * BgNbdModel.fit(s);   // close to r = 0.5, alpha = 6, a = 0.8, b = 2.5
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CustomerSimulator {
    private CustomerSimulator() {}

    /**
     * Simulates customers of a purchase model, named {@code c1, c2, ...}, without monetary values.
     *
     * @param model the model (its parameters and time unit)
     * @param customers the number of customers, {@code >= 0}
     * @param minAge the smallest age T, in the model's time unit, {@code > 0}
     * @param maxAge the largest age T, {@code >= minAge}
     * @param seed the seed
     * @return the calibration summary of the simulated customers
     * @throws IllegalArgumentException if a count or an age is out of range
     */
    public static BtydSummary simulate(TransactionModel model, int customers, double minAge, double maxAge, long seed) {
        return simulate(model, null, null, customers, minAge, maxAge, seed);
    }

    /** Customer i's purchase rate is scaled by {@code purchaseScale[i]}, its dropout by {@code dropoutScale[i]}. */
    static BtydSummary simulate(
            TransactionModel base,
            double[] purchaseScales,
            double[] dropoutScales,
            int customers,
            double minAge,
            double maxAge,
            long seed) {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0: " + customers);
        }
        if (!(minAge > 0) || !(maxAge >= minAge) || Double.isInfinite(maxAge)) {
            throw new IllegalArgumentException("need 0 < minAge <= maxAge (finite): " + minAge + ", " + maxAge);
        }
        double[] t = ModelSupport.values(base);
        boolean pareto = base instanceof ParetoNbdModel;
        boolean mbg = base instanceof MbgNbdModel;
        SeededRandom random = new SeededRandom(seed);
        BtydSummary.Builder builder = BtydSummary.builder(base.timeUnit());
        for (int i = 0; i < customers; i++) {
            double purchaseScale = purchaseScales == null ? 1 : purchaseScales[i];
            double dropoutScale = dropoutScales == null ? 1 : dropoutScales[i];
            double age = minAge + (maxAge - minAge) * random.nextDouble();
            // alpha / scale: the mean rate r / alpha times the scale
            double lambda = random.nextGamma(t[0], purchaseScale / t[1]);
            double death = Double.POSITIVE_INFINITY;
            double p = 0;
            if (pareto) {
                death = random.nextExponential(random.nextGamma(t[2], dropoutScale / t[3]));
            } else {
                p = random.nextBeta(t[2] * dropoutScale, t[3]);
                if (mbg && random.nextDouble() < p) {
                    death = 0;
                }
            }
            int x = 0;
            double last = 0;
            double clock = 0;
            while (true) {
                clock += random.nextExponential(lambda);
                if (clock > age || clock > death) {
                    break;
                }
                x++;
                last = clock;
                if (!pareto && random.nextDouble() < p) {
                    break;
                }
            }
            builder.add("c" + (i + 1), x, last, age, 0);
        }
        return builder.build();
    }

    /**
     * Simulates BG/BB customers over {@code periods} opportunities, collapsed into weighted rows in first-seen order.
     *
     * @param model the model
     * @param customers the number of customers, positive
     * @param periods the transaction opportunities after the first transaction, positive
     * @param seed the seed
     * @return the weighted rows, their weights summing to {@code customers}
     */
    public static List<BgBbModel.Row> simulate(BgBbModel model, int customers, int periods, long seed) {
        if (customers < 1 || periods < 1) {
            throw new IllegalArgumentException("need customers >= 1 and periods >= 1: " + customers + ", " + periods);
        }
        double[] t = model.parameters().stream().mapToDouble(Parameter::value).toArray();
        SeededRandom random = new SeededRandom(seed);
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < customers; i++) {
            double p = random.nextBeta(t[0], t[1]);
            double theta = random.nextBeta(t[2], t[3]);
            int x = 0;
            int last = 0;
            for (int k = 1; k <= periods; k++) {
                if (random.nextDouble() < theta) {
                    break;
                }
                if (random.nextDouble() < p) {
                    x++;
                    last = k;
                }
            }
            long key = ((long) x << 32) | last;
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
        }
        List<BgBbModel.Row> rows = new ArrayList<>(counts.size());
        counts.forEach((key, n) -> rows.add(new BgBbModel.Row((int) (key >>> 32), (int) (long) key, periods, n[0])));
        return List.copyOf(rows);
    }

    /**
     * Gives every customer of a summary with repeat purchases a mean repeat-purchase value drawn from a Gamma-Gamma
     * model (customers without one keep 0); frequencies, recencies and ages are kept.
     *
     * @param model the spend model
     * @param summary the customers (unweighted)
     * @param seed the seed
     * @return the summary with simulated monetary values
     */
    public static BtydSummary simulateSpend(GammaGammaModel model, BtydSummary summary, long seed) {
        SeededRandom random = new SeededRandom(seed);
        BtydSummary.Builder builder = BtydSummary.builder(summary.timeUnit());
        for (int i = 0; i < summary.size(); i++) {
            int x = summary.frequency(i);
            double zbar = 0;
            if (x > 0) {
                double nu = random.nextGamma(model.q(), 1 / model.gamma());
                zbar = random.nextGamma(model.p() * x, 1 / (x * nu));
            }
            builder.add(summary.customer(i).value(), x, summary.recency(i), summary.age(i), zbar);
        }
        return builder.build();
    }
}
