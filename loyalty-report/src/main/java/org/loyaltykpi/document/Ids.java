package org.loyaltykpi.document;

import java.util.regex.Pattern;

/**
 * The one rule for ids: camelCase ASCII names, usable as a JSON field, an HTML id and a CSV header; a command's
 * fields may join names with dots ({@code retention.customers.active}), which its JSON nests
 * ({@link org.loyaltykpi.document.render.JsonRenderer#renderFields}); after the first, a name may be a number, an
 * array index ({@code values.0}, written as an array), or a range of numbers ({@code brackets.1-3}, an offset range).
 */
final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*(\\.([a-z][A-Za-z0-9]*|[0-9]+(-[0-9]+)?))*");

    private Ids() {}

    static String check(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what
                    + " id must be camelCase ASCII names joined by dots ([a-z][A-Za-z0-9]*; after the first also 0, 1-3), got: "
                    + id);
        }
        return id;
    }
}
