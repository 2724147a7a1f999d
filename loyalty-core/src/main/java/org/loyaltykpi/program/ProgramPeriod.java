package org.loyaltykpi.program;

import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.Checks;

/**
 * The loyalty program in one period: membership, activity, points and referrals.
 *
 * <p>Words: a <b>customer</b> (as of the period's end) has a purchase or a program event before the period ends; a
 * <b>member</b> has a program event before the period ends (membership starts with the first event, normally the
 * enrolment, and does not end); an <b>active member</b> is a member with a purchase or a program event in the period;
 * a <b>referrer</b> is a member with a referral event in the period.
 *
 * <table>
 *   <caption>Metrics and formulas</caption>
 *   <tr><th>method</th><th>formula</th><th>unit</th></tr>
 *   <tr><td>{@link #participationRate()}</td><td>members / customers</td><td>share</td></tr>
 *   <tr><td>{@link #activeMemberRate()}</td><td>active members / members</td><td>share</td></tr>
 *   <tr><td>{@link #referralRate()}</td><td>referrers / members</td><td>share</td></tr>
 *   <tr><td>{@link #referredPerReferrer()}</td><td>distinct referred customers / referrers</td><td>customers</td></tr>
 *   <tr><td>{@code points().redemptionRate()}</td><td>redeemed / earned in the period</td><td>fraction, can exceed 1
 *       </td></tr>
 *   <tr><td>{@code balance().outstanding()}</td><td>earned - redeemed up to the period's end (the liability)</td>
 *       <td>points</td></tr>
 * </table>
 *
 * <p>Edge cases: no customers, members or referrers give undefined (empty) rates, never {@code NaN}.
 *
 * <pre>{@code
 * ProgramPeriod q = ProgramCalculator.series(table, events, range, Granularity.QUARTER).get(0);
 * q.participationRate();   // 35.2% (704/2000)
 * q.balance().outstanding();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param customers customers as of the period's end
 * @param members members as of the period's end
 * @param newMembers members whose first program event is in the period
 * @param activeMembers members with a purchase or program event in the period
 * @param referrers members with a referral in the period
 * @param referredCustomers distinct customers referred in the period
 * @param points points earned and redeemed in the period
 * @param balance points earned and redeemed up to the period's end
 */
public record ProgramPeriod(
        DateRange period,
        long customers,
        long members,
        long newMembers,
        long activeMembers,
        long referrers,
        long referredCustomers,
        PointsSummary points,
        PointsSummary balance) {

    /** Validates that the counts are consistent. */
    public ProgramPeriod {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(points, "points must not be null");
        Objects.requireNonNull(balance, "balance must not be null");
        Checks.atMost("members", members, "customers", customers);
        Checks.atMost("newMembers", newMembers, "members", members);
        Checks.atMost("activeMembers", activeMembers, "members", members);
        Checks.atMost("referrers", referrers, "members", members);
        if (referredCustomers < 0 || referrers == 0 && referredCustomers > 0) {
            throw new IllegalArgumentException(
                    "referredCustomers must be >= 0, and 0 without referrers: " + referredCustomers);
        }
    }

    /**
     * The share of customers in the program.
     *
     * @return members / customers
     */
    public Ratio participationRate() {
        return Ratio.of(members, customers);
    }

    /**
     * The share of members who did something in the period.
     *
     * @return active members / members
     */
    public Ratio activeMemberRate() {
        return Ratio.of(activeMembers, members);
    }

    /**
     * The share of members who referred someone in the period.
     *
     * @return referrers / members
     */
    public Ratio referralRate() {
        return Ratio.of(referrers, members);
    }

    /**
     * Customers brought per referring member.
     *
     * @return referred customers / referrers, or empty without referrers
     */
    public OptionalDouble referredPerReferrer() {
        return referrers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) referredCustomers / referrers);
    }
}
