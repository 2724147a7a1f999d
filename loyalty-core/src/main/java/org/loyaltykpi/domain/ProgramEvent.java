package org.loyaltykpi.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.internal.EnumNames;

/**
 * One event of a loyalty program: a customer enrols, earns points, redeems points, changes tier or refers another
 * customer.
 *
 * <p>Which fields an event has depends on its kind:
 *
 * <table>
 *   <caption>Fields per kind</caption>
 *   <tr><th>kind</th><th>points</th><th>tier</th><th>referred</th></tr>
 *   <tr><td>{@code enrol}</td><td>0</td><td>optional (the starting tier)</td><td>none</td></tr>
 *   <tr><td>{@code earn}, {@code redeem}</td><td>{@code > 0}</td><td>none</td><td>none</td></tr>
 *   <tr><td>{@code tier_change}</td><td>0</td><td>the new tier</td><td>none</td></tr>
 *   <tr><td>{@code referral}</td><td>0</td><td>none</td><td>the referred customer, not the referrer</td></tr>
 * </table>
 *
 * <pre>{@code
 * ProgramEvent.enrol(CustomerId.of("C1"), LocalDate.of(2025, 3, 1), Tier.BRONZE);
 * ProgramEvent.earn(CustomerId.of("C1"), LocalDate.of(2025, 3, 1), 42);
 * ProgramEvent.referral(CustomerId.of("C1"), LocalDate.of(2025, 4, 2), CustomerId.of("C7"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the member the event is about
 * @param date the day of the event
 * @param kind what happened
 * @param points points earned or redeemed (earn, redeem), else 0; never negative
 * @param tier the new tier of a tier change, the starting tier of an enrolment if known, else empty
 * @param referred the customer a referral brought, else empty
 */
public record ProgramEvent(
        CustomerId customer,
        LocalDate date,
        Kind kind,
        long points,
        Optional<Tier> tier,
        Optional<CustomerId> referred) {

    /** The kinds of program event. */
    public enum Kind {
        /** The customer joins the program. */
        ENROL,
        /** The customer earns points. */
        EARN,
        /** The customer spends points. */
        REDEEM,
        /** The customer moves to another tier. */
        TIER_CHANGE,
        /** The customer brings another customer. */
        REFERRAL;

        /**
         * The name as written in files.
         *
         * @return {@code enrol}, {@code earn}, {@code redeem}, {@code tier_change} or {@code referral}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Whether events of this kind carry points ({@code > 0}): earn and redeem; the others carry none.
         *
         * @return true for {@code EARN} and {@code REDEEM}
         */
        public boolean movesPoints() {
            return this == EARN || this == REDEEM;
        }

        /**
         * Whether events of this kind may name a tier: a tier change must, an enrolment may (its starting tier).
         *
         * @return true for {@code TIER_CHANGE} and {@code ENROL}
         */
        public boolean allowsTier() {
            return this == TIER_CHANGE || this == ENROL;
        }

        /**
         * Reads a kind by its label, ignoring case.
         *
         * @param text the label
         * @return the kind
         * @throws IllegalArgumentException naming the value and the known kinds
         */
        public static Kind parse(String text) {
            return EnumNames.parse(Kind.class, text, "event must be one of enrol, earn, redeem, tier_change, referral");
        }
    }

    /** Validates the fields against the kind. */
    public ProgramEvent {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(tier, "tier must not be null (use Optional.empty())");
        Objects.requireNonNull(referred, "referred must not be null (use Optional.empty())");
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
        boolean pointEvent = kind.movesPoints();
        if (pointEvent && points == 0) {
            throw new IllegalArgumentException("points of a " + kind.label() + " event must be > 0: " + points);
        }
        if (!pointEvent && points != 0) {
            throw new IllegalArgumentException("points must be 0 for a " + kind.label() + " event: " + points);
        }
        if (kind == Kind.TIER_CHANGE && tier.isEmpty()) {
            throw new IllegalArgumentException("tier of a tier_change event must be given: " + tier);
        }
        if (!kind.allowsTier() && tier.isPresent()) {
            throw new IllegalArgumentException("tier must be empty for a " + kind.label() + " event: " + tier.get());
        }
        if (kind == Kind.REFERRAL && referred.isEmpty()) {
            throw new IllegalArgumentException("referred of a referral event must be the referred customer: empty");
        }
        if (kind != Kind.REFERRAL && referred.isPresent()) {
            throw new IllegalArgumentException(
                    "referred must be empty for a " + kind.label() + " event: " + referred.get());
        }
        if (referred.isPresent() && referred.get().equals(customer)) {
            throw new IllegalArgumentException("referred must differ from the referring customer: " + customer);
        }
    }

    /**
     * An enrolment without a known starting tier.
     *
     * @param customer the customer
     * @param date the day
     * @return the event
     */
    public static ProgramEvent enrol(CustomerId customer, LocalDate date) {
        return new ProgramEvent(customer, date, Kind.ENROL, 0, Optional.empty(), Optional.empty());
    }

    /**
     * An enrolment in a starting tier.
     *
     * @param customer the customer
     * @param date the day
     * @param tier the starting tier
     * @return the event
     */
    public static ProgramEvent enrol(CustomerId customer, LocalDate date, Tier tier) {
        return new ProgramEvent(customer, date, Kind.ENROL, 0, Optional.of(tier), Optional.empty());
    }

    /**
     * Points earned.
     *
     * @param customer the customer
     * @param date the day
     * @param points the points, {@code > 0}
     * @return the event
     */
    public static ProgramEvent earn(CustomerId customer, LocalDate date, long points) {
        return new ProgramEvent(customer, date, Kind.EARN, points, Optional.empty(), Optional.empty());
    }

    /**
     * Points redeemed.
     *
     * @param customer the customer
     * @param date the day
     * @param points the points, {@code > 0}
     * @return the event
     */
    public static ProgramEvent redeem(CustomerId customer, LocalDate date, long points) {
        return new ProgramEvent(customer, date, Kind.REDEEM, points, Optional.empty(), Optional.empty());
    }

    /**
     * A move to another tier.
     *
     * @param customer the customer
     * @param date the day
     * @param tier the new tier
     * @return the event
     */
    public static ProgramEvent tierChange(CustomerId customer, LocalDate date, Tier tier) {
        return new ProgramEvent(customer, date, Kind.TIER_CHANGE, 0, Optional.of(tier), Optional.empty());
    }

    /**
     * A referral.
     *
     * @param customer the referring customer
     * @param date the day
     * @param referred the referred customer
     * @return the event
     */
    public static ProgramEvent referral(CustomerId customer, LocalDate date, CustomerId referred) {
        return new ProgramEvent(customer, date, Kind.REFERRAL, 0, Optional.empty(), Optional.of(referred));
    }
}
