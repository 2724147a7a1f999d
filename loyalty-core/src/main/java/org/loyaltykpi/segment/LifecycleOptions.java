package org.loyaltykpi.segment;

/**
 * The thresholds of the {@link LifecycleStage}s.
 *
 * <p>As of a day {@code D}, with {@code since = D - last purchase day} (1 for a purchase the day before): lapsed when
 * {@code since > lapsedDays}, at risk when {@code since > atRiskDays}; loyal when the customer bought in at least
 * {@code loyalPeriods} of the {@code lookbackPeriods} windows {@code [D - k * periodDays, D - (k - 1) * periodDays)},
 * {@code k = 1..lookbackPeriods}.
 *
 * <p>Defaults ({@link #defaults()}): at risk after 90 days, lapsed after 180 days, loyal when active in 3 of the last 4
 * quarters of 90 days.
 *
 * <pre>{@code
 * LifecycleOptions.defaults().withAtRiskDays(60).withLapsedDays(120);
 * }</pre>
 *
 * @param atRiskDays days without a purchase after which a customer is at risk, {@code >= 1}
 * @param lapsedDays days without a purchase after which it has lapsed, {@code > atRiskDays}
 * @param periodDays the length of a loyalty window in days, {@code >= 1}
 * @param loyalPeriods windows with a purchase needed for loyal, {@code 2 <= loyalPeriods <= lookbackPeriods}
 * @param lookbackPeriods windows looked back over, {@code >= 2}
 */
public record LifecycleOptions(int atRiskDays, int lapsedDays, int periodDays, int loyalPeriods, int lookbackPeriods) {

    /** Validates the thresholds. */
    public LifecycleOptions {
        if (atRiskDays < 1) {
            throw new IllegalArgumentException("atRiskDays must be >= 1: " + atRiskDays);
        }
        if (lapsedDays <= atRiskDays) {
            throw new IllegalArgumentException(
                    "lapsedDays must be greater than atRiskDays " + atRiskDays + ": " + lapsedDays);
        }
        if (periodDays < 1) {
            throw new IllegalArgumentException("periodDays must be >= 1: " + periodDays);
        }
        if (loyalPeriods < 2 || loyalPeriods > lookbackPeriods) {
            throw new IllegalArgumentException(
                    "loyalPeriods must be 2..lookbackPeriods (" + lookbackPeriods + "): " + loyalPeriods);
        }
    }

    /**
     * The defaults: at risk after 90 days, lapsed after 180, loyal in 3 of the last 4 windows of 90 days.
     *
     * @return the default options
     */
    public static LifecycleOptions defaults() {
        return new LifecycleOptions(90, 180, 90, 3, 4);
    }

    /**
     * These options with another at-risk threshold.
     *
     * @param days the threshold, {@code >= 1} and below {@code lapsedDays}
     * @return a copy
     */
    public LifecycleOptions withAtRiskDays(int days) {
        return new LifecycleOptions(days, lapsedDays, periodDays, loyalPeriods, lookbackPeriods);
    }

    /**
     * These options with another lapse threshold.
     *
     * @param days the threshold, above {@code atRiskDays}
     * @return a copy
     */
    public LifecycleOptions withLapsedDays(int days) {
        return new LifecycleOptions(atRiskDays, days, periodDays, loyalPeriods, lookbackPeriods);
    }

    /**
     * These options with another loyalty rule.
     *
     * @param periodDays the window length, {@code >= 1}
     * @param loyalPeriods windows with a purchase needed, {@code 2..lookbackPeriods}
     * @param lookbackPeriods windows looked back over
     * @return a copy
     */
    public LifecycleOptions withLoyalty(int periodDays, int loyalPeriods, int lookbackPeriods) {
        return new LifecycleOptions(atRiskDays, lapsedDays, periodDays, loyalPeriods, lookbackPeriods);
    }
}
