package org.loyaltykpi.segment;

/**
 * The loyalty levels of Dick and Basu's matrix (Dick and Basu 1994, "Customer loyalty: toward an integrated conceptual
 * framework", Journal of the Academy of Marketing Science 22(2), 99-113): relative attitude (high / low, see {@link
 * Attitude}) crossed with repeat patronage (high / low, see {@link LevelOptions}), plus the customers who turned
 * against the shop and those of unknown attitude.
 *
 * <table>
 *   <caption>The matrix</caption>
 *   <tr><th></th><th>high repeat</th><th>low repeat</th></tr>
 *   <tr><th>high attitude</th><td>TRUE</td><td>LATENT</td></tr>
 *   <tr><th>low attitude</th><td>SPURIOUS</td><td>ABSENT</td></tr>
 * </table>
 *
 * <p>A customer whose latest attitude is {@link Attitude#NEGATIVE} (a detractor or a negative reviewer) and who has not
 * bought in the churn window is {@link #NEGATIVE} instead; one who still buys stays in the matrix with a low
 * attitude. A customer with no attitude signal is {@link #UNKNOWN}: counted, never guessed.
 *
 * <pre>{@code
 * levels.distribution().share(LoyaltyLevel.SPURIOUS);   // buying without liking: at risk to a competitor's offer
 * }</pre>
 */
public enum LoyaltyLevel {
    /** High attitude, high repeat purchasing: the loyal customers. */
    TRUE,
    /** High attitude, low repeat purchasing: they like the shop but buy little (price, access, habit elsewhere). */
    LATENT,
    /** Low attitude, high repeat purchasing: false loyalty out of inertia or convenience. */
    SPURIOUS,
    /** Low attitude, low repeat purchasing: no loyalty. */
    ABSENT,
    /** A detractor or negative reviewer who has churned (no purchase in the churn window). */
    NEGATIVE,
    /** No attitude signal up to the as-of date: the attitude is not guessed. */
    UNKNOWN
}
