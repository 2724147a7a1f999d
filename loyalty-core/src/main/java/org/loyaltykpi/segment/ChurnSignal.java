package org.loyaltykpi.segment;

import java.util.Objects;

/**
 * One reason a customer is flagged, with the number that triggered it and the threshold it crossed.
 *
 * <pre>{@code
 * new ChurnSignal(ChurnReason.LOW_P_ALIVE, 0.12, 0.5);   // P(alive) 0.12 below 0.5
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param reason the reason
 * @param value the customer's number: the activity ratio, the days since the first purchase or P(alive)
 * @param threshold the option it is compared with
 */
public record ChurnSignal(ChurnReason reason, double value, double threshold) {

    /** Validates the record. */
    public ChurnSignal {
        Objects.requireNonNull(reason, "reason must not be null");
        if (!Double.isFinite(value) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("value and threshold must be finite: " + value + ", " + threshold);
        }
    }
}
