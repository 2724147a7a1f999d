package org.loyaltykpi.document;

import java.util.regex.Pattern;

/**
 * The rules for ids. Sections, tables and charts: camelCase ASCII names, usable as a JSON field, an HTML id and a CSV
 * header; a command's fields may join names with dots ({@code retention.customers.active}), which its JSON nests
 * ({@link org.loyaltykpi.document.render.JsonRenderer#renderFields}).
 *
 * <p>Figures and columns are fields of a command's JSON or headers of its CSV, which sometimes keep names that are not
 * camelCase: a lower-kebab code as a key ({@code reasons.no-repeat}), a file format's own columns ({@code customer_id},
 * lifetimes' {@code T}), a name from the data (a covariate {@code channel=web}). Their names are any text without a dot
 * or a control character, joined by dots.
 */
final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");
    private static final Pattern FIELD = Pattern.compile("[^.\\p{Cntrl}]+(\\.[^.\\p{Cntrl}]+)*");

    private Ids() {}

    static String check(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    what + " id must be camelCase ASCII names joined by dots ([a-z][A-Za-z0-9]*), got: " + id);
        }
        return id;
    }

    /** The id of a figure or a column: names without dots or control characters, joined by dots. */
    static String field(String id, String what) {
        if (id == null || !FIELD.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    what + " id must be names without dots or control characters joined by dots, got: " + id);
        }
        return id;
    }
}
