package org.loyaltykpi.segment;

import java.util.List;
import java.util.Objects;
import org.loyaltykpi.domain.CustomerId;

/**
 * A customer flagged at risk of churning, with every reason that applies (in {@link ChurnReason} order).
 *
 * <pre>{@code
 * ChurnRisk r = report.flagged().get(0);
 * r.has(ChurnReason.DECLINING_ACTIVITY);   // true
 * r.signals();                             // [ChurnSignal[reason=DECLINING_ACTIVITY, value=0.25, threshold=0.5]]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the customer
 * @param signals the reasons with their numbers, at least one, each reason once
 */
public record ChurnRisk(CustomerId customer, List<ChurnSignal> signals) {

    /** Validates and copies. */
    public ChurnRisk {
        Objects.requireNonNull(customer, "customer must not be null");
        signals = List.copyOf(signals);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("a churn risk needs at least one signal: " + customer);
        }
        if (signals.stream().map(ChurnSignal::reason).distinct().count() != signals.size()) {
            throw new IllegalArgumentException("each reason at most once: " + signals);
        }
    }

    /**
     * Whether a reason applies.
     *
     * @param reason the reason
     * @return whether a signal has it
     */
    public boolean has(ChurnReason reason) {
        return signals.stream().anyMatch(s -> s.reason() == reason);
    }
}
