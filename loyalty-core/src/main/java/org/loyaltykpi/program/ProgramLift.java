package org.loyaltykpi.program;

import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.retention.PurchaseBehaviour;

/**
 * Members against comparable non-members in one window: repeat purchase rate, purchase frequency and average order
 * value of each group (as defined in {@link PurchaseBehaviour}), and the lift {@code member value / non-member value -
 * 1}.
 *
 * <p><b>Comparable</b>: both groups are existing customers, acquired (first purchase) before the window starts, and
 * active (a purchase) in the window. Members joined the program before the window starts; non-members have no program
 * event before the window ends; customers who join during the window are in neither group. So both groups are judged
 * over the same days and neither contains brand-new customers.
 *
 * <p>This is a comparison, not a causal effect: customers who join a program tend to be the frequent buyers already
 * (self-selection), so a positive lift does not show that the program made them buy more.
 *
 * <p>Edge cases: a lift is empty when either group's metric is undefined (no active customers) or the non-members'
 * value is 0.
 *
 * <pre>{@code
 * ProgramLift lift = ProgramCalculator.lift(table, events, DateRange.year(2025));
 * lift.repeatRateLift();   // OptionalDouble[0.62]: members' repeat rate is 62% higher
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param window the window
 * @param members the members' behaviour in the window
 * @param nonMembers the comparable non-members' behaviour in the window
 */
public record ProgramLift(DateRange window, PurchaseBehaviour members, PurchaseBehaviour nonMembers) {

    /** Validates. */
    public ProgramLift {
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(members, "members must not be null");
        Objects.requireNonNull(nonMembers, "nonMembers must not be null");
    }

    /**
     * The lift of the repeat purchase rate.
     *
     * @return members' rate / non-members' rate - 1, or empty
     */
    public OptionalDouble repeatRateLift() {
        return lift(
                members.repeatPurchaseRate().value(),
                nonMembers.repeatPurchaseRate().value());
    }

    /**
     * The lift of the purchase frequency.
     *
     * @return members' purchases per customer / non-members' - 1, or empty
     */
    public OptionalDouble frequencyLift() {
        return lift(members.purchaseFrequency(), nonMembers.purchaseFrequency());
    }

    /**
     * The lift of the average order value.
     *
     * @return members' average order value / non-members' - 1, or empty
     */
    public OptionalDouble averageOrderValueLift() {
        return lift(members.averageOrderValue(), nonMembers.averageOrderValue());
    }

    private static OptionalDouble lift(OptionalDouble member, OptionalDouble nonMember) {
        if (member.isEmpty() || nonMember.isEmpty() || nonMember.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(member.getAsDouble() / nonMember.getAsDouble() - 1);
    }
}
