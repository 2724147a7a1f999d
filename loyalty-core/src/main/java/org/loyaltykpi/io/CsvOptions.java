package org.loyaltykpi.io;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.Money;

/**
 * How to read a purchase CSV file.
 *
 * <p>The defaults ({@link #defaults()}) read the format the library writes: comma-separated, a header line, columns
 * {@code customer_id}, {@code date}, {@code amount}, and {@code category} and {@code quantity} when the header has
 * them; ISO dates {@code yyyy-MM-dd}; a {@code .} decimal separator; amounts kept exact to 2 decimal places.
 *
 * <p>The optional columns: when {@code categoryColumn} (or {@code quantityColumn}) is empty, a header column named
 * {@code category} ({@code quantity}) is used if there is one, and purchases have no category (quantity 1) otherwise.
 * When it is given, the column must exist.
 *
 * <pre>{@code
 * // CDNOW_master.txt: " 00001 19970101  1   11.77" under a header line
 * CsvOptions cdnow = CsvOptions.defaults()
 *         .withDelimiter(Delimiter.WHITESPACE)
 *         .withDatePattern("yyyyMMdd")
 *         .withAmountColumn(ColumnRef.named("dollar_value"))
 *         .withQuantityColumn(ColumnRef.named("number_of_cds"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param delimiter the field separator
 * @param header whether the first line names the columns
 * @param customerColumn the customer id column
 * @param dateColumn the date column
 * @param amountColumn the amount column
 * @param categoryColumn the category column, or empty for {@code category} if present
 * @param quantityColumn the quantity column, or empty for {@code quantity} if present
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern, read strictly (no 30 February)
 * @param decimalSeparator {@code .} or {@code ,}
 * @param amountScale decimal places kept exactly, 0..9; an amount with more is an error, never rounded
 * @param thousandsSeparator a grouping separator in amounts: {@code ,} {@code .} {@code '} or space (a space also
 *     matches the no-break spaces), distinct from the decimal separator; empty for none
 * @param timeZone the zone whose calendar date a date-time with an offset or zone becomes; empty for the date as
 *     written
 * @param rules how rows become purchases and refunds (orders, unit prices, statuses, refunds, guests); see
 *     {@link PurchaseRules}
 */
public record CsvOptions(
        Delimiter delimiter,
        boolean header,
        ColumnRef customerColumn,
        ColumnRef dateColumn,
        ColumnRef amountColumn,
        Optional<ColumnRef> categoryColumn,
        Optional<ColumnRef> quantityColumn,
        String datePattern,
        char decimalSeparator,
        int amountScale,
        Optional<Character> thousandsSeparator,
        Optional<ZoneId> timeZone,
        PurchaseRules rules) {

    /** The default customer column name. */
    public static final String CUSTOMER = "customer_id";
    /** The default date column name. */
    public static final String DATE = "date";
    /** The default amount column name. */
    public static final String AMOUNT = "amount";
    /** The category column name used when present. */
    public static final String CATEGORY = "category";
    /** The quantity column name used when present. */
    public static final String QUANTITY = "quantity";
    /** The default date pattern, ISO. */
    public static final String ISO_DATE = "yyyy-MM-dd";

    /** Validates the options. */
    public CsvOptions {
        Objects.requireNonNull(delimiter, "delimiter must not be null");
        Objects.requireNonNull(customerColumn, "customerColumn must not be null");
        Objects.requireNonNull(dateColumn, "dateColumn must not be null");
        Objects.requireNonNull(amountColumn, "amountColumn must not be null");
        Objects.requireNonNull(categoryColumn, "categoryColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(quantityColumn, "quantityColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(datePattern, "datePattern must not be null");
        DateParser.of(datePattern);
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ',': '" + decimalSeparator + "'");
        }
        if (decimalSeparator == ',' && delimiter == Delimiter.COMMA) {
            throw new IllegalArgumentException(
                    "decimal separator ',' needs another delimiter than ',' (use ';' or tab)");
        }
        Money.checkScale(amountScale);
        Objects.requireNonNull(thousandsSeparator, "thousandsSeparator must not be null (use Optional.empty())");
        Objects.requireNonNull(timeZone, "timeZone must not be null (use Optional.empty())");
        Objects.requireNonNull(rules, "rules must not be null");
        if (thousandsSeparator.isPresent()) {
            char t = thousandsSeparator.get();
            if (t != ',' && t != '.' && t != '\'' && t != ' ') {
                throw new IllegalArgumentException("thousands separator must be ',' '.' ''' or ' ': '" + t + "'");
            }
            if (t == decimalSeparator) {
                throw new IllegalArgumentException("thousands separator '" + t
                        + "' must differ from the decimal separator '" + decimalSeparator + "'");
            }
        }
    }

    /**
     * The defaults: {@code ,} with a header, {@code customer_id,date,amount[,category][,quantity]}, ISO dates,
     * {@code .} decimals, scale 2.
     *
     * @return the default options
     */
    public static CsvOptions defaults() {
        return new CsvOptions(
                Delimiter.COMMA,
                true,
                ColumnRef.named(CUSTOMER),
                ColumnRef.named(DATE),
                ColumnRef.named(AMOUNT),
                Optional.empty(),
                Optional.empty(),
                ISO_DATE,
                '.',
                PurchaseTable.DEFAULT_AMOUNT_SCALE,
                Optional.empty(),
                Optional.empty(),
                PurchaseRules.defaults());
    }

    /**
     * With another delimiter.
     *
     * @param value the delimiter
     * @return a copy
     */
    public CsvOptions withDelimiter(Delimiter value) {
        return new CsvOptions(
                value,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With or without a header line.
     *
     * @param value whether the first line names the columns
     * @return a copy
     */
    public CsvOptions withHeader(boolean value) {
        return new CsvOptions(
                delimiter,
                value,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With another customer column.
     *
     * @param value the column
     * @return a copy
     */
    public CsvOptions withCustomerColumn(ColumnRef value) {
        return new CsvOptions(
                delimiter,
                header,
                value,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With another date column.
     *
     * @param value the column
     * @return a copy
     */
    public CsvOptions withDateColumn(ColumnRef value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                value,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With another amount column.
     *
     * @param value the column
     * @return a copy
     */
    public CsvOptions withAmountColumn(ColumnRef value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                value,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With a category column, which must then exist.
     *
     * @param value the column
     * @return a copy
     */
    public CsvOptions withCategoryColumn(ColumnRef value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                Optional.of(value),
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With a quantity column, which must then exist.
     *
     * @param value the column
     * @return a copy
     */
    public CsvOptions withQuantityColumn(ColumnRef value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                Optional.of(value),
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With another date pattern.
     *
     * @param value a {@link java.time.format.DateTimeFormatter} pattern such as {@code yyyyMMdd} or {@code dd.MM.yyyy}
     * @return a copy
     */
    public CsvOptions withDatePattern(String value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                value,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With another decimal separator. A thousands separator equal to it gives way to the other of {@code .} and
     * {@code ,}: a preset's {@code 1,250.00} becomes {@code 1.250,00} (choose another one after this call).
     *
     * <pre>{@code
     * PurchasePreset.SHOPIFY.csvOptions().withDecimalSeparator(',').thousandsSeparator();   // Optional[.]
     * }</pre>
     *
     * @param value {@code .} or {@code ,}
     * @return a copy
     */
    public CsvOptions withDecimalSeparator(char value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                value,
                amountScale,
                thousandsSeparator.map(t -> t == value ? (value == ',' ? '.' : ',') : t),
                timeZone,
                rules);
    }

    /**
     * With another amount scale.
     *
     * @param value decimal places kept exactly, 0..9
     * @return a copy
     */
    public CsvOptions withAmountScale(int value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                value,
                thousandsSeparator,
                timeZone,
                rules);
    }

    /**
     * With a thousands separator in amounts ({@code 1,234.50}, {@code 1.234,50}, {@code 1'234.50}, {@code 1 234,50}).
     *
     * @param value {@code ,} {@code .} {@code '} or space, distinct from the decimal separator
     * @return a copy
     */
    public CsvOptions withThousandsSeparator(char value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                Optional.of(value),
                timeZone,
                rules);
    }

    /**
     * With a time zone: a date-time with an offset or zone ({@code 2024-03-05T23:30:00Z}) becomes its calendar date
     * in this zone; a date, or a date-time without offset, is taken as written.
     *
     * @param value the zone
     * @return a copy
     */
    public CsvOptions withTimeZone(ZoneId value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                Optional.of(value),
                rules);
    }

    /**
     * With other rules for orders, unit prices, statuses, refunds and guests.
     *
     * @param value the rules
     * @return a copy
     */
    public CsvOptions withRules(PurchaseRules value) {
        return new CsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                amountColumn,
                categoryColumn,
                quantityColumn,
                datePattern,
                decimalSeparator,
                amountScale,
                thousandsSeparator,
                timeZone,
                value);
    }
}
