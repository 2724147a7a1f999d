package org.loyaltykpi.survey;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.loyaltykpi.domain.CustomerId;

/**
 * A simple random sample of customers to survey, drawn for a target NPS margin of error ({@link
 * SurveySampling#forMargin}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param customers the customers drawn, sorted by id
 * @param population how many distinct customers they were drawn from
 * @param targetMargin the target margin of error, NPS points
 * @param level the confidence level of the margin
 * @param plannedMargin the worst-case planned margin of a survey of all sampled customers, at most the target
 * @param seed the seed that drew them
 */
public record SurveySample(
        List<CustomerId> customers,
        long population,
        double targetMargin,
        double level,
        double plannedMargin,
        long seed) {

    /** Validates and copies. */
    public SurveySample {
        customers = List.copyOf(Objects.requireNonNull(customers, "customers must not be null"));
        if (customers.size() > population) {
            throw new IllegalArgumentException(
                    "a sample of " + customers.size() + " cannot come from " + population + " customers");
        }
    }

    /**
     * The sample size.
     *
     * @return the number of customers drawn
     */
    public int size() {
        return customers.size();
    }

    /** For example {@code 323 of 2000 customers (seed 7) for +/-5.0 NPS points at 95%}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d of %d customers (seed %d) for +/-%.1f NPS points at %s%%",
                customers.size(),
                population,
                seed,
                targetMargin,
                new java.math.BigDecimal(Double.toString(100 * level))
                        .stripTrailingZeros()
                        .toPlainString());
    }
}
