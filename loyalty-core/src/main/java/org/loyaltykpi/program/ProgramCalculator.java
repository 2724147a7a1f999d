package org.loyaltykpi.program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collector;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Tier;
import org.loyaltykpi.retention.RetentionCalculator;

/**
 * Loyalty-program metrics from {@link ProgramEvent}s and purchases: participation, active members, points
 * (redemption rate, outstanding liability), tier distribution and migration, referrals, and the members' lift over
 * comparable non-members. The definitions are on the result types: {@link ProgramPeriod}, {@link PointsSummary},
 * {@link TierDistribution}, {@link TierMigration}, {@link ProgramLift}.
 *
 * <p>A customer is a member from its first program event on (normally its enrolment). Events may come in any order;
 * on one day an enrolment counts before a tier change, and events of one kind keep their input order.
 *
 * <pre>{@code
 * SampleShop shop = SampleShop.standard();
 * PurchaseTable table = shop.purchases();
 * List<ProgramEvent> events = shop.programEvents(table);
 * ProgramCalculator.series(table, events, shop.period(), Granularity.YEAR);
 * ProgramCalculator.points(events).outstanding();
 * ProgramCalculator.tierDistribution(events, LocalDate.of(2025, 12, 31));
 * ProgramCalculator.lift(table, events, DateRange.year(2025));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ProgramCalculator {

    private static final Comparator<ProgramEvent> ORDER =
            Comparator.comparing(ProgramEvent::date).thenComparing(ProgramEvent::kind);

    private ProgramCalculator() {}

    /**
     * The points earned and redeemed by some events.
     *
     * @param events the events
     * @return the points; {@code 0 / 0} with no events
     */
    public static PointsSummary points(Collection<ProgramEvent> events) {
        return new PointsSummaryAccumulator().addAll(events).snapshot();
    }

    /**
     * A collector of events into their points, backed by {@link PointsSummaryAccumulator}.
     *
     * @return the collector; it works on parallel streams
     */
    public static Collector<ProgramEvent, ?, PointsSummary> toPoints() {
        return Collector.of(
                PointsSummaryAccumulator::new,
                PointsSummaryAccumulator::add,
                PointsSummaryAccumulator::merge,
                PointsSummaryAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The program in every whole period of a granularity that overlaps a range.
     *
     * @param table the purchases, the whole history (they decide who is a customer and who is active)
     * @param events the program events, the whole history
     * @param range the range; periods are whole
     * @param granularity the period length
     * @return one summary per period, in order
     */
    public static List<ProgramPeriod> series(
            PurchaseTable table, Collection<ProgramEvent> events, DateRange range, Granularity granularity) {
        Objects.requireNonNull(table, "table must not be null");
        List<DateRange> periods = granularity.periodsCovering(range);
        int count = periods.size();
        long firstOrdinal = granularity.ordinal(periods.get(0).start());
        Map<CustomerId, Activity> customers = new HashMap<>();
        for (int c = 0; c < table.customerCount(); c++) {
            Activity a = customers.computeIfAbsent(table.customer(c), id -> new Activity());
            for (int row = table.firstRow(c); row < table.endRow(c); row++) {
                a.purchase(slot(granularity, firstOrdinal, count, table.date(row)));
            }
        }
        // Slot s + 1 holds the points of period s; slot 0 those before the first period.
        PointsSummaryAccumulator[] points = new PointsSummaryAccumulator[count + 2];
        Arrays.setAll(points, i -> new PointsSummaryAccumulator());
        List<Set<CustomerId>> referred = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            referred.add(new HashSet<>());
        }
        for (ProgramEvent e : events) {
            int slot = slot(granularity, firstOrdinal, count, e.date());
            customers.computeIfAbsent(e.customer(), id -> new Activity()).event(slot, e.kind());
            points[slot + 1].add(e);
            if (e.kind() == ProgramEvent.Kind.REFERRAL && slot >= 0 && slot < count) {
                referred.get(slot).add(e.referred().orElseThrow());
            }
        }
        // Counts by the slot of a customer's first purchase-or-event and first event; slot -1 is at index 0.
        long[] firstAny = new long[count + 2];
        long[] firstEvent = new long[count + 2];
        long[] active = new long[count];
        long[] referrers = new long[count];
        for (Activity a : customers.values()) {
            firstAny[a.firstAny + 1]++;
            if (a.firstEvent < Integer.MAX_VALUE) {
                firstEvent[a.firstEvent + 1]++;
                for (int s = Math.max(0, a.firstEvent); s < count; s++) {
                    if (a.active.get(s)) {
                        active[s]++;
                    }
                    if (a.referred.get(s)) {
                        referrers[s]++;
                    }
                }
            }
        }
        List<ProgramPeriod> series = new ArrayList<>(count);
        long customersSoFar = firstAny[0];
        long membersSoFar = firstEvent[0];
        PointsSummary balance = points[0].snapshot();
        for (int s = 0; s < count; s++) {
            customersSoFar += firstAny[s + 1];
            membersSoFar += firstEvent[s + 1];
            PointsSummary periodPoints = points[s + 1].snapshot();
            balance = balance.plus(periodPoints);
            series.add(new ProgramPeriod(
                    periods.get(s),
                    customersSoFar,
                    membersSoFar,
                    firstEvent[s + 1],
                    active[s],
                    referrers[s],
                    referred.get(s).size(),
                    periodPoints,
                    balance));
        }
        return List.copyOf(series);
    }

    /** The period index of a day: -1 before the first period, {@code count} after the last. */
    private static int slot(Granularity granularity, long firstOrdinal, int count, LocalDate day) {
        long s = granularity.ordinal(day) - firstOrdinal;
        return s < 0 ? -1 : (int) Math.min(count, s);
    }

    /** One customer's activity by period slot. */
    private static final class Activity {
        int firstAny = Integer.MAX_VALUE;
        int firstEvent = Integer.MAX_VALUE;
        final BitSet active = new BitSet();
        final BitSet referred = new BitSet();

        void purchase(int slot) {
            firstAny = Math.min(firstAny, slot);
            if (slot >= 0) {
                active.set(slot);
            }
        }

        void event(int slot, ProgramEvent.Kind kind) {
            purchase(slot);
            firstEvent = Math.min(firstEvent, slot);
            if (kind == ProgramEvent.Kind.REFERRAL && slot >= 0) {
                referred.set(slot);
            }
        }
    }

    /**
     * The members per tier on a day.
     *
     * @param events the program events
     * @param asOf the day, inclusive
     * @return the distribution; no members if no event is on or before the day
     */
    public static TierDistribution tierDistribution(Collection<ProgramEvent> events, LocalDate asOf) {
        return tierDistributions(events, List.of(asOf)).get(0);
    }

    /**
     * The members per tier on each of several days, from one pass over the events (what {@link #tierDistribution}
     * gives for each day).
     *
     * @param events the program events
     * @param days the days, each inclusive
     * @return one distribution per day, in order
     */
    static List<TierDistribution> tierDistributions(Collection<ProgramEvent> events, List<LocalDate> days) {
        LocalDate[] asOf = days.toArray(new LocalDate[0]);
        List<Map<Tier, Long>> counts = new ArrayList<>(asOf.length);
        long[] untiered = new long[asOf.length];
        for (int i = 0; i < asOf.length; i++) {
            counts.add(new EnumMap<>(Tier.class));
        }
        for (TierHistory h : tierHistories(events, asOf).values()) {
            for (int i = 0; i < asOf.length; i++) {
                if (h.firstDay.isAfter(asOf[i])) {
                    continue;
                }
                Optional<Tier> tier = h.tierAsOf(i);
                if (tier.isPresent()) {
                    counts.get(i).merge(tier.get(), 1L, Long::sum);
                } else {
                    untiered[i]++;
                }
            }
        }
        List<TierDistribution> out = new ArrayList<>(asOf.length);
        for (int i = 0; i < asOf.length; i++) {
            out.add(new TierDistribution(asOf[i], counts.get(i), untiered[i]));
        }
        return out;
    }

    /**
     * Where the members of one day are, tier-wise, on a later day.
     *
     * @param events the program events
     * @param from the first day, inclusive
     * @param to the second day, inclusive, not before {@code from}
     * @return the migration matrix over the members on {@code from}
     */
    public static TierMigration tierMigration(Collection<ProgramEvent> events, LocalDate from, LocalDate to) {
        int levels = TierMigration.LEVELS.size();
        long[][] counts = new long[levels][levels];
        for (TierHistory h : tierHistories(events, from, to).values()) {
            if (!h.firstDay.isAfter(from)) {
                counts[TierMigration.index(h.tierAsOf(0))][TierMigration.index(h.tierAsOf(1))]++;
            }
        }
        List<List<Long>> rows = new ArrayList<>(levels);
        for (long[] row : counts) {
            List<Long> r = new ArrayList<>(levels);
            for (long c : row) {
                r.add(c);
            }
            rows.add(r);
        }
        return new TierMigration(from, to, rows);
    }

    /**
     * Members against comparable non-members (see {@link ProgramLift}) in a window.
     *
     * @param table the purchases, the whole history
     * @param events the program events
     * @param window the window
     * @return both groups' behaviour in the window and the lifts
     */
    public static ProgramLift lift(PurchaseTable table, Collection<ProgramEvent> events, DateRange window) {
        Map<CustomerId, LocalDate> joined = new HashMap<>();
        for (ProgramEvent e : events) {
            joined.merge(e.customer(), e.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Set<CustomerId> members = new HashSet<>();
        Set<CustomerId> nonMembers = new HashSet<>();
        for (int c = 0; c < table.customerCount(); c++) {
            if (!table.date(table.firstRow(c)).isBefore(window.start())) {
                continue; // not an existing customer at the window's start
            }
            CustomerId id = table.customer(c);
            LocalDate join = joined.get(id);
            if (join != null && join.isBefore(window.start())) {
                members.add(id);
            } else if (join == null || !join.isBefore(window.endExclusive())) {
                nonMembers.add(id);
            }
        }
        return new ProgramLift(
                window,
                RetentionCalculator.behaviour(table, window, members::contains),
                RetentionCalculator.behaviour(table, window, nonMembers::contains));
    }

    /**
     * One pass over the events, no grouping or sorting: each customer's first event day and, per day asked, its latest
     * tier-bearing event on or before it in {@link #ORDER} (of events equal in that order, the later in input).
     */
    private static Map<CustomerId, TierHistory> tierHistories(Collection<ProgramEvent> events, LocalDate... days) {
        Map<CustomerId, TierHistory> out = new HashMap<>();
        for (ProgramEvent e : events) {
            TierHistory h = out.computeIfAbsent(e.customer(), id -> new TierHistory(e.date(), days.length));
            if (e.date().isBefore(h.firstDay)) {
                h.firstDay = e.date();
            }
            if (e.tier().isPresent()) {
                for (int i = 0; i < days.length; i++) {
                    ProgramEvent latest = h.latest[i];
                    if (!e.date().isAfter(days[i]) && (latest == null || ORDER.compare(e, latest) >= 0)) {
                        h.latest[i] = e;
                    }
                }
            }
        }
        return out;
    }

    /** One customer's first event day and latest tier-bearing event as of each day asked. */
    private static final class TierHistory {
        LocalDate firstDay;
        final ProgramEvent[] latest;

        TierHistory(LocalDate firstDay, int days) {
            this.firstDay = firstDay;
            this.latest = new ProgramEvent[days];
        }

        /** The tier as of the {@code i}-th day asked: the latest tier-bearing event's, or none. */
        Optional<Tier> tierAsOf(int i) {
            return latest[i] == null ? Optional.empty() : latest[i].tier();
        }
    }
}
