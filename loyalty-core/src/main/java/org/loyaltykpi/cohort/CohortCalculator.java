package org.loyaltykpi.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collector;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Acquisition-cohort matrices: retention (classic, unbounded, bracketed), active customers, purchases, revenue and
 * the LTV curve per cohort and period offset. See {@link CohortMatrix} for the definitions.
 *
 * <p>{@link #matrix(PurchaseTable, Granularity)} is one pass over the table's day and amount columns, parallel over
 * customers, with memory {@code O(periods^2)} beyond the table: about 49 ms for a monthly matrix of 49 million
 * purchases on two cores, measured with JMH (see {@code loyalty-benchmarks/RESULTS.md}). {@link
 * #toCohortMatrix(Granularity)} collects {@link Purchase} records instead.
 *
 * <pre>{@code
 * CohortMatrix monthly = CohortCalculator.matrix(table, Granularity.MONTH);
 * CohortMatrix brackets = CohortCalculator.matrix(table, Granularity.MONTH,
 *         List.of(OffsetBracket.of(1, 3), OffsetBracket.of(4, 6)));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CohortCalculator {

    private CohortCalculator() {}

    /**
     * The cohort matrix of a table.
     *
     * @param table the purchases, the whole history (the first purchase decides the cohort)
     * @param granularity the period length of cohorts and offsets
     * @return the matrix; the empty matrix for the empty table
     */
    public static CohortMatrix matrix(PurchaseTable table, Granularity granularity) {
        return matrix(table, granularity, List.of());
    }

    /**
     * The cohort matrix of a table, with bracketed retention.
     *
     * @param table the purchases
     * @param granularity the period length
     * @param brackets offset ranges for {@link CohortMatrix#bracketedRetention(int, int)}, at most 64
     * @return the matrix
     */
    public static CohortMatrix matrix(PurchaseTable table, Granularity granularity, List<OffsetBracket> brackets) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(granularity, "granularity must not be null");
        List<OffsetBracket> copy = List.copyOf(brackets);
        if (table.isEmpty()) {
            return new CohortMatrix(granularity, 0, table.amountScale(), new CohortTally(0, copy));
        }
        long firstOrdinal = granularity.ordinal(LocalDate.ofEpochDay(table.minEpochDay()));
        return new CohortMatrix(
                granularity,
                firstOrdinal,
                table.amountScale(),
                CohortScan.tally(table, granularity, firstOrdinal, copy));
    }

    /**
     * The cohort matrix of one part of a customer base, observed until a given day: the matrix {@link #matrix(
     * PurchaseTable, Granularity, List)} gives, with the observation range extended to the period of {@code
     * observedUntil} (when it is after the table's last day). Parts of a customer base (the partitions of a cluster
     * job), each observed until the whole base's last purchase day, add up with {@link CohortMatrix#plus} to the
     * matrix of the whole base, refunds included: a refund dated after a part's last purchase counts in the period of
     * its date, as it does in the whole, not in the part's last period.
     *
     * <pre>{@code
     * LocalDate last = LocalDate.parse("1998-06-30");   // the last purchase day of all parts
     * CohortMatrix whole = CohortCalculator.matrix(partA, Granularity.MONTH, List.of(), last)
     *         .plus(CohortCalculator.matrix(partB, Granularity.MONTH, List.of(), last));
     * }</pre>
     *
     * @param table the purchases of some customers, each with its whole history
     * @param granularity the period length
     * @param brackets offset ranges, as for {@link #matrix(PurchaseTable, Granularity, List)}
     * @param observedUntil the last day observed; the table's last day if that is later
     * @return the matrix; the empty matrix for the empty table
     */
    public static CohortMatrix matrix(
            PurchaseTable table, Granularity granularity, List<OffsetBracket> brackets, LocalDate observedUntil) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(granularity, "granularity must not be null");
        Objects.requireNonNull(observedUntil, "observedUntil must not be null");
        List<OffsetBracket> copy = List.copyOf(brackets);
        if (table.isEmpty()) {
            return new CohortMatrix(granularity, 0, table.amountScale(), new CohortTally(0, copy));
        }
        long firstOrdinal = granularity.ordinal(LocalDate.ofEpochDay(table.minEpochDay()));
        int lastDay = (int) Math.max(table.maxEpochDay(), observedUntil.toEpochDay());
        return new CohortMatrix(
                granularity,
                firstOrdinal,
                table.amountScale(),
                CohortScan.tally(table, granularity, firstOrdinal, copy, lastDay));
    }

    /**
     * A collector of purchase records into a cohort matrix at the default amount scale; works on parallel streams.
     *
     * @param granularity the period length
     * @return the collector
     */
    public static Collector<Purchase, ?, CohortMatrix> toCohortMatrix(Granularity granularity) {
        return Collector.of(
                () -> new CohortMatrixAccumulator(granularity),
                CohortMatrixAccumulator::add,
                CohortMatrixAccumulator::merge,
                CohortMatrixAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }
}
