package org.loyaltykpi.cli;

/** HTML escaping for the report's HTML output: text goes into element content and attribute values. */
final class Html {
    private Html() {}

    /** Escapes {@code & < > " '} so that {@code text} reads as itself inside element content or a quoted attribute. */
    static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
