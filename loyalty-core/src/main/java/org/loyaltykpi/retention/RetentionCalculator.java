package org.loyaltykpi.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collector;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Purchase-behaviour metrics: retention, churn, repeat purchase, cross-category (upsell), frequency, average order
 * value of new and returning customers, and active and new customers per period. See {@link PurchaseBehaviour} for
 * the definitions.
 *
 * <p>Three ways in, one set of definitions:
 *
 * <ul>
 *   <li>{@link #behaviour(PurchaseTable, DateRange)} and {@link #series(PurchaseTable, DateRange, Granularity)}: a columnar
 *       scan of a {@link PurchaseTable}, parallel over customers, one pass for a whole series;
 *   <li>{@link #toBehaviour(DateRange, DateRange)}: a {@link Collector} of {@link Purchase} records (parallel streams
 *       work), backed by {@link PurchaseBehaviourAccumulator};
 *   <li>{@link #crr(long, long, long)}: the customer retention rate from three counts, for CRM figures.
 * </ul>
 *
 * <pre>{@code
 * PurchaseTable table = SampleShop.standard().purchases();
 * RetentionCalculator.behaviour(table, DateRange.month(2025, 3)).retention();
 * RetentionCalculator.series(table, table.dateRange().orElseThrow(), Granularity.MONTH);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RetentionCalculator {

    private RetentionCalculator() {}

    /**
     * The behaviour in a period, against {@link DateRange#previous() the period before it of the same length}.
     *
     * @param table the purchases, the whole history (earlier purchases decide who is new)
     * @param period the period
     * @return the behaviour
     */
    public static PurchaseBehaviour behaviour(PurchaseTable table, DateRange period) {
        return behaviour(table, period.previous(), period);
    }

    /**
     * The behaviour in a period, against a chosen earlier period.
     *
     * @param table the purchases, the whole history
     * @param previousPeriod the period to compare with; ends at or before {@code period} starts
     * @param period the period
     * @return the behaviour
     */
    public static PurchaseBehaviour behaviour(PurchaseTable table, DateRange previousPeriod, DateRange period) {
        Objects.requireNonNull(table, "table must not be null");
        if (previousPeriod.endExclusive().isAfter(period.start())) {
            throw new IllegalArgumentException(
                    "previous period " + previousPeriod + " must end before period " + period + " starts");
        }
        return BehaviourScan.tally(table, List.of(previousPeriod, period)).behaviour(1);
    }

    /**
     * The behaviour of some customers in a period, against {@link DateRange#previous() the period before it of the
     * same length}: the same as the behaviour of a table of only their purchases, without copying the table. For
     * example the repeat rate of reviewers, or of loyalty-program members.
     *
     * <pre>{@code
     * Set<CustomerId> members = ...;
     * RetentionCalculator.behaviour(table, DateRange.month(2025, 3), members::contains).repeatPurchaseRate();
     * }</pre>
     *
     * @param table the purchases, the whole history
     * @param period the period
     * @param customers which customers count; asked once per customer of the table, before the scan
     * @return the behaviour of those customers
     */
    public static PurchaseBehaviour behaviour(PurchaseTable table, DateRange period, Predicate<CustomerId> customers) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(customers, "customers must not be null");
        boolean[] included = new boolean[table.customerCount()];
        for (int c = 0; c < included.length; c++) {
            included[c] = customers.test(table.customer(c));
        }
        return BehaviourScan.tally(table, List.of(period.previous(), period), included)
                .behaviour(1);
    }

    /**
     * The behaviour in every whole period of a granularity that overlaps a range, each against the one before, in
     * one pass over the table.
     *
     * @param table the purchases, the whole history
     * @param range the range; periods are whole (a range from 15 January gives all of January)
     * @param granularity the period length
     * @return one behaviour per period, in order
     */
    public static List<PurchaseBehaviour> series(PurchaseTable table, DateRange range, Granularity granularity) {
        Objects.requireNonNull(table, "table must not be null");
        List<DateRange> periods = granularity.periodsCovering(range);
        List<DateRange> slots = new ArrayList<>(periods.size() + 1);
        slots.add(granularity.period(granularity.ordinal(periods.get(0).start()) - 1));
        slots.addAll(periods);
        BehaviourTally tally = BehaviourScan.tally(table, slots);
        List<PurchaseBehaviour> series = new ArrayList<>(periods.size());
        for (int s = 1; s < slots.size(); s++) {
            series.add(tally.behaviour(s));
        }
        return List.copyOf(series);
    }

    /**
     * A collector of purchases into the behaviour in {@code period} against {@code previousPeriod}, at the default
     * amount scale.
     *
     * @param previousPeriod the period to compare with
     * @param period the period
     * @return the collector; it works on parallel streams
     */
    public static Collector<Purchase, ?, PurchaseBehaviour> toBehaviour(DateRange previousPeriod, DateRange period) {
        return Collector.of(
                () -> new PurchaseBehaviourAccumulator(previousPeriod, period),
                PurchaseBehaviourAccumulator::add,
                PurchaseBehaviourAccumulator::merge,
                PurchaseBehaviourAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The customer retention rate {@code (CE - CN) / CS} from counts.
     *
     * @param customersAtStart {@code CS}
     * @param customersAtEnd {@code CE}
     * @param newCustomers {@code CN}
     * @return the rate
     */
    public static CustomerRetentionRate crr(long customersAtStart, long customersAtEnd, long newCustomers) {
        return CustomerRetentionRate.of(customersAtStart, customersAtEnd, newCustomers);
    }
}
