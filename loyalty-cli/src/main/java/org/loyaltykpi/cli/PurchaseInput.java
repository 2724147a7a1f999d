package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.LoadSummary;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.PurchaseJdbc;
import org.loyaltykpi.io.PurchaseLoad;
import org.loyaltykpi.io.PurchasePreset;
import org.loyaltykpi.io.PurchaseRules;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The purchase input options shared by every command that reads purchases (the CLI contract in the README): the file,
 * its columns, and the rules of real shop exports (orders, unit prices, refunds, statuses, guests, presets). The rules
 * themselves live in core ({@link PurchaseRules}, {@link PurchasePreset}); this class only maps options onto them.
 */
final class PurchaseInput {

    /** The command this input belongs to, for warnings about skipped rows. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(
            names = "--transactions",
            paramLabel = "FILE",
            description = "Purchases CSV (or Parquet: a .parquet file, or --input-format parquet). Without it (and"
                    + " without --jdbc), the built-in sample shop is used.")
    private Optional<Path> transactions = Optional.empty();

    @Mixin
    private CsvLayout layout;

    @Mixin
    private PurchaseSource source;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            converter = Converters.PresetConverter.class,
            description = {
                "Options for a shop export; an option given explicitly overrides the preset's. Each sets:",
                PresetHelp.SHOPIFY,
                PresetHelp.WOOCOMMERCE,
                PresetHelp.STRIPE,
                PresetHelp.ONLINE_RETAIL
            })
    private Optional<PurchasePreset> preset = Optional.empty();

    @Option(
            names = "--customer-col",
            paramLabel = "COL",
            description = "Customer id column: header name or 1-based number. Default: customer_id.")
    private Optional<String> customerColumn = Optional.empty();

    @Option(names = "--date-col", paramLabel = "COL", description = "Date column. Default: date.")
    private Optional<String> dateColumn = Optional.empty();

    @Option(names = "--amount-col", paramLabel = "COL", description = "Amount column. Default: amount.")
    private Optional<String> amountColumn = Optional.empty();

    @Option(
            names = "--category-col",
            paramLabel = "COL",
            description = "Category column. Default: 'category' if the header has it, else none.")
    private Optional<String> categoryColumn = Optional.empty();

    @Option(
            names = "--quantity-col",
            paramLabel = "COL",
            description = "Quantity column. Default: 'quantity' if the header has it, else 1 per purchase.")
    private Optional<String> quantityColumn = Optional.empty();

    @Option(names = "--decimal-separator", paramLabel = "CHAR", description = "'.' or ','. Default: '.'.")
    private Optional<Character> decimalSeparator = Optional.empty();

    @Option(
            names = "--thousands-separator",
            paramLabel = "CHAR",
            converter = Converters.ThousandsConverter.class,
            description = "Thousands separator in amounts: , . ' or space (1,234.50 1.234,50 1'234.50 1 234,50);"
                    + " distinct from the decimal separator. Default: none. Amounts may also carry one currency"
                    + " symbol or code ($1,234.50, 1.234,50 €, EUR 12.00); a file that mixes currencies is an error.")
    private Optional<Character> thousandsSeparator = Optional.empty();

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            converter = Converters.ZoneConverter.class,
            description = "Date-times with an offset or zone (2024-03-05T14:22:10Z, 2024-03-05 14:22:10 +0100) become"
                    + " their calendar date in ZONE (Europe/Berlin, UTC, +01:00). Default: the date as written.")
    private Optional<ZoneId> timeZone = Optional.empty();

    @Option(
            names = "--order-col",
            paramLabel = "COL",
            description = "Order id column: rows with the same order id and customer are one purchase (amounts and"
                    + " quantities summed, every category kept, dated by the earliest row); an empty amount on an"
                    + " order's row counts 0. Default: one row is one purchase.")
    private Optional<String> orderColumn = Optional.empty();

    @Option(
            names = "--unit-price-col",
            paramLabel = "COL",
            description = "Unit price column: a row's amount is quantity x unit price (with --quantity-col; a negative"
                    + " quantity is a returned line). Default: the amount column.")
    private Optional<String> unitPriceColumn = Optional.empty();

    @Option(
            names = "--refunded-col",
            paramLabel = "COL",
            description = "Refunded amount column: subtracted from its row or order. Default: none.")
    private Optional<String> refundedColumn = Optional.empty();

    @Option(
            names = "--status-col",
            paramLabel = "COL",
            description = "Status column, for --exclude-status or --include-status. Default: none.")
    private Optional<String> statusColumn = Optional.empty();

    @Option(
            names = "--exclude-status",
            paramLabel = "STATUS",
            split = ",",
            description = "Rows (orders) of these statuses are no purchases; counted per status. Case-insensitive.")
    private List<String> excludeStatuses = new ArrayList<>();

    @Option(
            names = "--include-status",
            paramLabel = "STATUS",
            split = ",",
            description = "Only rows (orders) of these statuses are purchases; the others are counted per status.")
    private List<String> includeStatuses = new ArrayList<>();

    @Option(
            names = "--refunds",
            paramLabel = "HOW",
            converter = Converters.RefundsConverter.class,
            description = "A row or order whose amount is negative (or fully refunded) is a refund. net: never a"
                    + " purchase, and subtracted from the revenue of the period of its date; exclude: ignored but"
                    + " counted; error: a bad row. Default: net.")
    private Optional<PurchaseRules.Refunds> refunds = Optional.empty();

    @Option(
            names = "--missing-customer",
            paramLabel = "HOW",
            converter = Converters.MissingCustomerConverter.class,
            description = "Rows with an empty customer id or a --guest-id: skip (counted) or error. Default: error.")
    private Optional<PurchaseRules.MissingCustomer> missingCustomer = Optional.empty();

    @Option(
            names = "--guest-id",
            paramLabel = "ID",
            split = ",",
            description = "A customer id that stands for a guest (no customer), such as 0; repeatable.")
    private List<String> guestIds = new ArrayList<>();

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Read only purchases dated on or after DATE (ISO yyyy-MM-dd); earlier rows are skipped and"
                    + " counted. Default: no bound.")
    private Optional<LocalDate> since = Optional.empty();

    @Option(
            names = "--until",
            paramLabel = "DATE",
            description = "Read only purchases dated on or before DATE (ISO yyyy-MM-dd); later rows are skipped and"
                    + " counted. Default: no bound.")
    private Optional<LocalDate> until = Optional.empty();

    CsvOptions csvOptions() {
        CsvOptions options = preset.map(PurchasePreset::csvOptions).orElseGet(CsvOptions::defaults);
        options = options.withDelimiter(layout.delimiter).withHeader(!layout.noHeader);
        if (customerColumn.isPresent()) {
            options = options.withCustomerColumn(ColumnRef.parse(customerColumn.get()));
        }
        if (dateColumn.isPresent()) {
            options = options.withDateColumn(ColumnRef.parse(dateColumn.get()));
        }
        if (amountColumn.isPresent()) {
            options = options.withAmountColumn(ColumnRef.parse(amountColumn.get()));
        }
        if (layout.dateFormat.isPresent()) {
            options = options.withDatePattern(layout.dateFormat.get());
        }
        if (decimalSeparator.isPresent()) {
            options = options.withDecimalSeparator(decimalSeparator.get()); // a preset's same thousands one gives way
        }
        if (thousandsSeparator.isPresent()) {
            options = options.withThousandsSeparator(thousandsSeparator.get());
        }
        if (timeZone.isPresent()) {
            options = options.withTimeZone(timeZone.get());
        }
        if (categoryColumn.isPresent()) {
            options = options.withCategoryColumn(ColumnRef.parse(categoryColumn.get()));
        }
        if (quantityColumn.isPresent()) {
            options = options.withQuantityColumn(ColumnRef.parse(quantityColumn.get()));
        }
        return options.withRules(rules(options.rules()));
    }

    private PurchaseRules rules(PurchaseRules base) {
        PurchaseRules rules = base;
        if (orderColumn.isPresent()) {
            rules = rules.withOrderColumn(ColumnRef.parse(orderColumn.get()));
        }
        if (unitPriceColumn.isPresent()) {
            rules = rules.withUnitPriceColumn(ColumnRef.parse(unitPriceColumn.get()));
        }
        if (refundedColumn.isPresent()) {
            rules = rules.withRefundedColumn(ColumnRef.parse(refundedColumn.get()));
        }
        if (statusColumn.isPresent()) {
            rules = rules.withStatusColumn(ColumnRef.parse(statusColumn.get()));
        }
        if (!excludeStatuses.isEmpty() && !includeStatuses.isEmpty()) {
            throw new IllegalArgumentException("give --exclude-status or --include-status, not both");
        }
        if (!excludeStatuses.isEmpty()) {
            rules = rules.withExcludeStatuses(Set.copyOf(excludeStatuses));
        }
        if (!includeStatuses.isEmpty()) {
            rules = rules.withIncludeStatuses(Set.copyOf(includeStatuses));
        }
        if (refunds.isPresent()) {
            rules = rules.withRefunds(refunds.get());
        }
        if (missingCustomer.isPresent()) {
            rules = rules.withMissingCustomer(missingCustomer.get());
        }
        if (!guestIds.isEmpty()) {
            rules = rules.withGuestIds(Set.copyOf(guestIds));
        }
        if (since.isPresent()) {
            rules = rules.withSince(since.get());
        }
        if (until.isPresent()) {
            rules = rules.withUntil(until.get());
        }
        return rules;
    }

    /** How the command's other inputs are read: this input's time zone, bad-row budget and thousands separator. */
    OtherInputs otherInputs() {
        return new OtherInputs(timeZone, layout.maxBadRows, thousandsSeparator, command);
    }

    /** Whether no purchase file is given, so commands run on the built-in sample shop. */
    boolean isSampleShop() {
        return transactions.isEmpty() && !source.isJdbc();
    }

    /**
     * Loads the purchases (the progress line shows rows read, then that the command computes on them), warning on
     * standard error about skipped bad rows.
     */
    Loaded<PurchaseTable> load() {
        Loaded<PurchaseTable> loaded = read();
        Progress.of(command)
                .step(String.format(
                        Locale.ROOT,
                        "computing on %,d purchases",
                        loaded.value().size()));
        return loaded;
    }

    private Loaded<PurchaseTable> read() {
        CsvOptions options = csvOptions();
        source.check(transactions.isPresent());
        if (source.isJdbc()) {
            Progress progress = Progress.of(command);
            progress.step("querying " + PurchaseJdbc.sourceName(source.jdbcUrl.orElseThrow()));
            PurchaseLoad load = source.readJdbc(options, layout.maxBadRows, progress);
            return loaded(load, PurchaseJdbc.sourceName(source.jdbcUrl.orElseThrow()));
        }
        if (transactions.isEmpty()) {
            SampleShop shop = SampleShop.standard();
            if (since.isPresent() || until.isPresent()) {
                throw new IllegalArgumentException(
                        "--since and --until filter a purchase input (--transactions or --jdbc); to narrow the sample"
                                + " shop, write it with 'loyalty sample --out FILE' and read that file");
            }
            return new Loaded<>(
                    shop.purchases(),
                    "built-in sample shop (seed " + shop.seed() + ", " + shop.customers() + " customers, "
                            + shop.period() + "; 'loyalty sample --out FILE' writes it as CSV)",
                    Optional.empty());
        }
        Path file = transactions.get();
        Progress progress = Progress.of(command);
        progress.step("reading " + file);
        PurchaseLoad load = source.isParquet(file)
                ? PurchaseSource.readParquet(CsvLayout.existing(file), options, layout.maxBadRows, progress)
                : PurchaseCsv.load(CsvLayout.existing(file), options, layout.maxBadRows, progress);
        return loaded(load, file.toString());
    }

    /** The load with its source line; skipped bad rows are warned about on standard error. */
    private Loaded<PurchaseTable> loaded(PurchaseLoad load, String name) {
        LoadSummary summary = load.summary();
        if (summary.badRowCount() > 0) {
            CsvLayout.warn(command.qualifiedName(), command.commandLine().getErr(), summary.badRowsText());
        }
        long bad = summary.badRowCount();
        String source = bad == 0 ? name : name + " (" + bad + " bad row" + (bad == 1 ? "" : "s") + " skipped)";
        return new Loaded<>(load.table(), source, Optional.of(summary));
    }

    /** The settings of each preset as {@code --preset} lists them; a test checks them against the core presets. */
    static final class PresetHelp {
        static final String SHOPIFY = "  shopify: --customer-col Email --date-col 'Created at' --amount-col Total"
                + " --quantity-col 'Lineitem quantity' --order-col Name --refunded-col 'Refunded Amount'"
                + " --status-col 'Financial Status' --exclude-status authorized,pending,voided --missing-customer skip"
                + " --thousands-separator ,";
        static final String WOOCOMMERCE = "  woocommerce: --customer-col customer_id --date-col order_date"
                + " --amount-col order_total --order-col order_number --status-col status"
                + " --include-status completed,processing,wc-completed,wc-processing --missing-customer skip"
                + " --guest-id 0 --thousands-separator ,";
        static final String STRIPE = "  stripe: --customer-col 'Customer ID' --date-col 'Created date (UTC)'"
                + " --amount-col Amount --refunded-col 'Amount Refunded' --status-col Status"
                + " --exclude-status Canceled,Failed,Uncaptured --missing-customer skip --thousands-separator ,";
        static final String ONLINE_RETAIL = "  online-retail: --customer-col CustomerID --date-col InvoiceDate"
                + " --quantity-col Quantity --order-col InvoiceNo --unit-price-col UnitPrice --missing-customer skip"
                + " --date-format 'M/d/yy H:mm'";

        private PresetHelp() {}

        /** A preset's settings written as options, as the constants above write them. */
        static String of(PurchasePreset preset) {
            return "  " + preset.cliName() + ": "
                    + preset.settings().entrySet().stream()
                            .map(PresetHelp::option)
                            .collect(Collectors.joining(" "));
        }

        private static String option(Map.Entry<String, String> e) {
            String v = e.getValue();
            return e.getKey() + " " + (v.contains(" ") ? "'" + v + "'" : v);
        }
    }
}
