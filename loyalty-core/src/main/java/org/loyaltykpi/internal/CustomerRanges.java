package org.loyaltykpi.internal;

import java.util.function.BinaryOperator;
import java.util.stream.IntStream;

/**
 * Splits customers {@code 0..customers-1} into contiguous ranges, scans the ranges in parallel on the common ForkJoin
 * pool and merges the partial results: the parallel skeleton of every columnar scan over a purchase table.
 *
 * <p>A parallel stream runs on the pool's workers and the calling thread, so even a pool of parallelism 1 (the
 * default on two cores) scans on two threads.
 */
public final class CustomerRanges {

    /** A scan of customers {@code [from, to)} into a partial result. */
    @FunctionalInterface
    public interface Scan<T> {
        /**
         * Scans a range.
         *
         * @param from the first customer
         * @param to one past the last customer
         * @return the partial result
         */
        T scan(int from, int to);
    }

    private CustomerRanges() {}

    /**
     * Scans all customers, one task per {@code customersPerTask}, merging partial results in customer order.
     *
     * @param customers the number of customers
     * @param customersPerTask the size of a task; below it, one thread does everything
     * @param scan the scan of a range
     * @param merge merges two partial results of adjacent ranges
     * @param <T> the partial result
     * @return the merged result (the scan of the empty range when there are no customers)
     */
    public static <T> T scan(int customers, int customersPerTask, Scan<T> scan, BinaryOperator<T> merge) {
        int tasks = (int) ((customers + (long) customersPerTask - 1) / customersPerTask);
        if (tasks <= 1) {
            return scan.scan(0, customers);
        }
        return IntStream.range(0, tasks)
                .parallel()
                .mapToObj(t -> scan.scan(t * customersPerTask, Math.min(customers, (t + 1) * customersPerTask)))
                .reduce(merge)
                .orElseThrow();
    }
}
