package org.loyaltykpi.io;

import java.util.Objects;
import java.util.Optional;

/**
 * How to read a marketing-spend CSV file ({@link MarketingSpendCsv}): the columns are found by their header names;
 * these options set the dialect and how money is written.
 *
 * <p>The defaults ({@link #defaults()}): comma-separated, {@code .} decimal separator, no thousands separator. An
 * amount may carry one currency symbol or three-letter code before or after the number ({@code $1,800.00} with a
 * {@code ,} thousands separator, {@code 1.800,00 €} with {@code .} and {@code ,}); a file that mixes currencies is an
 * error naming the line.
 *
 * <pre>{@code
 * MarketingSpendCsvOptions european = MarketingSpendCsvOptions.defaults()
 *         .withDelimiter(Delimiter.SEMICOLON)
 *         .withDecimalSeparator(',')
 *         .withThousandsSeparator('.');   // 2025-01;1.800,00 € is 1800.00
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param delimiter the field separator
 * @param decimalSeparator the decimal separator of amounts, {@code .} or {@code ,}
 * @param thousandsSeparator the separator between groups of three digits, or empty for none; distinct from the decimal
 *     separator (an amount with the delimiter in it is quoted: {@code "$1,800.00"})
 */
public record MarketingSpendCsvOptions(
        Delimiter delimiter, char decimalSeparator, Optional<Character> thousandsSeparator) {

    /** Validates the options. */
    public MarketingSpendCsvOptions {
        Objects.requireNonNull(delimiter, "delimiter must not be null");
        Objects.requireNonNull(thousandsSeparator, "thousandsSeparator must not be null (use Optional.empty())");
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ',': '" + decimalSeparator + "'");
        }
        if (thousandsSeparator.isPresent()) {
            char t = thousandsSeparator.get();
            if (t != ',' && t != '.' && t != '\'' && t != ' ') {
                throw new IllegalArgumentException("thousands separator must be ',', '.', ''' or a space: '" + t + "'");
            }
            if (t == decimalSeparator) {
                throw new IllegalArgumentException(
                        "thousands separator must differ from the decimal separator: '" + t + "'");
            }
        }
        if (decimalSeparator == delimiter.character()) {
            throw new IllegalArgumentException(
                    "decimal separator must differ from the delimiter: '" + decimalSeparator + "'");
        }
    }

    /**
     * The defaults: {@code ,}, {@code .} decimal separator, no thousands separator.
     *
     * @return the default options
     */
    public static MarketingSpendCsvOptions defaults() {
        return new MarketingSpendCsvOptions(Delimiter.COMMA, '.', Optional.empty());
    }

    /**
     * With another delimiter.
     *
     * @param value the delimiter
     * @return a copy
     */
    public MarketingSpendCsvOptions withDelimiter(Delimiter value) {
        return new MarketingSpendCsvOptions(value, decimalSeparator, thousandsSeparator);
    }

    /**
     * With another decimal separator.
     *
     * @param value {@code .} or {@code ,}
     * @return a copy
     */
    public MarketingSpendCsvOptions withDecimalSeparator(char value) {
        return new MarketingSpendCsvOptions(delimiter, value, thousandsSeparator);
    }

    /**
     * With a thousands separator.
     *
     * @param value {@code ,} {@code .} {@code '} or a space
     * @return a copy
     */
    public MarketingSpendCsvOptions withThousandsSeparator(char value) {
        return new MarketingSpendCsvOptions(delimiter, decimalSeparator, Optional.of(value));
    }
}
