package org.loyaltykpi.document.render;

/** HTML escaping: text goes into element content and quoted attribute values. */
final class HtmlText {
    private HtmlText() {}

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

    /** An id made of letters, digits, '-' and '_' only (other characters become '-'), safe in attributes and CSS. */
    static String id(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                            ? c
                            : '-');
        }
        return out.toString();
    }
}
