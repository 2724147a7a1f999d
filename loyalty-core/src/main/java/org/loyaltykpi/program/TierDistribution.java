package org.loyaltykpi.program;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Tier;

/**
 * How the members are spread over the tiers on a day: each member in the tier of its latest tier change (or of its
 * enrolment, if that named a tier) on or before the day; members who never had a tier are counted as untiered, never
 * put in a tier by guess.
 *
 * <p>The tier shares and the untiered share sum to 100 % of the members. With no members every share is undefined.
 *
 * <pre>{@code
 * TierDistribution d = ProgramCalculator.tierDistribution(events, LocalDate.of(2025, 12, 31));
 * d.share(Tier.GOLD);   // 8.1% (57/704)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day (inclusive)
 * @param counts members per tier, every tier present (0 if none); copied
 * @param untiered members without a tier
 */
public record TierDistribution(LocalDate asOf, Map<Tier, Long> counts, long untiered) {

    /** Validates and copies. */
    public TierDistribution {
        Objects.requireNonNull(asOf, "asOf must not be null");
        EnumMap<Tier, Long> copy = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            long c = counts.getOrDefault(t, 0L);
            if (c < 0) {
                throw new IllegalArgumentException("count of tier " + t.label() + " must be >= 0: " + c);
            }
            copy.put(t, c);
        }
        if (untiered < 0) {
            throw new IllegalArgumentException("untiered must be >= 0: " + untiered);
        }
        counts = Map.copyOf(copy);
    }

    /**
     * All members on the day.
     *
     * @return the tier counts plus the untiered
     */
    public long members() {
        return counts.values().stream().mapToLong(Long::longValue).sum() + untiered;
    }

    /**
     * The members in a tier.
     *
     * @param tier the tier
     * @return the count
     */
    public long count(Tier tier) {
        return counts.get(tier);
    }

    /**
     * The share of members in a tier.
     *
     * @param tier the tier
     * @return members in the tier / members
     */
    public Ratio share(Tier tier) {
        return Ratio.of(count(tier), members());
    }

    /**
     * The share of members without a tier.
     *
     * @return untiered / members
     */
    public Ratio untieredShare() {
        return Ratio.of(untiered, members());
    }
}
