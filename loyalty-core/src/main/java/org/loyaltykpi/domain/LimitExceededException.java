package org.loyaltykpi.domain;

/**
 * Input that is valid row by row but passes a documented bound of the library: the sum of a table's amounts past the
 * largest exact {@code long} of minor units, more points than a {@code long} holds, or a breakdown with more periods
 * than {@link #MAX_PERIODS}.
 *
 * <p>The message names what passed the bound and where (the row, customer or period, or the earliest and latest
 * dates), so that the caller can fix the data or narrow it, for example:
 *
 * <pre>{@code
 * orders.csv:3: column 'amount' (#3): '90000000000000000.00' brings the sum of all amounts past
 *     92233720368547758.07, the largest sum kept exact at 2 decimal places
 * 3652060 periods of DAY from 0001-01-01 to 9999-12-31: at most 100000 periods are computed;
 *     choose a coarser granularity or a shorter range
 * }</pre>
 *
 * <p>An {@link IllegalArgumentException}: it is a fault of the input, not of the library, and command lines report it
 * like any other bad input.
 */
public final class LimitExceededException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * How many periods a breakdown (cohorts, per-period behaviour, per-period survey scores, ...) computes at most:
     * 100,000, about 273 years of days or every month of 8,333 years.
     */
    public static final int MAX_PERIODS = 100_000;

    /**
     * Creates the exception.
     *
     * @param message what passed which bound, and where
     */
    public LimitExceededException(String message) {
        super(message);
    }
}
