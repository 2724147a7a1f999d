package org.loyaltykpi.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column of a CSV file, chosen by its header name or by its 1-based position.
 *
 * <pre>{@code
 * ColumnRef.parse("dollar_value");   // by name (needs a header line)
 * ColumnRef.parse("4");              // the 4th column, with or without header
 * }</pre>
 *
 * <p>A text made only of digits is a position. Immutable and thread-safe.
 *
 * @param name the header name, or empty when chosen by position
 * @param position the 1-based position, or 0 when chosen by name
 */
public record ColumnRef(Optional<String> name, int position) {

    /** Validates that exactly one of name and position is given. */
    public ColumnRef {
        Objects.requireNonNull(name, "name must not be null (use Optional.empty())");
        if (name.isPresent() == (position != 0)) {
            throw new IllegalArgumentException(
                    "a column is chosen by a name or by a position, not both: " + name.orElse("") + " / " + position);
        }
        if (position < 0) {
            throw new IllegalArgumentException("column position is 1-based: " + position);
        }
        if (name.isPresent() && name.get().isBlank()) {
            throw new IllegalArgumentException("column name must not be blank: '" + name.get() + "'");
        }
    }

    /**
     * A column by header name.
     *
     * @param name the header name
     * @return the reference
     */
    public static ColumnRef named(String name) {
        return new ColumnRef(Optional.of(name.strip()), 0);
    }

    /**
     * A column by 1-based position.
     *
     * @param position 1 for the first column
     * @return the reference
     */
    public static ColumnRef at(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("column position is 1-based: " + position);
        }
        return new ColumnRef(Optional.empty(), position);
    }

    /**
     * A position if the text is all digits, otherwise a name.
     *
     * @param text the text
     * @return the reference
     */
    public static ColumnRef parse(String text) {
        String s = text.strip();
        if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return at(Integer.parseInt(s));
        }
        return named(s);
    }

    /**
     * Finds the 0-based index of this column.
     *
     * @param header the header names, or empty when the file has no header
     * @return the index, or empty if the name is not in the header (or there is no header)
     */
    Optional<Integer> resolve(Optional<List<String>> header) {
        if (name.isEmpty()) {
            return Optional.of(position - 1);
        }
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = header.get();
        int exact = names.indexOf(name.get());
        if (exact >= 0) {
            return Optional.of(exact);
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name.get())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The 1-based positions of the header columns this name could mean when it is ambiguous: several columns of
     * exactly this name, or (with none of exactly this name) several of this name in another case.
     *
     * @param header the header names
     * @return the positions, empty when the name is a position or names at most one column
     */
    List<Integer> ambiguity(Optional<List<String>> header) {
        if (name.isEmpty() || header.isEmpty()) {
            return List.of();
        }
        List<Integer> exact = new java.util.ArrayList<>();
        List<Integer> anyCase = new java.util.ArrayList<>();
        List<String> names = header.get();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name.get())) {
                exact.add(i + 1);
            }
            if (names.get(i).equalsIgnoreCase(name.get())) {
                anyCase.add(i + 1);
            }
        }
        List<Integer> candidates = exact.isEmpty() ? anyCase : exact;
        return candidates.size() > 1 ? List.copyOf(candidates) : List.of();
    }

    /** The name, or {@code #position}. */
    @Override
    public String toString() {
        return name.orElseGet(() -> "#" + position);
    }
}
