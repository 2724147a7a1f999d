package org.loyaltykpi.internal;

/**
 * A value as an error message quotes it, shared by every reader (CSV rows, BTYD summaries) and the domain's own
 * checks: at most {@link #MOST_SHOWN} characters, line breaks, tabs and other control or invisible characters
 * escaped, so that a message stays one short line whatever a file holds (an unclosed quote in a large file holds the
 * rest of the file; a NUL in a column name or a customer id).
 */
public final class Quoted {
    private Quoted() {}

    /** The most characters of a value that a message shows. */
    public static final int MOST_SHOWN = 80;

    /**
     * The value escaped and cut.
     *
     * @param value any text
     * @return the text to put between quotes in a message: at most {@link #MOST_SHOWN} characters, longer values
     *     ending in {@code "... (N characters)"}
     */
    public static String value(String value) {
        StringBuilder s = new StringBuilder();
        int end = Math.min(value.length(), MOST_SHOWN);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (c == '\t') {
                s.append("\\t");
            } else if (Character.isISOControl(c)
                    || c != ' ' && (Character.isSpaceChar(c) || Character.isWhitespace(c))
                    || c == '\uFFFD'
                    || c == '\uFEFF') {
                s.append(String.format("\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        if (value.length() > end) {
            s.append("... (").append(value.length()).append(" characters)");
        }
        return s.toString();
    }
}
