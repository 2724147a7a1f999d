package org.loyaltykpi.cohort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.Ratio;

/**
 * The reference model of {@link CohortMatrix}: the definitions of its javadoc written out plainly with maps and sets
 * over a list of purchases, with periods compared by their dates ({@link DateRange#contains}) rather than by ordinals, so
 * that a reader can check it line by line.
 */
final class NaiveCohorts {

    /**
     * Everything a matrix says about one cohort, offset by offset over its observed offsets.
     *
     * @param cohort the acquisition period
     * @param size customers acquired in it
     * @param active per offset, customers of the cohort with a purchase in that period
     * @param purchases per offset, their purchases
     * @param revenue per offset, their revenue
     * @param activeThenOrLater per offset, customers of the cohort with a purchase in that period or later (unbounded)
     * @param activeInBracket per bracket, customers of the cohort with a purchase in one of its periods; empty unless
     *     the bracket is wholly observed
     */
    record Row(
            DateRange cohort,
            long size,
            List<Long> active,
            List<Long> purchases,
            List<BigDecimal> revenue,
            List<Long> activeThenOrLater,
            List<Optional<Long>> activeInBracket) {}

    private NaiveCohorts() {}

    /** The rows of the purchases' cohorts, in time order, with revenue at scale 2. */
    static List<Row> of(List<Purchase> purchases, Granularity granularity, List<OffsetBracket> brackets) {
        if (purchases.isEmpty()) {
            return List.of();
        }
        Map<CustomerId, LocalDate> firstPurchase = new HashMap<>();
        LocalDate lastDay = purchases.get(0).date();
        for (Purchase p : purchases) {
            firstPurchase.merge(p.customer(), p.date(), (a, b) -> a.isBefore(b) ? a : b);
            if (p.date().isAfter(lastDay)) {
                lastDay = p.date();
            }
        }
        DateRange lastPeriod = granularity.periodContaining(lastDay);

        // The customers of each cohort, by acquisition period.
        Map<DateRange, Set<CustomerId>> customersByCohort = new TreeMap<>();
        firstPurchase.forEach((customer, day) -> customersByCohort
                .computeIfAbsent(granularity.periodContaining(day), p -> new HashSet<>())
                .add(customer));

        List<Row> rows = new ArrayList<>();
        customersByCohort.forEach((cohort, customers) -> {
            List<Purchase> theirs = purchases.stream()
                    .filter(p -> customers.contains(p.customer()))
                    .toList();
            // The cohort's periods from its own to the last period with data: offsets 0, 1, ...
            List<DateRange> periods = new ArrayList<>();
            for (DateRange p = cohort; !p.start().isAfter(lastPeriod.start()); p = next(granularity, p)) {
                periods.add(p);
            }

            List<Long> active = new ArrayList<>();
            List<Long> purchaseCounts = new ArrayList<>();
            List<BigDecimal> revenue = new ArrayList<>();
            List<Long> activeThenOrLater = new ArrayList<>();
            for (DateRange period : periods) {
                Set<CustomerId> activeNow = new HashSet<>();
                Set<CustomerId> activeNowOrLater = new HashSet<>();
                long count = 0;
                BigDecimal money = BigDecimal.ZERO.setScale(2);
                for (Purchase p : theirs) {
                    if (period.contains(p.date())) {
                        activeNow.add(p.customer());
                        count++;
                        money = money.add(p.amount());
                    }
                    if (!p.date().isBefore(period.start())) {
                        activeNowOrLater.add(p.customer());
                    }
                }
                active.add((long) activeNow.size());
                purchaseCounts.add(count);
                revenue.add(money);
                activeThenOrLater.add((long) activeNowOrLater.size());
            }

            List<Optional<Long>> inBracket = new ArrayList<>();
            for (OffsetBracket bracket : brackets) {
                if (bracket.toOffset() >= periods.size()) {
                    inBracket.add(Optional.empty());
                    continue;
                }
                LocalDate from = periods.get(bracket.fromOffset()).start();
                LocalDate to = periods.get(bracket.toOffset()).endExclusive();
                Set<CustomerId> activeInBracket = new HashSet<>();
                for (Purchase p : theirs) {
                    if (!p.date().isBefore(from) && p.date().isBefore(to)) {
                        activeInBracket.add(p.customer());
                    }
                }
                inBracket.add(Optional.of((long) activeInBracket.size()));
            }

            rows.add(new Row(
                    cohort,
                    customers.size(),
                    List.copyOf(active),
                    List.copyOf(purchaseCounts),
                    List.copyOf(revenue),
                    List.copyOf(activeThenOrLater),
                    List.copyOf(inBracket)));
        });
        return List.copyOf(rows);
    }

    /** The same rows read from a matrix through its public accessors. */
    static List<Row> rowsOf(CohortMatrix m) {
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < m.cohortCount(); c++) {
            List<Long> active = new ArrayList<>();
            List<Long> purchases = new ArrayList<>();
            List<BigDecimal> revenue = new ArrayList<>();
            List<Long> activeThenOrLater = new ArrayList<>();
            for (int k = 0; k < m.observedOffsets(c); k++) {
                active.add(m.activeCustomers(c, k));
                purchases.add(m.purchases(c, k));
                revenue.add(m.revenue(c, k));
                activeThenOrLater.add(
                        m.retention(c, k, RetentionDefinition.UNBOUNDED).numerator());
            }
            List<Optional<Long>> inBracket = new ArrayList<>();
            for (int b = 0; b < m.brackets().size(); b++) {
                inBracket.add(m.bracketedRetention(c, b).map(Ratio::numerator));
            }
            rows.add(new Row(
                    m.cohort(c),
                    m.size(c),
                    List.copyOf(active),
                    List.copyOf(purchases),
                    List.copyOf(revenue),
                    List.copyOf(activeThenOrLater),
                    List.copyOf(inBracket)));
        }
        return List.copyOf(rows);
    }

    /** The period after {@code p}: the one containing its end. */
    private static DateRange next(Granularity granularity, DateRange p) {
        return granularity.periodContaining(p.endExclusive());
    }
}
