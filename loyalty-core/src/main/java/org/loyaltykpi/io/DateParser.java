package org.loyaltykpi.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses dates of one pattern strictly to epoch days, with a fast path for {@code yyyy-MM-dd} and {@code yyyyMMdd}.
 *
 * <p>The ISO pattern {@code yyyy-MM-dd} also reads ISO date-times as shops export them: {@code 2024-03-05T14:22:10},
 * {@code 2024-03-05 14:22}, {@code 2024-03-05T14:22:10.123Z}, {@code 2024-03-05 14:22:10 +0100}, {@code
 * 2024-03-05T14:22:10+01:00[Europe/Paris]}. With a time zone, a date-time with an offset or zone becomes its calendar
 * date in that zone; without one (or without an offset in the text) the date is taken as written. A pattern with an
 * offset or zone ({@code yyyy-MM-dd HH:mm:ss Z}) converts the same way.
 */
abstract class DateParser {

    /** Parses a date, throwing {@link DateTimeException} if the text is not a valid date of the pattern. */
    abstract int epochDay(String text);

    static DateParser of(String pattern) {
        return of(pattern, Optional.empty());
    }

    static DateParser of(String pattern, Optional<ZoneId> zone) {
        if (pattern.equals("yyyy-MM-dd") || pattern.equals("uuuu-MM-dd")) {
            return new Digits(true, zone);
        }
        if (pattern.equals("yyyyMMdd") || pattern.equals("uuuuMMdd")) {
            return new Digits(false, zone);
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
        return new Formatted(formatter, zone);
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
        private final Optional<ZoneId> zone;

        Digits(boolean dashes, Optional<ZoneId> zone) {
            this.dashes = dashes;
            this.zone = zone;
        }

        @Override
        int epochDay(String text) {
            if (dashes && text.length() > 10) {
                return dateTime(text);
            }
            int length = dashes ? 10 : 8;
            if (text.length() != length || dashes && (text.charAt(4) != '-' || text.charAt(7) != '-')) {
                throw new DateTimeException("wrong shape");
            }
            int year = digits(text, 0, 4);
            int month = digits(text, dashes ? 5 : 4, 2);
            int day = digits(text, dashes ? 8 : 6, 2);
            return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
        }

        /** An ISO date-time: date, 'T' or a space, a time, then an optional offset or zone (with an optional space). */
        private int dateTime(String text) {
            char separator = text.charAt(10);
            if (separator != 'T' && separator != 't' && separator != ' ') {
                throw new DateTimeException("not a date-time");
            }
            LocalDate date = LocalDate.ofEpochDay(epochDay(text.substring(0, 10)));
            int i = 11;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || ":.,".indexOf(text.charAt(i)) >= 0)) {
                i++;
            }
            LocalTime time = LocalTime.parse(text.substring(11, i).replace(',', '.'));
            String rest = text.substring(i).strip();
            if (rest.isEmpty()) {
                return Math.toIntExact(date.toEpochDay());
            }
            ZoneId written = zoneOf(rest);
            if (zone.isEmpty()) {
                return Math.toIntExact(date.toEpochDay());
            }
            return Math.toIntExact(ZonedDateTime.of(date, time, written)
                    .withZoneSameInstant(zone.get())
                    .toLocalDate()
                    .toEpochDay());
        }

        private static ZoneId zoneOf(String text) {
            String t = text;
            if (t.equals("Z") || t.equals("z") || t.equals("UTC") || t.equals("GMT")) {
                return ZoneOffset.UTC;
            }
            int bracket = t.indexOf('[');
            if (bracket >= 0) {
                if (!t.endsWith("]")) {
                    throw new DateTimeException("unclosed zone");
                }
                return ZoneId.of(t.substring(bracket + 1, t.length() - 1));
            }
            if (t.charAt(0) == '+' || t.charAt(0) == '-') {
                String digits = t.substring(1).replace(":", "");
                if (!digits.chars().allMatch(Character::isDigit)
                        || (digits.length() != 2 && digits.length() != 4 && digits.length() != 6)) {
                    throw new DateTimeException("not an offset");
                }
                StringBuilder offset = new StringBuilder().append(t.charAt(0)).append(digits, 0, 2);
                for (int k = 2; k < digits.length(); k += 2) {
                    offset.append(':').append(digits, k, k + 2);
                }
                return ZoneOffset.of(offset.toString());
            }
            return ZoneId.of(t);
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
        private final Optional<ZoneId> zone;

        Formatted(DateTimeFormatter formatter, Optional<ZoneId> zone) {
            this.formatter = formatter;
            this.zone = zone;
        }

        @Override
        int epochDay(String text) {
            TemporalAccessor parsed = formatter.parse(text);
            LocalDate date = LocalDate.from(parsed);
            ZoneId written = parsed.query(TemporalQueries.zone());
            if (zone.isEmpty() || written == null || !parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return Math.toIntExact(date.toEpochDay());
            }
            return Math.toIntExact(ZonedDateTime.of(date, LocalTime.from(parsed), written)
                    .withZoneSameInstant(zone.get())
                    .toLocalDate()
                    .toEpochDay());
        }
    }
}
