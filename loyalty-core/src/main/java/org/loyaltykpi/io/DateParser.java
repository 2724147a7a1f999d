package org.loyaltykpi.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Parses dates of one pattern strictly to epoch days, with a fast path for {@code yyyy-MM-dd} and {@code yyyyMMdd}.
 */
abstract class DateParser {

    /** Parses a date, throwing {@link DateTimeException} if the text is not a valid date of the pattern. */
    abstract int epochDay(String text);

    static DateParser of(String pattern) {
        if (pattern.equals("yyyy-MM-dd") || pattern.equals("uuuu-MM-dd")) {
            return new Digits(true);
        }
        if (pattern.equals("yyyyMMdd") || pattern.equals("uuuuMMdd")) {
            return new Digits(false);
        }
        DateTimeFormatter formatter;
        try {
            // STRICT rejects 2024-02-30 instead of moving it to 2024-02-29; it needs 'u' (proleptic year) for 'y'.
            formatter = DateTimeFormatter.ofPattern(yearOfEraToYear(pattern), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "date pattern is not a valid DateTimeFormatter pattern: '" + pattern + "' (" + e.getMessage() + ")",
                    e);
        }
        return new Formatted(formatter);
    }

    /** Replaces pattern letter {@code y} by {@code u} outside quoted literals, unless an era {@code G} is present. */
    private static String yearOfEraToYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        boolean hasEra = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'G') {
                hasEra = true;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return hasEra ? pattern : out.toString();
    }

    private static final class Digits extends DateParser {
        private final boolean dashes;

        Digits(boolean dashes) {
            this.dashes = dashes;
        }

        @Override
        int epochDay(String text) {
            int length = dashes ? 10 : 8;
            if (text.length() != length || dashes && (text.charAt(4) != '-' || text.charAt(7) != '-')) {
                throw new DateTimeException("wrong shape");
            }
            int year = digits(text, 0, 4);
            int month = digits(text, dashes ? 5 : 4, 2);
            int day = digits(text, dashes ? 8 : 6, 2);
            return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
        }

        private static int digits(String text, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new DateTimeException("not a digit");
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }

    private static final class Formatted extends DateParser {
        private final DateTimeFormatter formatter;

        Formatted(DateTimeFormatter formatter) {
            this.formatter = formatter;
        }

        @Override
        int epochDay(String text) {
            return Math.toIntExact(LocalDate.parse(text, formatter).toEpochDay());
        }
    }
}
