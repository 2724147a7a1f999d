package org.loyaltykpi.internal;

import java.util.Locale;
import java.util.Optional;

/** The one parser of enum names in CSV files and on the command line: case-insensitive, surrounding blanks ignored. */
public final class EnumNames {
    private EnumNames() {}

    /**
     * The constant of an enum named by a text.
     *
     * @param <E> the enum
     * @param type the enum's class
     * @param text the name in any case, with or without surrounding blanks
     * @return the constant, or empty if none has that name
     */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The constant of an enum named by a text, or an error that says what is expected.
     *
     * @param <E> the enum
     * @param type the enum's class
     * @param text the name in any case, with or without surrounding blanks
     * @param expected the start of the error message, e.g. {@code "tier must be one of bronze, silver"}
     * @return the constant
     * @throws IllegalArgumentException "EXPECTED: 'TEXT'" if no constant has that name
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String expected) {
        return find(type, text).orElseThrow(() -> new IllegalArgumentException(expected + ": '" + text + "'"));
    }
}
