package org.loyaltykpi.domain;

import java.util.Locale;
import org.loyaltykpi.internal.EnumNames;

/**
 * What a marketing spend was for. Only {@link #ACQUISITION} spend enters the customer acquisition cost: money spent to
 * keep or win back existing customers (loyalty programmes, win-back mailings) does not buy new customers.
 *
 * <pre>{@code
 * SpendKind.parse("retention");   // RETENTION
 * SpendKind.ACQUISITION.label();  // "acquisition"
 * }</pre>
 */
public enum SpendKind {
    /** Spend to win new customers; the numerator of CAC. */
    ACQUISITION,
    /** Spend on existing customers (retention, win-back, loyalty programme). */
    RETENTION,
    /** Any other marketing spend (brand, ...). */
    OTHER;

    /**
     * Reads a kind by name, ignoring case and surrounding white space.
     *
     * @param name {@code acquisition}, {@code retention} or {@code other}
     * @return the kind
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static SpendKind parse(String name) {
        return EnumNames.parse(SpendKind.class, name, "spend kind must be acquisition, retention or other");
    }

    /** The name in lower case, as CSV files and JSON write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
