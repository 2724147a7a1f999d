package org.loyaltykpi.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One typed value of the document: a cell of a {@link Table} or the value of a {@link KeyFigure}.
 *
 * <p>The type says how every renderer writes it:
 *
 * <table>
 *   <caption>Cell types</caption>
 *   <tr><th>type</th><th>text (English)</th><th>JSON and CSV</th></tr>
 *   <tr><td>{@link Count}</td><td>{@code 1,234}</td><td>{@code 1234}</td></tr>
 *   <tr><td>{@link RatioOf}</td><td>{@code 12.5%}</td><td>the fraction {@code 0.125}; {@code null} when the
 *       denominator is 0</td></tr>
 *   <tr><td>{@link Share}</td><td>{@code 12.5%}</td><td>the fraction {@code 0.125}</td></tr>
 *   <tr><td>{@link Money}</td><td>{@code 1,234.50}</td><td>{@code 1234.50}</td></tr>
 *   <tr><td>{@link Decimal}</td><td>rounded to its digits</td><td>the shortest decimal that reads back as the same
 *       double</td></tr>
 *   <tr><td>{@link Day}</td><td>{@code 2024-03-05}</td><td>{@code "2024-03-05"}</td></tr>
 *   <tr><td>{@link Text}</td><td>as is</td><td>as is</td></tr>
 *   <tr><td>{@link Label}</td><td>the resolved message</td><td>its code, lower-kebab, e.g. {@code "at-risk"}</td></tr>
 *   <tr><td>{@link Flag}</td><td>{@code yes} or {@code no}, translated</td><td>{@code true} or {@code false}</td></tr>
 *   <tr><td>{@link Missing}</td><td>{@code n/a}</td><td>{@code null} (empty in CSV)</td></tr>
 * </table>
 *
 * <p>Undefined values are never NaN or infinite: the factories that take an {@link OptionalDouble} return
 * {@link Missing} for an empty one, and the records reject non-finite values.
 */
public sealed interface Cell {

    /**
     * The value as a number, when the cell has one: the count, the fraction of a ratio or share, the amount, the
     * decimal.
     *
     * @return the number, or empty for dates, texts, labels, missing values and ratios of nothing
     */
    OptionalDouble number();

    /**
     * Whether a column of the given type may hold this cell ({@link Missing} fits every column).
     *
     * @param type the column type
     * @return whether the cell fits
     */
    boolean fits(ColumnType type);

    /**
     * A count of things (customers, purchases, responses).
     *
     * @param value the count, at least 0
     */
    record Count(long value) implements Cell {
        /** Validates the count. */
        public Count {
            if (value < 0) {
                throw new IllegalArgumentException("count must be >= 0, got " + value);
            }
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.of(value);
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.COUNT;
        }
    }

    /**
     * A ratio of two counts (retained customers / customers at start), shown as a percentage; undefined when the
     * denominator is 0.
     *
     * @param numerator the numerator, {@code 0 <= numerator}
     * @param denominator the denominator, {@code 0 <= denominator}
     */
    record RatioOf(long numerator, long denominator) implements Cell {
        /** Validates the counts. */
        public RatioOf {
            if (numerator < 0 || denominator < 0) {
                throw new IllegalArgumentException("ratio counts must be >= 0, got " + numerator + "/" + denominator);
            }
        }

        @Override
        public OptionalDouble number() {
            return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.RATIO;
        }
    }

    /**
     * A fraction that is not a ratio of counts (a revenue share, a probability), shown as a percentage.
     *
     * @param fraction the fraction, finite (usually within [0, 1])
     */
    record Share(double fraction) implements Cell {
        /** Validates the fraction. */
        public Share {
            finite(fraction, "share");
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.of(fraction);
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.SHARE || type == ColumnType.RATIO;
        }
    }

    /**
     * An amount of money in the data set's currency.
     *
     * @param amount the amount
     */
    record Money(BigDecimal amount) implements Cell {
        /** Validates the amount. */
        public Money {
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.of(amount.doubleValue());
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.MONEY;
        }
    }

    /**
     * A decimal number (a mean, a score, a model parameter), shown with {@code digits} fraction digits.
     *
     * @param value the value, finite
     * @param digits the fraction digits of the text rendering, 0 to 6
     */
    record Decimal(double value, int digits) implements Cell {
        /** Validates the value and digits. */
        public Decimal {
            finite(value, "decimal");
            if (digits < 0 || digits > 6) {
                throw new IllegalArgumentException("digits must be within [0, 6], got " + digits);
            }
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.of(value);
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.DECIMAL;
        }
    }

    /**
     * A calendar day.
     *
     * @param date the day
     */
    record Day(LocalDate date) implements Cell {
        /** Validates the day. */
        public Day {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.DATE;
        }
    }

    /**
     * Data text, never translated: a customer id, a period label, a file name.
     *
     * @param text the text
     */
    record Text(String text) implements Cell {
        /** Validates the text. */
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.TEXT;
        }
    }

    /**
     * A value from a closed set (a segment, a status, a model): a stable lower-kebab code for machines and a message
     * for people.
     *
     * @param code the code, for example {@code at-risk}
     * @param label the label, for example the message {@code segment.at-risk}
     */
    record Label(String code, Message label) implements Cell {
        /** Validates the code. */
        public Label {
            if (code == null || !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("label code must be lower-kebab, got: " + code);
            }
            Objects.requireNonNull(label, "label");
        }

        @Override
        public OptionalDouble number() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.TEXT;
        }
    }

    /**
     * A yes-or-no fact (whether a fit converged): {@code yes} or {@code no} in text, {@code true} or {@code false} in
     * JSON and CSV.
     *
     * @param value the fact
     */
    record Flag(boolean value) implements Cell {
        @Override
        public OptionalDouble number() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean fits(ColumnType type) {
            return type == ColumnType.TEXT;
        }
    }

    /** An undefined value (a rate over nothing, a mean of no values): {@code n/a} in text, {@code null} in JSON. */
    record Missing() implements Cell {
        @Override
        public OptionalDouble number() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean fits(ColumnType type) {
            return true;
        }
    }

    /**
     * A count.
     *
     * @param value the count
     * @return the cell
     */
    static Cell count(long value) {
        return new Count(value);
    }

    /**
     * A ratio of counts.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @return the cell
     */
    static Cell ratio(long numerator, long denominator) {
        return new RatioOf(numerator, denominator);
    }

    /**
     * A ratio of counts from core's {@link org.loyaltykpi.domain.Ratio}.
     *
     * @param ratio the ratio
     * @return the cell
     */
    static Cell ratio(org.loyaltykpi.domain.Ratio ratio) {
        return new RatioOf(ratio.numerator(), ratio.denominator());
    }

    /**
     * A share, or missing.
     *
     * @param fraction the fraction, if defined
     * @return the cell
     */
    static Cell share(OptionalDouble fraction) {
        return fraction.isPresent() ? new Share(fraction.getAsDouble()) : new Missing();
    }

    /**
     * An amount of money.
     *
     * @param amount the amount
     * @return the cell
     */
    static Cell money(BigDecimal amount) {
        return new Money(amount);
    }

    /**
     * An amount of money from a double (a mean, a value per customer), or missing.
     *
     * @param amount the amount, if defined
     * @return the cell
     */
    static Cell money(OptionalDouble amount) {
        return amount.isPresent() ? money(amount.getAsDouble()) : new Missing();
    }

    /**
     * An amount of money from a finite double (a mean, a value per customer).
     *
     * @param amount the amount
     * @return the cell
     */
    static Cell money(double amount) {
        finite(amount, "money");
        return new Money(BigDecimal.valueOf(amount));
    }

    /**
     * A decimal with two fraction digits in text, or missing.
     *
     * @param value the value, if defined
     * @return the cell
     */
    static Cell decimal(OptionalDouble value) {
        return decimal(value, 2);
    }

    /**
     * A decimal, or missing.
     *
     * @param value the value, if defined
     * @param digits fraction digits in text
     * @return the cell
     */
    static Cell decimal(OptionalDouble value, int digits) {
        return value.isPresent() ? new Decimal(value.getAsDouble(), digits) : new Missing();
    }

    /**
     * A decimal.
     *
     * @param value the value, finite
     * @param digits fraction digits in text
     * @return the cell
     */
    static Cell decimal(double value, int digits) {
        return new Decimal(value, digits);
    }

    /**
     * A day.
     *
     * @param date the day
     * @return the cell
     */
    static Cell day(LocalDate date) {
        return new Day(date);
    }

    /**
     * A day, or missing.
     *
     * @param date the day, if any
     * @return the cell
     */
    static Cell day(Optional<LocalDate> date) {
        return date.<Cell>map(Day::new).orElseGet(Missing::new);
    }

    /**
     * Data text.
     *
     * @param text the text
     * @return the cell
     */
    static Cell text(String text) {
        return new Text(text);
    }

    /**
     * The label of an enum constant: code {@code AT_RISK} becomes {@code at-risk}, the message key
     * {@code prefix + ".at-risk"}.
     *
     * @param prefix the key prefix, for example {@code segment}
     * @param value the constant
     * @return the cell
     */
    static Cell label(String prefix, Enum<?> value) {
        String code = code(value);
        return new Label(code, Message.of(prefix + "." + code));
    }

    /**
     * A yes-or-no fact.
     *
     * @param value the fact
     * @return the cell
     */
    static Cell flag(boolean value) {
        return new Flag(value);
    }

    /**
     * A missing value.
     *
     * @return the cell
     */
    static Cell missing() {
        return new Missing();
    }

    /**
     * The lower-kebab code of an enum constant, the one style of every enum in JSON and CSV: {@code NO_DATA} is
     * {@code no-data}, {@code MONTH} is {@code month}.
     *
     * @param value the constant
     * @return the code
     */
    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
    }
}
