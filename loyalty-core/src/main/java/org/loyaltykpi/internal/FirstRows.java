package org.loyaltykpi.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The readable {@code toString} of a result that holds rows: a count and the first few rows, never thousands of
 * lines.
 */
public final class FirstRows {
    /** Rows shown before "... N more". */
    public static final int SHOWN = 3;

    private FirstRows() {}

    /**
     * {@code "2000 [a, b, c, ... 1997 more]"}, or {@code "2 [a, b]"} when all rows fit.
     *
     * @param rows the rows
     * @return the count and the first {@value #SHOWN} rows
     */
    public static String of(Collection<?> rows) {
        StringBuilder s = new StringBuilder().append(rows.size()).append(" [");
        Iterator<?> it = rows.iterator();
        for (int i = 0; i < SHOWN && it.hasNext(); i++) {
            s.append(i == 0 ? "" : ", ").append(it.next());
        }
        if (rows.size() > SHOWN) {
            s.append(", ... ").append(rows.size() - SHOWN).append(" more");
        }
        return s.append(']').toString();
    }

    /**
     * {@code "24 {k=v, k=v, k=v, ... 21 more}"}, or all entries when they fit.
     *
     * @param entries the entries, in their map's order
     * @return the count and the first {@value #SHOWN} entries
     */
    public static String of(Map<?, ?> entries) {
        StringBuilder s = new StringBuilder().append(entries.size()).append(" {");
        Iterator<? extends Map.Entry<?, ?>> it = entries.entrySet().iterator();
        for (int i = 0; i < SHOWN && it.hasNext(); i++) {
            Map.Entry<?, ?> e = it.next();
            s.append(i == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        if (entries.size() > SHOWN) {
            s.append(", ... ").append(entries.size() - SHOWN).append(" more");
        }
        return s.append('}').toString();
    }
}
