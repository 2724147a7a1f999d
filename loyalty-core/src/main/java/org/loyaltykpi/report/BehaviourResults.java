package org.loyaltykpi.report;

import java.util.List;
import java.util.Objects;
import org.loyaltykpi.retention.PurchaseBehaviour;

/**
 * Purchase behaviour over the purchases' whole date range and period by period.
 *
 * @param total the whole range (against the range of equal length before it)
 * @param byPeriod each period of the report's granularity (against the period before)
 */
public record BehaviourResults(PurchaseBehaviour total, List<PurchaseBehaviour> byPeriod) {
    /** Copies the series. */
    public BehaviourResults {
        Objects.requireNonNull(total, "total must not be null");
        byPeriod = List.copyOf(byPeriod);
    }

    @Override
    public String toString() {
        return "BehaviourResults[total " + total + ", " + byPeriod.size() + " periods]";
    }
}
