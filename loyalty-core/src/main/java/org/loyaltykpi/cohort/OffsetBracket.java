package org.loyaltykpi.cohort;

/**
 * A range of period offsets after acquisition, for bracketed retention: a customer counts as retained in the bracket
 * if it was active in at least one period of it.
 *
 * <p>Offsets count periods after the cohort's own: offset 0 is the acquisition period. Brackets such as {@code 1-3},
 * {@code 4-6}, {@code 7-12} (months) smooth out the noise of single months.
 *
 * <pre>{@code
 * OffsetBracket.of(1, 3);            // the first quarter after the acquisition month
 * OffsetBracket.parse("4-6");
 * }</pre>
 *
 * @param fromOffset the first offset, {@code >= 0}
 * @param toOffset the last offset, inclusive, {@code >= fromOffset}
 */
public record OffsetBracket(int fromOffset, int toOffset) implements java.io.Serializable {

    /** Validates {@code 0 <= fromOffset <= toOffset}. */
    public OffsetBracket {
        if (fromOffset < 0 || toOffset < fromOffset) {
            throw new IllegalArgumentException(
                    "an offset bracket needs 0 <= from <= to: " + fromOffset + "-" + toOffset);
        }
    }

    /**
     * The bracket {@code from..to}.
     *
     * @param fromOffset the first offset
     * @param toOffset the last offset, inclusive
     * @return the bracket
     */
    public static OffsetBracket of(int fromOffset, int toOffset) {
        return new OffsetBracket(fromOffset, toOffset);
    }

    /**
     * Reads {@code FROM-TO} (or a single offset {@code K}).
     *
     * @param text for example {@code 4-6}
     * @return the bracket
     * @throws IllegalArgumentException naming the text
     */
    public static OffsetBracket parse(String text) {
        String s = text.strip();
        int dash = s.indexOf('-', 1);
        try {
            return dash < 0
                    ? of(Integer.parseInt(s), Integer.parseInt(s))
                    : of(
                            Integer.parseInt(s.substring(0, dash).strip()),
                            Integer.parseInt(s.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an offset bracket is FROM-TO, e.g. 1-3: '" + text + "'", e);
        }
    }

    /**
     * Whether an offset lies in the bracket.
     *
     * @param offset the offset
     * @return {@code fromOffset <= offset <= toOffset}
     */
    public boolean contains(int offset) {
        return offset >= fromOffset && offset <= toOffset;
    }

    /** {@code FROM-TO}, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return fromOffset + "-" + toOffset;
    }
}
