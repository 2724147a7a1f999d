/**
 * Loyalty-program metrics from enrol, earn, redeem, tier-change and referral events: participation and active member
 * rates, points earned, redeemed and outstanding (the liability), redemption rate, tier distribution and migration,
 * referrals, and member vs non-member lift (a comparison, not a causal effect).
 *
 * <p>Start with {@link org.loyaltykpi.program.ProgramCalculator}.
 *
 * <pre>{@code
 * ProgramCalculator.points(events);   // earned 380736, redeemed 260700 (68.5%), outstanding 120036
 * }</pre>
 */
package org.loyaltykpi.program;
