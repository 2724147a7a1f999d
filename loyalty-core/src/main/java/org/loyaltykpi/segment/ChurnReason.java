package org.loyaltykpi.segment;

/**
 * Why a customer is flagged at risk of churning, as of a day {@code D} (purchases before {@code D}), by the thresholds
 * of {@link ChurnRiskOptions}.
 *
 * <pre>{@code
 * report.count(ChurnReason.NO_REPEAT);   // one-time buyers who did not come back
 * }</pre>
 */
public enum ChurnReason {
    /**
     * Buying well below the customer's own earlier rate. With the recent window {@code w} days: {@code recent} =
     * purchase days in {@code [D - w, D)}, {@code earlier} = purchase days before {@code D - w} over the {@code h = D -
     * w - first day} days since the first purchase, {@code expected = earlier * w / h}; flagged when {@code recent /
     * expected < decliningRatio}. Only customers with an established rate are judged: {@code h >= w} and {@code
     * earlier >= 2}. The signal's value is the ratio.
     */
    DECLINING_ACTIVITY,
    /**
     * One purchase day only, and the first purchase more than {@code noRepeatDays} days ago ({@code D - first day}). The
     * signal's value is {@code D - first day}.
     */
    NO_REPEAT,
    /**
     * The probability that the customer is still alive under a fitted BTYD model (BG/NBD, MBG/NBD, Pareto/NBD) is below
     * {@code pAliveThreshold}; only when a model is given. The summary is that of the purchases up to {@code D - 1} in
     * the model's time unit. The signal's value is P(alive).
     */
    LOW_P_ALIVE
}
