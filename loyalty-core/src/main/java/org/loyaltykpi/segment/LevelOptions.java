package org.loyaltykpi.segment;

import java.util.Objects;

/**
 * The thresholds of the {@link LoyaltyLevel} classification.
 *
 * <p>As of a day {@code D} (exclusive: purchases and signals on days before {@code D}):
 *
 * <ul>
 *   <li>behaviour is high when the customer bought on at least {@code minPurchaseDays} distinct days (2 at least: a
 *       repeat purchase) in the behaviour window {@code [D - behaviourWindowDays, D)};
 *   <li>a customer of {@link Attitude#NEGATIVE} attitude with no purchase in {@code [D - churnWindowDays, D)} has
 *       churned: {@link LoyaltyLevel#NEGATIVE};
 *   <li>an NPS passive (7-8) has the attitude {@code passiveAttitude}.
 * </ul>
 *
 * <p>Defaults ({@link #defaults()}): a 365-day behaviour window, 4 purchase days in it (one a quarter on average),
 * churned after 180 days without a purchase, passives low (Reichheld's passives are "satisfied but unenthusiastic":
 * not the high relative attitude of true loyalty).
 *
 * <pre>{@code
 * LevelOptions.defaults().withMinPurchaseDays(3).withPassiveAttitude(Attitude.HIGH);
 * }</pre>
 *
 * @param behaviourWindowDays the behaviour window in days, {@code >= 1}
 * @param minPurchaseDays purchase days in the window for high behaviour, {@code >= 2}
 * @param churnWindowDays days without a purchase after which a negative customer has churned, {@code >= 1}
 * @param passiveAttitude the attitude of an NPS passive: {@code LOW} or {@code HIGH}
 */
public record LevelOptions(
        int behaviourWindowDays, int minPurchaseDays, int churnWindowDays, Attitude passiveAttitude) {

    /** Validates the thresholds. */
    public LevelOptions {
        if (behaviourWindowDays < 1) {
            throw new IllegalArgumentException("behaviourWindowDays must be >= 1: " + behaviourWindowDays);
        }
        if (minPurchaseDays < 2) {
            throw new IllegalArgumentException(
                    "minPurchaseDays must be >= 2 (high behaviour needs a repeat purchase): " + minPurchaseDays);
        }
        if (churnWindowDays < 1) {
            throw new IllegalArgumentException("churnWindowDays must be >= 1: " + churnWindowDays);
        }
        Objects.requireNonNull(passiveAttitude, "passiveAttitude must not be null");
        if (passiveAttitude == Attitude.NEGATIVE) {
            throw new IllegalArgumentException("passiveAttitude must be LOW or HIGH: " + passiveAttitude);
        }
    }

    /**
     * The defaults: 365-day window, 4 purchase days, 180-day churn window, passives low.
     *
     * @return the default options
     */
    public static LevelOptions defaults() {
        return new LevelOptions(365, 4, 180, Attitude.LOW);
    }

    /**
     * These options with another behaviour window.
     *
     * @param days the window, {@code >= 1}
     * @return a copy
     */
    public LevelOptions withBehaviourWindowDays(int days) {
        return new LevelOptions(days, minPurchaseDays, churnWindowDays, passiveAttitude);
    }

    /**
     * These options with another purchase-day threshold.
     *
     * @param days purchase days in the window for high behaviour, {@code >= 2}
     * @return a copy
     */
    public LevelOptions withMinPurchaseDays(int days) {
        return new LevelOptions(behaviourWindowDays, days, churnWindowDays, passiveAttitude);
    }

    /**
     * These options with another churn window.
     *
     * @param days the window, {@code >= 1}
     * @return a copy
     */
    public LevelOptions withChurnWindowDays(int days) {
        return new LevelOptions(behaviourWindowDays, minPurchaseDays, days, passiveAttitude);
    }

    /**
     * These options with another attitude for NPS passives.
     *
     * @param attitude {@code LOW} or {@code HIGH}
     * @return a copy
     */
    public LevelOptions withPassiveAttitude(Attitude attitude) {
        return new LevelOptions(behaviourWindowDays, minPurchaseDays, churnWindowDays, attitude);
    }
}
