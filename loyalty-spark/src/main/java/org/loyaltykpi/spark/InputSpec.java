package org.loyaltykpi.spark;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.Delimiter;
import org.loyaltykpi.io.PurchaseRowLoader;
import org.loyaltykpi.io.PurchaseRules;

/**
 * The input options and the frame's column names in serializable form: the core's {@link CsvOptions} is a record of
 * {@code Optional}s, which Java serialization refuses, so the executors rebuild it from this and run the core's own
 * {@link PurchaseRowLoader} on each partition.
 */
final class InputSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final ArrayList<String> header;
    private final boolean lines;
    private final Delimiter delimiter;
    private final String customer;
    private final String date;
    private final String amount;
    private final String category;
    private final String quantity;
    private final String datePattern;
    private final char decimalSeparator;
    private final int amountScale;
    private final Character thousandsSeparator;
    private final String timeZone;
    private final String order;
    private final String unitPrice;
    private final String refunded;
    private final String status;
    private final ArrayList<String> includeStatuses;
    private final ArrayList<String> excludeStatuses;
    private final PurchaseRules.Refunds refunds;
    private final PurchaseRules.MissingCustomer missingCustomer;
    private final ArrayList<String> guestIds;
    private final java.time.LocalDate since; // null: no bound (kept serializable)
    private final java.time.LocalDate until;

    private InputSpec(String source, CsvOptions o, List<String> header, boolean lines) {
        this.source = source;
        this.header = new ArrayList<>(header);
        this.lines = lines;
        delimiter = o.delimiter();
        customer = ref(o.customerColumn());
        date = ref(o.dateColumn());
        amount = ref(o.amountColumn());
        category = o.categoryColumn().map(InputSpec::ref).orElse(null);
        quantity = o.quantityColumn().map(InputSpec::ref).orElse(null);
        datePattern = o.datePattern();
        decimalSeparator = o.decimalSeparator();
        amountScale = o.amountScale();
        thousandsSeparator = o.thousandsSeparator().orElse(null);
        timeZone = o.timeZone().map(ZoneId::getId).orElse(null);
        PurchaseRules r = o.rules();
        order = r.orderColumn().map(InputSpec::ref).orElse(null);
        unitPrice = r.unitPriceColumn().map(InputSpec::ref).orElse(null);
        refunded = r.refundedColumn().map(InputSpec::ref).orElse(null);
        status = r.statusColumn().map(InputSpec::ref).orElse(null);
        includeStatuses = new ArrayList<>(r.includeStatuses());
        excludeStatuses = new ArrayList<>(r.excludeStatuses());
        refunds = r.refunds();
        missingCustomer = r.missingCustomer();
        guestIds = new ArrayList<>(r.guestIds());
        since = r.since().orElse(null);
        until = r.until().orElse(null);
    }

    /**
     * The spec of a frame's rows read with these options.
     *
     * @param lines whether rows are lines of text files (errors say {@code file:7:}) or rows ({@code file: row 7:})
     */
    static InputSpec of(String source, CsvOptions options, List<String> header, boolean lines) {
        InputSpec spec = new InputSpec(source, options, header, lines);
        spec.loader();
        return spec;
    }

    private static String ref(ColumnRef ref) {
        return ref.name().map(n -> "=" + n).orElse("#" + ref.position());
    }

    private static ColumnRef column(String ref) {
        return ref.charAt(0) == '='
                ? ColumnRef.named(ref.substring(1))
                : ColumnRef.at(Integer.parseInt(ref.substring(1)));
    }

    private static Optional<ColumnRef> optional(String ref) {
        return ref == null ? Optional.empty() : Optional.of(column(ref));
    }

    /** The options, rebuilt. */
    CsvOptions options() {
        PurchaseRules rules = new PurchaseRules(
                optional(order),
                optional(unitPrice),
                optional(refunded),
                optional(status),
                new LinkedHashSet<>(includeStatuses),
                new LinkedHashSet<>(excludeStatuses),
                refunds,
                missingCustomer,
                new LinkedHashSet<>(guestIds),
                Optional.ofNullable(since),
                Optional.ofNullable(until));
        return new CsvOptions(
                delimiter,
                true,
                column(customer),
                column(date),
                column(amount),
                optional(category),
                optional(quantity),
                datePattern,
                decimalSeparator,
                amountScale,
                Optional.ofNullable(thousandsSeparator),
                Optional.ofNullable(timeZone).map(ZoneId::of),
                rules);
    }

    /** A new loader for one partition's rows. */
    PurchaseRowLoader loader() {
        CsvOptions options = options();
        return lines
                ? PurchaseRowLoader.ofLines(source, options, header)
                : PurchaseRowLoader.of(source, options, header);
    }

    int amountScale() {
        return amountScale;
    }

    PurchaseRules.Refunds refunds() {
        return refunds;
    }

    boolean grouped() {
        return order != null;
    }
}
