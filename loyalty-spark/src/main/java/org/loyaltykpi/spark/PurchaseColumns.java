package org.loyaltykpi.spark;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Which columns of a Spark {@code DataFrame} hold a purchase, with the command line's names and defaults: {@code
 * customer_id}, {@code date}, {@code amount}, and {@code category} and {@code quantity} when the frame has them.
 *
 * <p>Column types: the customer is any type, read as its string; the date is a {@code date}, a {@code timestamp}
 * (its calendar day in {@link #timeZone()}) or a string of {@link #datePattern()} (ISO {@code yyyy-MM-dd} by
 * default); the amount is a decimal, an integer, a floating-point number or a string of digits with an optional
 * {@code .} decimal point, exact to {@link #amountScale()} decimal places; the category is a string; the quantity an
 * integer {@code >= 1}. A value that breaks these rules is an error naming the column, the value and, when Spark
 * knows it, the file.
 *
 * <pre>{@code
 * PurchaseColumns cdnow = PurchaseColumns.defaults()
 *         .withCustomer("customer").withDate("day").withDatePattern("yyyyMMdd").withAmount("dollars");
 * }</pre>
 *
 * <p>Immutable, thread-safe and serializable (it travels to the executors).
 */
public final class PurchaseColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String customer;
    private final String date;
    private final String amount;
    private final String category;
    private final String quantity;
    private final String datePattern;
    private final String timeZone;
    private final int amountScale;
    private final boolean categoryRequired;
    private final boolean quantityRequired;

    private PurchaseColumns(
            String customer,
            String date,
            String amount,
            String category,
            String quantity,
            String datePattern,
            String timeZone,
            int amountScale,
            boolean categoryRequired,
            boolean quantityRequired) {
        this.customer = requireName(customer, "customer");
        this.date = requireName(date, "date");
        this.amount = requireName(amount, "amount");
        this.category = requireName(category, "category");
        this.quantity = requireName(quantity, "quantity");
        this.datePattern = Objects.requireNonNull(datePattern, "datePattern must not be null");
        ZoneId.of(timeZone);
        this.timeZone = timeZone;
        if (amountScale < 0 || amountScale > 9) {
            throw new IllegalArgumentException("amount scale must be within 0..9: " + amountScale);
        }
        this.amountScale = amountScale;
        this.categoryRequired = categoryRequired;
        this.quantityRequired = quantityRequired;
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " column name must not be blank: '" + name + "'");
        }
        return name;
    }

    /**
     * The command line's defaults: {@code customer_id}, {@code date} (ISO), {@code amount} (2 decimal places), and
     * {@code category} and {@code quantity} if present; timestamps to days in UTC.
     *
     * @return the defaults
     */
    public static PurchaseColumns defaults() {
        return new PurchaseColumns(
                "customer_id", "date", "amount", "category", "quantity", "yyyy-MM-dd", "UTC", 2, false, false);
    }

    /**
     * A copy with another customer column.
     *
     * @param name the column name
     * @return the copy
     */
    public PurchaseColumns withCustomer(String name) {
        return new PurchaseColumns(
                name,
                date,
                amount,
                category,
                quantity,
                datePattern,
                timeZone,
                amountScale,
                categoryRequired,
                quantityRequired);
    }

    /**
     * A copy with another date column.
     *
     * @param name the column name
     * @return the copy
     */
    public PurchaseColumns withDate(String name) {
        return new PurchaseColumns(
                customer,
                name,
                amount,
                category,
                quantity,
                datePattern,
                timeZone,
                amountScale,
                categoryRequired,
                quantityRequired);
    }

    /**
     * A copy with another amount column.
     *
     * @param name the column name
     * @return the copy
     */
    public PurchaseColumns withAmount(String name) {
        return new PurchaseColumns(
                customer,
                date,
                name,
                category,
                quantity,
                datePattern,
                timeZone,
                amountScale,
                categoryRequired,
                quantityRequired);
    }

    /**
     * A copy that reads categories from a column, which the frame must then have.
     *
     * @param name the column name
     * @return the copy
     */
    public PurchaseColumns withCategory(String name) {
        return new PurchaseColumns(
                customer, date, amount, name, quantity, datePattern, timeZone, amountScale, true, quantityRequired);
    }

    /**
     * A copy that reads quantities from a column, which the frame must then have.
     *
     * @param name the column name
     * @return the copy
     */
    public PurchaseColumns withQuantity(String name) {
        return new PurchaseColumns(
                customer, date, amount, category, name, datePattern, timeZone, amountScale, categoryRequired, true);
    }

    /**
     * A copy with another pattern for dates given as strings.
     *
     * @param pattern a {@link java.time.format.DateTimeFormatter} pattern, for example {@code yyyyMMdd}
     * @return the copy
     */
    public PurchaseColumns withDatePattern(String pattern) {
        return new PurchaseColumns(
                customer,
                date,
                amount,
                category,
                quantity,
                pattern,
                timeZone,
                amountScale,
                categoryRequired,
                quantityRequired);
    }

    /**
     * A copy that maps timestamps to the calendar day of another time zone.
     *
     * @param zone a zone id, for example {@code Europe/Berlin}
     * @return the copy
     */
    public PurchaseColumns withTimeZone(String zone) {
        return new PurchaseColumns(
                customer,
                date,
                amount,
                category,
                quantity,
                datePattern,
                zone,
                amountScale,
                categoryRequired,
                quantityRequired);
    }

    /**
     * A copy with another amount scale.
     *
     * @param scale decimal places kept exactly, 0..9
     * @return the copy
     */
    public PurchaseColumns withAmountScale(int scale) {
        return new PurchaseColumns(
                customer,
                date,
                amount,
                category,
                quantity,
                datePattern,
                timeZone,
                scale,
                categoryRequired,
                quantityRequired);
    }

    /**
     * The customer column.
     *
     * @return the name
     */
    public String customer() {
        return customer;
    }

    /**
     * The date column.
     *
     * @return the name
     */
    public String date() {
        return date;
    }

    /**
     * The amount column.
     *
     * @return the name
     */
    public String amount() {
        return amount;
    }

    /**
     * The category column.
     *
     * @return the name
     */
    public String category() {
        return category;
    }

    /**
     * Whether the category column must exist ({@link #withCategory}); otherwise it is read only if present.
     *
     * @return true if required
     */
    public boolean categoryRequired() {
        return categoryRequired;
    }

    /**
     * The quantity column.
     *
     * @return the name
     */
    public String quantity() {
        return quantity;
    }

    /**
     * Whether the quantity column must exist ({@link #withQuantity}); otherwise it is read only if present.
     *
     * @return true if required
     */
    public boolean quantityRequired() {
        return quantityRequired;
    }

    /**
     * The pattern of dates given as strings.
     *
     * @return the pattern
     */
    public String datePattern() {
        return datePattern;
    }

    /**
     * The zone whose calendar day a timestamp falls on.
     *
     * @return the zone
     */
    public ZoneId timeZone() {
        return timeZone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    /**
     * Decimal places kept exactly in amounts.
     *
     * @return 0..9
     */
    public int amountScale() {
        return amountScale;
    }

    /** For example {@code PurchaseColumns[customer_id, date (yyyy-MM-dd), amount (scale 2), category?, quantity?]}. */
    @Override
    public String toString() {
        return "PurchaseColumns[" + customer + ", " + date + " (" + datePattern + ", " + timeZone + "), " + amount
                + " (scale " + amountScale + "), " + category + (categoryRequired ? "" : "?") + ", " + quantity
                + (quantityRequired ? "" : "?") + "]";
    }
}
