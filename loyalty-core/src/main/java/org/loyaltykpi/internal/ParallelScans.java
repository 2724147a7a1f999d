package org.loyaltykpi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * The parallel skeleton of the columnar engines: {@link #scan} splits customers {@code 0..customers-1} into contiguous
 * ranges, scans them in parallel and merges the partial results; {@link #forEach} runs independent tasks (the chunks
 * of a CSV file).
 *
 * <p>Scans run on a ForkJoin pool of one daemon thread per core. Not the common pool: its default parallelism is one
 * less than the cores (so that the caller makes up the difference), and measured on two cores a scan there ran no
 * faster than on one thread, while this pool halves its time.
 *
 * <p>Independent long computations (the report's sections, the model fits of one comparison) run with {@link #async}
 * on threads of their own, started on demand and kept a while for reuse: also not the common pool, whose single
 * worker on two cores would run them one after the other.
 */
public final class ParallelScans {
    /** Numbers the scan threads: a worker's pool index is not yet assigned when the factory names it. */
    private static final AtomicInteger SCAN_THREADS = new AtomicInteger();

    private static final ForkJoinPool SCANS = new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("loyalty-kpi-scan-" + SCAN_THREADS.getAndIncrement());
                thread.setDaemon(true);
                return thread;
            },
            null,
            false);

    private static final AtomicInteger TASK_THREADS = new AtomicInteger();

    private static final ExecutorService TASKS = Executors.newCachedThreadPool(body -> {
        Thread thread = new Thread(body, "loyalty-kpi-task-" + TASK_THREADS.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    });

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

    private ParallelScans() {}

    /**
     * The number of threads scans run on.
     *
     * @return one per core
     */
    public static int threads() {
        return SCANS.getParallelism();
    }

    /**
     * Scans all customers, one task per {@code customersPerTask}, merging partial results of adjacent ranges.
     *
     * @param customers the number of customers
     * @param customersPerTask the size of a task; below it, the calling thread does everything
     * @param scan the scan of a range
     * @param merge merges the partial results of two adjacent ranges, the earlier one first
     * @param <T> the partial result
     * @return the merged result (the scan of the empty range when there are no customers)
     */
    public static <T> T scan(int customers, int customersPerTask, Scan<T> scan, BinaryOperator<T> merge) {
        if (customers <= customersPerTask || SCANS.getParallelism() == 1) {
            return scan.scan(0, customers);
        }
        return SCANS.invoke(new RangeTask<>(0, customers, customersPerTask, scan, merge));
    }

    /**
     * Scans all customers like {@link #scan}, but returns the partial results unmerged, in customer order: for
     * floating-point sums, which then add up in the same order whatever the number of threads, so the result does not
     * depend on the machine.
     *
     * @param customers the number of customers
     * @param customersPerTask the size of a task; below it, the calling thread does everything
     * @param scan the scan of a range
     * @param <T> the partial result
     * @return the partial result of every task, in customer order (one, of the empty range, when there are none)
     */
    public static <T> List<T> scanInOrder(int customers, int customersPerTask, Scan<T> scan) {
        return scan(customers, customersPerTask, (from, to) -> List.of(scan.scan(from, to)), (left, right) -> {
            List<T> both = new ArrayList<>(left.size() + right.size());
            both.addAll(left);
            both.addAll(right);
            return both;
        });
    }

    /**
     * Runs {@code body} for {@code 0..tasks-1} in parallel and waits for all.
     *
     * @param tasks the number of tasks
     * @param body the task; its exceptions are rethrown to the caller
     */
    public static void forEach(int tasks, java.util.function.IntConsumer body) {
        if (tasks <= 1 || SCANS.getParallelism() == 1) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        SCANS.invoke(new RangeTask<Void>(
                0,
                tasks,
                1,
                (from, to) -> {
                    for (int t = from; t < to; t++) {
                        body.accept(t);
                    }
                    return null;
                },
                (a, b) -> null));
    }

    /**
     * Starts an independent computation on a thread of its own (see the class comment); {@link #join} waits for it.
     *
     * @param task the computation
     * @param <T> its result
     * @return the future result
     */
    public static <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, TASKS);
    }

    /**
     * Waits for a computation of {@link #async} and returns its result, rethrowing its unchecked exception or error as
     * it was thrown.
     *
     * @param future the computation
     * @param <T> its result
     * @return the result
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Halves its range until it is one task's size. */
    private static final class RangeTask<T> extends RecursiveTask<T> {
        private static final long serialVersionUID = 1L;

        private final int from;
        private final int to;
        private final int customersPerTask;
        private final transient Scan<T> scan;
        private final transient BinaryOperator<T> merge;

        RangeTask(int from, int to, int customersPerTask, Scan<T> scan, BinaryOperator<T> merge) {
            this.from = from;
            this.to = to;
            this.customersPerTask = customersPerTask;
            this.scan = scan;
            this.merge = merge;
        }

        @Override
        protected T compute() {
            if (to - from <= customersPerTask) {
                return scan.scan(from, to);
            }
            int middle = from + (to - from) / 2;
            RangeTask<T> right = new RangeTask<>(middle, to, customersPerTask, scan, merge);
            right.fork();
            T left = new RangeTask<>(from, middle, customersPerTask, scan, merge).compute();
            return merge.apply(left, right.join());
        }
    }
}
