package org.loyaltykpi.program;

import org.loyaltykpi.domain.ProgramEvent;

/**
 * Builds a {@link PointsSummary} from program events in any order, and merges with other accumulators: split the
 * events anywhere, merge, same summary. Events other than earn and redeem are ignored.
 *
 * <p>State: two counts, exported as plain values by {@link #snapshot()} and taken back by {@link
 * #add(PointsSummary)}. Not thread-safe; use one per thread and {@link #merge(PointsSummaryAccumulator)}.
 *
 * <pre>{@code
 * PointsSummaryAccumulator acc = new PointsSummaryAccumulator();
 * acc.add(ProgramEvent.earn(id, day, 100)).add(ProgramEvent.redeem(id, day, 40));
 * acc.snapshot().outstanding();   // 60
 * }</pre>
 */
public final class PointsSummaryAccumulator {
    private long earned;
    private long redeemed;

    /** An empty accumulator. */
    public PointsSummaryAccumulator() {}

    /**
     * Adds an event.
     *
     * @param event the event; only earn and redeem events change the points
     * @return this accumulator
     */
    public PointsSummaryAccumulator add(ProgramEvent event) {
        if (event.kind() == ProgramEvent.Kind.EARN) {
            earned = Math.addExact(earned, event.points());
        } else if (event.kind() == ProgramEvent.Kind.REDEEM) {
            redeemed = Math.addExact(redeemed, event.points());
        }
        return this;
    }

    /**
     * Adds events.
     *
     * @param events the events
     * @return this accumulator
     */
    public PointsSummaryAccumulator addAll(Iterable<ProgramEvent> events) {
        events.forEach(this::add);
        return this;
    }

    /**
     * Adds a summary's points, for example a state stored earlier.
     *
     * @param summary the summary
     * @return this accumulator
     */
    public PointsSummaryAccumulator add(PointsSummary summary) {
        earned = Math.addExact(earned, summary.earned());
        redeemed = Math.addExact(redeemed, summary.redeemed());
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other the other accumulator; unchanged
     * @return this accumulator
     */
    public PointsSummaryAccumulator merge(PointsSummaryAccumulator other) {
        return add(other.snapshot());
    }

    /**
     * The points of everything added so far; the accumulator stays usable.
     *
     * @return the summary
     */
    public PointsSummary snapshot() {
        return new PointsSummary(earned, redeemed);
    }
}
