package org.loyaltykpi.domain;

import java.util.Objects;
import org.loyaltykpi.internal.Quoted;

/**
 * The identifier of a customer (or of a survey respondent), as the source system spells it.
 *
 * <p>Ids are compared as exact strings: {@code "00042"} and {@code "42"} are different customers. Leading and
 * trailing white space is not part of an id and is rejected rather than trimmed, so that a stray space in an export
 * never splits one customer in two silently. White space here is any Unicode white space or space character: an
 * em space or a no-break space at either end is rejected like an ASCII space (the CSV readers trim only ASCII spaces
 * and tabs around a field, so such an id is an error naming its line, never merged with the trimmed id).
 *
 * <pre>{@code
 * CustomerId id = CustomerId.of("C0001");
 * id.value();   // "C0001"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id; not blank, without leading or trailing white space
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

    /** Validates the id. */
    public CustomerId {
        check(value);
    }

    /**
     * Validates an ASCII id given as bytes, as {@link #check(String)} does its string, without making the string
     * unless it is invalid.
     */
    static void check(byte[] ascii, int from, int to) {
        // for ASCII, the white space of String.strip (Character.isSpaceChar adds none)
        if (to <= from || Character.isWhitespace(ascii[from]) || Character.isWhitespace(ascii[to - 1])) {
            check(new String(ascii, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    /** Validates an id without making a record of it (a table's loader checks a million ids). */
    static void check(String value) {
        Objects.requireNonNull(value, "customer id must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank: '" + Quoted.value(value) + "'");
        }
        if (!value.equals(value.strip())
                || Character.isSpaceChar(value.codePointAt(0))
                || Character.isSpaceChar(value.codePointBefore(value.length()))) {
            throw new IllegalArgumentException(
                    "customer id must not start or end with white space: '" + Quoted.value(value) + "'");
        }
    }

    /**
     * Returns the id for a value.
     *
     * @param value the id
     * @return the id
     * @throws IllegalArgumentException if the value is blank or has surrounding white space
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    /** Returns the id itself, so that ids print as the source system spells them. */
    @Override
    public String toString() {
        return value;
    }
}
