package org.loyaltykpi.program;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The loyalty program at a glance: the metrics of every period over the purchases' and events' date range, the tier
 * distribution at the end of every period (the last of them is {@link #tiers()}), the tier migration over the last
 * period and the members' lift in it.
 *
 * <pre>{@code
 * ProgramOverview.of(table, events, Granularity.MONTH).ifPresent(System.out::println);
 * }</pre>
 *
 * @param periods the metrics per period, at least one
 * @param tiers the tier distribution on the last day of the last period
 * @param migration the tier migration from the day before the last period to its last day
 * @param lift members against non-members in the last period
 * @param tiersByPeriod the tier distribution on the last day of every period, one per period, in order
 */
public record ProgramOverview(
        List<ProgramPeriod> periods,
        TierDistribution tiers,
        TierMigration migration,
        ProgramLift lift,
        List<TierDistribution> tiersByPeriod) {

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if there is no period, or not one tier distribution per period
     */
    public ProgramOverview {
        periods = List.copyOf(periods);
        tiersByPeriod = List.copyOf(tiersByPeriod);
        if (tiersByPeriod.size() != periods.size()) {
            throw new IllegalArgumentException("tiersByPeriod must have one distribution per period: "
                    + tiersByPeriod.size() + " for " + periods.size() + " periods");
        }
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a program overview needs at least one period");
        }
        Objects.requireNonNull(tiers, "tiers must not be null");
        Objects.requireNonNull(migration, "migration must not be null");
        Objects.requireNonNull(lift, "lift must not be null");
    }

    /**
     * Computes the overview over the union of the purchases' and the events' date ranges.
     *
     * @param table the purchases
     * @param events the program events
     * @param granularity the period length
     * @return the overview, or empty when there are neither purchases nor events to give a date range
     */
    public static Optional<ProgramOverview> of(
            PurchaseTable table, List<ProgramEvent> events, Granularity granularity) {
        Optional<DateRange> range = range(table, events);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        List<ProgramPeriod> periods = ProgramCalculator.series(table, events, range.get(), granularity);
        DateRange last = periods.get(periods.size() - 1).period();
        LocalDate end = last.endExclusive().minusDays(1);
        LocalDate before = last.start().minusDays(1);
        // every period's last day in one pass over the events
        List<TierDistribution> tiersByPeriod = ProgramCalculator.tierDistributions(
                events,
                periods.stream()
                        .map(p -> p.period().endExclusive().minusDays(1))
                        .toList());
        return Optional.of(new ProgramOverview(
                periods,
                tiersByPeriod.get(tiersByPeriod.size() - 1),
                ProgramCalculator.tierMigration(events, before, end),
                ProgramCalculator.lift(table, events, last),
                tiersByPeriod));
    }

    private static Optional<DateRange> range(PurchaseTable table, List<ProgramEvent> events) {
        Optional<LocalDate> first = table.dateRange().map(DateRange::start);
        Optional<LocalDate> last = table.dateRange().map(r -> r.endExclusive().minusDays(1));
        for (ProgramEvent e : events) {
            first = Optional.of(first.filter(f -> !e.date().isBefore(f)).orElse(e.date()));
            last = Optional.of(last.filter(l -> !e.date().isAfter(l)).orElse(e.date()));
        }
        if (first.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DateRange.of(first.get(), last.orElseThrow().plusDays(1)));
    }

    @Override
    public String toString() {
        return "ProgramOverview[" + periods.size() + " periods from "
                + periods.get(0).period() + ", " + tiers + ", " + lift + "]";
    }
}
