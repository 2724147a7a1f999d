package org.loyaltykpi.survey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.internal.SeededRandom;

/**
 * Whom to survey, for the advice "more than 500 customers: survey a random sample": a reproducible simple random
 * sample (every subset of the size equally likely) of the size that reaches a target NPS margin of error.
 *
 * <p>Reproducible: the customers are deduplicated and sorted by id, then drawn by a partial Fisher-Yates shuffle
 * (Knuth, TAOCP vol. 2, 3.4.2, Algorithm P) with the library's own seeded generator, so the same population, in any
 * order, and the same seed give the same sample on every JDK.
 *
 * <p>Size: the worst-case {@link NpsCalculator#requiredSampleSize(double, double, double, double, OptionalLong)} with
 * the finite-population correction for the population's size. That is the number of <em>answers</em> needed: invite
 * more if not everyone answers (divide by the expected response rate and draw that many).
 *
 * <pre>{@code
 * SurveySample sample = SurveySampling.forMargin(customerIds, 5, 0.95, 7);   // +/-5 points, 95%, seed 7
 * sample.customers();
 * SurveySampling.simpleRandomSample(customerIds, 400, 7);                   // a fixed size
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SurveySampling {
    private SurveySampling() {}

    /**
     * The sample that reaches a target margin of error.
     *
     * @param population the customers who could be surveyed (duplicates count once)
     * @param marginPoints the target margin of error in NPS points, in {@code (0, 200]}
     * @param level the confidence level in {@code (0, 1)}
     * @param seed the random seed
     * @return the sample, at most the whole population
     * @throws IllegalArgumentException if the population is empty or a value is out of range
     */
    public static SurveySample forMargin(
            Collection<CustomerId> population, double marginPoints, double level, long seed) {
        List<CustomerId> ids = distinctSorted(population);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("cannot sample from an empty population");
        }
        OptionalLong size = OptionalLong.of(ids.size());
        long n = NpsCalculator.requiredSampleSize(marginPoints, level, 0.5, 0.5, size);
        double planned = NpsCalculator.plannedMarginOfError(n, level, 0.5, 0.5, size);
        return new SurveySample(draw(ids, (int) n, seed), ids.size(), marginPoints, level, planned, seed);
    }

    /**
     * A simple random sample of a fixed size.
     *
     * @param population the customers (duplicates count once)
     * @param size how many to draw, {@code 0..distinct customers}
     * @param seed the random seed
     * @return the customers drawn, sorted by id
     * @throws IllegalArgumentException naming the size if it is larger than the population
     */
    public static List<CustomerId> simpleRandomSample(Collection<CustomerId> population, int size, long seed) {
        List<CustomerId> ids = distinctSorted(population);
        if (size < 0 || size > ids.size()) {
            throw new IllegalArgumentException(
                    "sample size must be within 0.." + ids.size() + " (the distinct customers): " + size);
        }
        return draw(ids, size, seed);
    }

    private static List<CustomerId> distinctSorted(Collection<CustomerId> population) {
        return new ArrayList<>(new TreeSet<>(population));
    }

    private static List<CustomerId> draw(List<CustomerId> ids, int size, long seed) {
        SeededRandom random = new SeededRandom(seed);
        CustomerId[] pool = ids.toArray(new CustomerId[0]);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(pool.length - i);
            CustomerId swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        List<CustomerId> sample = new ArrayList<>(List.of(pool).subList(0, size));
        sample.sort(null);
        return List.copyOf(sample);
    }
}
