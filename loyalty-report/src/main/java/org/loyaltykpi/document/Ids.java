package org.loyaltykpi.document;

import java.util.regex.Pattern;

/**
 * The one rule for ids: camelCase ASCII names, usable as a JSON field, an HTML id and a CSV header; a command's
 * fields may join names with dots ({@code retention.customers.active}), which its JSON nests
 * ({@link org.loyaltykpi.document.render.JsonRenderer#renderFields}).
 */
final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");

    private Ids() {}

    static String check(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    what + " id must be camelCase ASCII names joined by dots ([a-z][A-Za-z0-9]*), got: " + id);
        }
        return id;
    }
}
