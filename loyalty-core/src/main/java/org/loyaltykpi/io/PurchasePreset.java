package org.loyaltykpi.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ready {@link CsvOptions} for the order exports of common shop systems. Each sets the columns, the order id, the
 * statuses that are no purchases, refunds, guests, the thousands separator and the date format of its export; any of
 * them can then be changed with the {@code with...} methods (an option given explicitly overrides the preset).
 *
 * <ul>
 *   <li>{@link #SHOPIFY}: the Shopify orders export, one row per order line: {@code Name} is the order, {@code Email}
 *       the customer, {@code Created at} the date ({@code 2024-03-05 14:22:10 +0100}), {@code Total} the order's
 *       amount on its first line only, {@code Refunded Amount} subtracted, {@code Lineitem quantity} summed, {@code
 *       Financial Status} pending, authorized and voided are no purchases, rows without email are skipped, amounts
 *       may be written {@code 1,250.00}.
 *   <li>{@link #WOOCOMMERCE}: a WooCommerce order export, one row per order: {@code order_number}, {@code
 *       customer_id} ({@code 0} for a guest, skipped), {@code order_date}, {@code order_total}, {@code status}: only
 *       completed and processing orders ({@code wc-completed}, {@code wc-processing}, with or without {@code wc-}) are
 *       purchases.
 *   <li>{@link #STRIPE}: the Stripe payments export: {@code Customer ID} (empty for a guest, skipped), {@code Created
 *       date (UTC)}, {@code Amount}, {@code Amount Refunded} subtracted (a fully refunded payment is no purchase),
 *       {@code Status} Failed, Canceled and Uncaptured are no purchases.
 *   <li>{@link #ONLINE_RETAIL}: the UCI Online Retail layout {@code
 *       InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}: one purchase per invoice,
 *       amount = {@code Quantity} x {@code UnitPrice}, dates {@code 12/1/10 8:26} ({@code M/d/yy H:mm}), rows without
 *       {@code CustomerID} skipped, cancellation invoices ({@code C536383}, negative quantities) netted as refunds.
 * </ul>
 *
 * <pre>{@code
 * PurchaseLoad retail = PurchaseCsv.load(Path.of("online_retail.csv"), PurchasePreset.ONLINE_RETAIL.csvOptions());
 * CsvOptions berlin = PurchasePreset.SHOPIFY.csvOptions().withTimeZone(ZoneId.of("Europe/Berlin"));
 * }</pre>
 */
public enum PurchasePreset {
    /** The Shopify orders export. */
    SHOPIFY,
    /** A WooCommerce order export (one row per order). */
    WOOCOMMERCE,
    /** The Stripe payments export. */
    STRIPE,
    /** The UCI Online Retail layout. */
    ONLINE_RETAIL;

    /**
     * The options this preset sets, on top of {@link CsvOptions#defaults()}.
     *
     * @return the options
     */
    public CsvOptions csvOptions() {
        CsvOptions base = CsvOptions.defaults();
        PurchaseRules rules = PurchaseRules.defaults();
        switch (this) {
            case SHOPIFY:
                return base.withCustomerColumn(ColumnRef.named("Email"))
                        .withDateColumn(ColumnRef.named("Created at"))
                        .withAmountColumn(ColumnRef.named("Total"))
                        .withQuantityColumn(ColumnRef.named("Lineitem quantity"))
                        .withThousandsSeparator(',')
                        .withRules(rules.withOrderColumn(ColumnRef.named("Name"))
                                .withRefundedColumn(ColumnRef.named("Refunded Amount"))
                                .withStatusColumn(ColumnRef.named("Financial Status"))
                                .withExcludeStatuses(Set.of("pending", "authorized", "voided"))
                                .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP));
            case WOOCOMMERCE:
                return base.withCustomerColumn(ColumnRef.named("customer_id"))
                        .withDateColumn(ColumnRef.named("order_date"))
                        .withAmountColumn(ColumnRef.named("order_total"))
                        .withThousandsSeparator(',')
                        .withRules(rules.withOrderColumn(ColumnRef.named("order_number"))
                                .withStatusColumn(ColumnRef.named("status"))
                                .withIncludeStatuses(Set.of("wc-completed", "completed", "wc-processing", "processing"))
                                .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP)
                                .withGuestIds(Set.of("0")));
            case STRIPE:
                return base.withCustomerColumn(ColumnRef.named("Customer ID"))
                        .withDateColumn(ColumnRef.named("Created date (UTC)"))
                        .withAmountColumn(ColumnRef.named("Amount"))
                        .withThousandsSeparator(',')
                        .withRules(rules.withRefundedColumn(ColumnRef.named("Amount Refunded"))
                                .withStatusColumn(ColumnRef.named("Status"))
                                .withExcludeStatuses(Set.of("Failed", "Canceled", "Uncaptured"))
                                .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP));
            case ONLINE_RETAIL:
                return base.withCustomerColumn(ColumnRef.named("CustomerID"))
                        .withDateColumn(ColumnRef.named("InvoiceDate"))
                        .withDatePattern("M/d/yy H:mm")
                        .withQuantityColumn(ColumnRef.named("Quantity"))
                        .withRules(rules.withOrderColumn(ColumnRef.named("InvoiceNo"))
                                .withUnitPriceColumn(ColumnRef.named("UnitPrice"))
                                .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP));
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * The preset's name on the command line: {@code shopify}, {@code woocommerce}, {@code stripe}, {@code
     * online-retail}.
     *
     * @return the lower-case, dashed name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The preset of a command-line name, ignoring case.
     *
     * @param name {@code shopify}, {@code woocommerce}, {@code stripe} or {@code online-retail}
     * @return the preset, or empty for another name
     */
    public static Optional<PurchasePreset> ofCliName(String name) {
        return Arrays.stream(values())
                .filter(p -> p.cliName().equalsIgnoreCase(name))
                .findFirst();
    }

    /**
     * What the preset sets, as command-line options and values in order, for help texts: {@code --customer-col ->
     * Email}, ...
     *
     * @return the settings, by option name
     */
    public Map<String, String> settings() {
        CsvOptions o = csvOptions();
        PurchaseRules r = o.rules();
        Map<String, String> s = new LinkedHashMap<>();
        s.put("--customer-col", o.customerColumn().toString());
        s.put("--date-col", o.dateColumn().toString());
        if (r.unitPriceColumn().isEmpty()) {
            s.put("--amount-col", o.amountColumn().toString());
        }
        o.quantityColumn().ifPresent(c -> s.put("--quantity-col", c.toString()));
        r.orderColumn().ifPresent(c -> s.put("--order-col", c.toString()));
        r.unitPriceColumn().ifPresent(c -> s.put("--unit-price-col", c.toString()));
        r.refundedColumn().ifPresent(c -> s.put("--refunded-col", c.toString()));
        r.statusColumn().ifPresent(c -> s.put("--status-col", c.toString()));
        if (!r.includeStatuses().isEmpty()) {
            s.put("--include-status", String.join(",", r.includeStatuses()));
        }
        if (!r.excludeStatuses().isEmpty()) {
            s.put("--exclude-status", String.join(",", r.excludeStatuses()));
        }
        s.put("--missing-customer", r.missingCustomer().name().toLowerCase(Locale.ROOT));
        if (!r.guestIds().isEmpty()) {
            s.put("--guest-id", String.join(",", new java.util.TreeSet<>(r.guestIds())));
        }
        o.thousandsSeparator().ifPresent(c -> s.put("--thousands-separator", String.valueOf(c)));
        if (!o.datePattern().equals(CsvOptions.ISO_DATE)) {
            s.put("--date-format", o.datePattern());
        }
        return Collections.unmodifiableMap(s);
    }
}
