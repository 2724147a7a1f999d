package org.loyaltykpi.document;

import java.util.regex.Pattern;

/** The one rule for ids: camelCase ASCII, usable as a JSON field, an HTML id and a CSV header. */
final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*");

    private Ids() {}

    static String check(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " id must be camelCase ASCII ([a-z][A-Za-z0-9]*), got: " + id);
        }
        return id;
    }
}
