package org.loyaltykpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.internal.Quoted;

/**
 * One purchase: a customer bought something on a day for an amount of money.
 *
 * <p>A purchase is one row of the source data (an order line or an order, whatever the export holds). Several
 * purchases of one customer on one day are kept as they are; metrics that count purchase <em>days</em> (repeat
 * purchase rate, the BTYD summary) merge them, metrics that count purchases (frequency, average order value) do not.
 *
 * <ul>
 *   <li>{@code amount} is money in the data set's currency, {@code >= 0}. Refunds are not purchases: net them out
 *       before loading. A zero amount (a free item) is a purchase.
 *   <li>{@code category} is optional; the cross-category (upsell) rate counts only categorized purchases.
 *   <li>{@code quantity} is the number of items, {@code >= 1} (1 when the data has no quantity).
 * </ul>
 *
 * <pre>{@code
 * Purchase p = Purchase.of("C0001", "2024-03-05", "19.99").withCategory("books");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer who bought
 * @param date the day of the purchase
 * @param amount the money paid, {@code >= 0}
 * @param category the product category, if known
 * @param quantity the number of items, {@code >= 1}
 */
public record Purchase(
        CustomerId customer, LocalDate date, BigDecimal amount, Optional<String> category, int quantity) {

    /** Validates the purchase. */
    public Purchase {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(category, "category must not be null (use Optional.empty())");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(
                    "amount must be >= 0 (refunds are not purchases): " + amount.toPlainString());
        }
        if (category.isPresent() && category.get().isBlank()) {
            throw new IllegalArgumentException("category must not be blank: '" + Quoted.value(category.get()) + "'");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1: " + quantity);
        }
    }

    /**
     * A purchase of one item without a category.
     *
     * @param customer who bought
     * @param date the day
     * @param amount the money paid, {@code >= 0}
     * @return the purchase
     */
    public static Purchase of(CustomerId customer, LocalDate date, BigDecimal amount) {
        return new Purchase(customer, date, amount, Optional.empty(), 1);
    }

    /**
     * A purchase of one item without a category, from strings (handy in JShell).
     *
     * @param customer the customer id
     * @param isoDate the day, {@code yyyy-MM-dd}
     * @param amount the money paid, a plain decimal such as {@code "19.99"}
     * @return the purchase
     * @throws IllegalArgumentException naming the value that is not a date or an amount
     */
    public static Purchase of(String customer, String isoDate, String amount) {
        LocalDate date;
        try {
            date = LocalDate.parse(isoDate);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "date is not an ISO date (yyyy-MM-dd): '" + Quoted.value(isoDate) + "'", e);
        }
        BigDecimal money;
        try {
            money = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount is not a decimal number: '" + Quoted.value(amount) + "'", e);
        }
        return of(CustomerId.of(customer), date, money);
    }

    /**
     * Returns this purchase with a category.
     *
     * @param newCategory the category, not blank
     * @return a copy with the category
     */
    public Purchase withCategory(String newCategory) {
        return new Purchase(customer, date, amount, Optional.of(newCategory), quantity);
    }

    /**
     * Returns this purchase with a quantity.
     *
     * @param newQuantity the number of items, {@code >= 1}
     * @return a copy with the quantity
     */
    public Purchase withQuantity(int newQuantity) {
        return new Purchase(customer, date, amount, category, newQuantity);
    }
}
