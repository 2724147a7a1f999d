package org.loyaltykpi.internal;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
        int tasks = tasks(customers, customersPerTask);
        if (tasks <= 1) {
            return scan.scan(0, customers);
        }
        return ranges(customers, customersPerTask, tasks, scan).reduce(merge).orElseThrow();
    }

    /**
     * Scans all customers like {@link #scan}, but returns the partial results unmerged, in customer order: for
     * floating-point sums, which then add up in the same order whatever the pool's size, so the result does not
     * depend on the machine.
     *
     * @param customers the number of customers
     * @param customersPerTask the size of a task; below it, one thread does everything
     * @param scan the scan of a range
     * @param <T> the partial result
     * @return the partial result of every task, in customer order (one, of the empty range, when there are none)
     */
    public static <T> List<T> scanInOrder(int customers, int customersPerTask, Scan<T> scan) {
        int tasks = tasks(customers, customersPerTask);
        if (tasks <= 1) {
            return List.of(scan.scan(0, customers));
        }
        return ranges(customers, customersPerTask, tasks, scan).toList();
    }

    private static int tasks(int customers, int customersPerTask) {
        return (int) ((customers + (long) customersPerTask - 1) / customersPerTask);
    }

    private static <T> Stream<T> ranges(int customers, int customersPerTask, int tasks, Scan<T> scan) {
        return IntStream.range(0, tasks)
                .parallel()
                .mapToObj(t -> scan.scan(t * customersPerTask, Math.min(customers, (t + 1) * customersPerTask)));
    }
}
