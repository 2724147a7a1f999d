package org.loyaltykpi.domain;

import java.util.Locale;
import org.loyaltykpi.internal.EnumNames;

/**
 * The tiers of a loyalty program, lowest first: {@code bronze}, {@code silver}, {@code gold}, {@code platinum}.
 *
 * <pre>{@code
 * Tier.parse("Gold");   // GOLD
 * Tier.GOLD.label();    // "gold"
 * }</pre>
 */
public enum Tier {
    /** The entry tier. */
    BRONZE,
    /** The second tier. */
    SILVER,
    /** The third tier. */
    GOLD,
    /** The top tier. */
    PLATINUM;

    /**
     * The name as written in files.
     *
     * @return the lower-case name, for example {@code gold}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a tier by name, ignoring case.
     *
     * @param text the name
     * @return the tier
     * @throws IllegalArgumentException naming the value and the known tiers
     */
    public static Tier parse(String text) {
        return EnumNames.parse(Tier.class, text, "tier must be one of bronze, silver, gold, platinum");
    }
}
