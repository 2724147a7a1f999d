package org.loyaltykpi.io;

import java.util.Locale;

/**
 * How the fields of a CSV line are separated.
 *
 * <p>{@link #COMMA}, {@link #SEMICOLON} and {@link #TAB} follow RFC 4180: a field may be quoted with {@code "} (a
 * quote inside is doubled, a quoted field may hold the delimiter and line breaks). {@link #WHITESPACE} splits on runs
 * of spaces and tabs and ignores leading and trailing ones, as in fixed-width exports such as CDNOW's; it has no
 * quoting.
 */
public enum Delimiter {
    /** {@code ,} */
    COMMA(','),
    /** {@code ;} (the usual CSV delimiter where the decimal separator is a comma) */
    SEMICOLON(';'),
    /** a tab character */
    TAB('\t'),
    /** runs of spaces and tabs */
    WHITESPACE(' ');

    private final char character;

    Delimiter(char character) {
        this.character = character;
    }

    /**
     * The separating character; a space for {@link #WHITESPACE}, which also accepts tabs and runs.
     *
     * @return the character
     */
    public char character() {
        return character;
    }

    /**
     * Reads a delimiter the way the CLI takes it: {@code ,} {@code ;} {@code tab} {@code whitespace} (or the names
     * {@code comma}, {@code semicolon}, and {@code \t}).
     *
     * @param text the text
     * @return the delimiter
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Delimiter parse(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case ",":
            case "comma":
                return COMMA;
            case ";":
            case "semicolon":
                return SEMICOLON;
            case "\t":
            case "\\t":
            case "tab":
                return TAB;
            case "whitespace":
            case "space":
            case " ":
                return WHITESPACE;
            default:
                throw new IllegalArgumentException("delimiter must be ',' ';' tab or whitespace: '" + text + "'");
        }
    }
}
