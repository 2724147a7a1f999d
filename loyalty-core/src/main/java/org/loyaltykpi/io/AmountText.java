package org.loyaltykpi.io;

import java.util.Optional;

/**
 * Reads money as people write it into signed minor units, exactly: an optional sign, digits with an optional
 * thousands separator between groups of three, an optional decimal part, and one currency symbol or three-letter code
 * before or after the number, with or without a space ({@code $1,234.50}, {@code 1.234,50 €}, {@code EUR 12.00},
 * {@code -$45.00}, {@code $-45.00}). The first currency seen is the read's currency: another one is an error naming the
 * line of the first. Not thread-safe: one per read (or per parallel chunk).
 */
final class AmountText {
    private final char decimal;
    private final char thousands;
    private final int scale;
    private String currency = "";
    private long currencyLine;

    AmountText(char decimalSeparator, Optional<Character> thousandsSeparator, int scale) {
        this.decimal = decimalSeparator;
        this.thousands = thousandsSeparator.orElse('\0');
        this.scale = scale;
    }

    static AmountText of(CsvOptions options) {
        return new AmountText(options.decimalSeparator(), options.thousandsSeparator(), options.amountScale());
    }

    /** The currency seen so far, or the empty string. */
    String currency() {
        return currency;
    }

    /** The line of the first amount in {@link #currency()}. */
    long currencyLine() {
        return currencyLine;
    }

    /**
     * The amount in minor units, negative for a leading (or currency-following) minus sign.
     *
     * @throws IllegalArgumentException with the problem (what is wrong with the text) as message
     */
    long parse(String text, long line) {
        int from = 0;
        int to = text.length();
        boolean negative = false;
        String code = "";
        // sign before a currency: -$45.00
        if (from < to && text.charAt(from) == '-') {
            negative = true;
            from++;
        }
        int symbolEnd = currencyEnd(text, from, to);
        if (symbolEnd > from) {
            code = text.substring(from, symbolEnd);
            from = skipSpaces(text, symbolEnd, to);
        }
        if (!negative && from < to && text.charAt(from) == '-') {
            negative = true;
            from++;
        }
        if (code.isEmpty()) {
            int symbolStart = currencyStart(text, from, to);
            if (symbolStart < to) {
                code = text.substring(symbolStart, to);
                to = symbolStart;
                while (to > from && isSpace(text.charAt(to - 1))) {
                    to--;
                }
            }
        }
        long units = digits(text, from, to);
        if (!code.isEmpty()) {
            if (currency.isEmpty()) {
                currency = code;
                currencyLine = line;
            } else if (!currency.equals(code)) {
                throw new IllegalArgumentException("is in " + code + " but line " + currencyLine + " is in " + currency
                        + ": one file must hold one currency");
            }
        }
        return negative ? -units : units;
    }

    private long digits(String text, int from, int to) {
        long units = 0;
        int decimals = -1;
        int digits = 0;
        int sinceSeparator = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (decimals >= 0 && ++decimals > scale) {
                    throw new IllegalArgumentException(
                            "has more than " + scale + " decimal places; raise the amount scale to keep it exact");
                }
                if (sinceSeparator >= 0) {
                    sinceSeparator++;
                }
                try {
                    units = Math.addExact(Math.multiplyExact(units, 10), c - '0');
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("is too large");
                }
            } else if (c == decimal && decimals < 0) {
                checkGroup(sinceSeparator);
                decimals = 0;
            } else if (thousands != '\0' && decimals < 0 && digits > 0 && isThousands(c)) {
                checkGroup(sinceSeparator);
                if (sinceSeparator < 0 && digits > 3) {
                    throw new IllegalArgumentException(notAnAmount());
                }
                sinceSeparator = 0;
            } else {
                throw new IllegalArgumentException(notAnAmount());
            }
        }
        if (decimals < 0) {
            checkGroup(sinceSeparator);
        }
        if (digits == 0) {
            throw new IllegalArgumentException(notAnAmount());
        }
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            try {
                units = Math.multiplyExact(units, 10);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("is too large");
            }
        }
        return units;
    }

    private void checkGroup(int sinceSeparator) {
        if (sinceSeparator >= 0 && sinceSeparator != 3) {
            throw new IllegalArgumentException(notAnAmount());
        }
    }

    private boolean isThousands(char c) {
        return c == thousands || thousands == ' ' && (c == '\u00A0' || c == '\u202F');
    }

    private String notAnAmount() {
        return "is not an amount (digits with an optional '" + decimal + "' decimal separator"
                + (thousands == '\0'
                        ? ""
                        : ", '" + (thousands == ' ' ? "space" : String.valueOf(thousands)) + "' thousands separator")
                + ", a sign and one currency symbol or code)";
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }

    private static int skipSpaces(String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The end of a currency symbol or code at {@code from}, or {@code from} if there is none. */
    private static int currencyEnd(String text, int from, int to) {
        if (from < to && Character.getType(text.charAt(from)) == Character.CURRENCY_SYMBOL) {
            return from + 1;
        }
        if (to - from >= 3 && isCode(text, from) && (to - from == 3 || !Character.isLetter(text.charAt(from + 3)))) {
            return from + 3;
        }
        return from;
    }

    /** The start of a currency symbol or code that ends at {@code to}, or {@code to} if there is none. */
    private static int currencyStart(String text, int from, int to) {
        if (to > from && Character.getType(text.charAt(to - 1)) == Character.CURRENCY_SYMBOL) {
            return to - 1;
        }
        if (to - from >= 3 && isCode(text, to - 3) && (to - from == 3 || !Character.isLetter(text.charAt(to - 4)))) {
            return to - 3;
        }
        return to;
    }

    private static boolean isCode(String text, int at) {
        for (int i = at; i < at + 3; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }
}
