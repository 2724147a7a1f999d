package org.loyaltykpi.segment;

/**
 * The thresholds of the {@link ChurnReason}s.
 *
 * <p>Defaults ({@link #defaults()}): the recent window is 90 days and activity below half the customer's own earlier
 * rate is declining; a one-time buyer is flagged 90 days after its purchase (the at-risk threshold of {@link
 * LifecycleOptions#defaults()}); P(alive) below 0.5 is low (more likely gone than alive).
 *
 * <pre>{@code
 * ChurnRiskOptions.defaults().withDecliningRatio(0.3).withPAliveThreshold(0.2);
 * }</pre>
 *
 * @param recentWindowDays the recent window in days, {@code >= 1}
 * @param decliningRatio recent over expected activity below which activity is declining, in (0, 1]
 * @param noRepeatDays days after a first purchase without a second one, {@code >= 1}
 * @param pAliveThreshold P(alive) below which a customer is flagged, in (0, 1]
 */
public record ChurnRiskOptions(int recentWindowDays, double decliningRatio, int noRepeatDays, double pAliveThreshold) {

    /** Validates the thresholds. */
    public ChurnRiskOptions {
        if (recentWindowDays < 1) {
            throw new IllegalArgumentException("recentWindowDays must be >= 1: " + recentWindowDays);
        }
        if (!(decliningRatio > 0 && decliningRatio <= 1)) {
            throw new IllegalArgumentException("decliningRatio must be in (0, 1]: " + decliningRatio);
        }
        if (noRepeatDays < 1) {
            throw new IllegalArgumentException("noRepeatDays must be >= 1: " + noRepeatDays);
        }
        if (!(pAliveThreshold > 0 && pAliveThreshold <= 1)) {
            throw new IllegalArgumentException("pAliveThreshold must be in (0, 1]: " + pAliveThreshold);
        }
    }

    /**
     * The defaults: 90-day window, ratio 0.5, no repeat after 90 days, P(alive) below 0.5.
     *
     * @return the default options
     */
    public static ChurnRiskOptions defaults() {
        return new ChurnRiskOptions(90, 0.5, 90, 0.5);
    }

    /**
     * These options with another recent window.
     *
     * @param days the window, {@code >= 1}
     * @return a copy
     */
    public ChurnRiskOptions withRecentWindowDays(int days) {
        return new ChurnRiskOptions(days, decliningRatio, noRepeatDays, pAliveThreshold);
    }

    /**
     * These options with another declining ratio.
     *
     * @param ratio in (0, 1]
     * @return a copy
     */
    public ChurnRiskOptions withDecliningRatio(double ratio) {
        return new ChurnRiskOptions(recentWindowDays, ratio, noRepeatDays, pAliveThreshold);
    }

    /**
     * These options with another no-repeat threshold.
     *
     * @param days {@code >= 1}
     * @return a copy
     */
    public ChurnRiskOptions withNoRepeatDays(int days) {
        return new ChurnRiskOptions(recentWindowDays, decliningRatio, days, pAliveThreshold);
    }

    /**
     * These options with another P(alive) threshold.
     *
     * @param threshold in (0, 1]
     * @return a copy
     */
    public ChurnRiskOptions withPAliveThreshold(double threshold) {
        return new ChurnRiskOptions(recentWindowDays, decliningRatio, noRepeatDays, threshold);
    }
}
