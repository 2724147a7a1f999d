package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.CsvRead;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.PurchaseJdbc;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The purchase input options shared by every command that reads purchases (the CLI contract in the README). */
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
            names = "--customer-col",
            paramLabel = "COL",
            description = "Customer id column: header name or 1-based number. Default: customer_id.")
    private String customerColumn = CsvOptions.CUSTOMER;

    @Option(names = "--date-col", paramLabel = "COL", description = "Date column. Default: date.")
    private String dateColumn = CsvOptions.DATE;

    @Option(names = "--amount-col", paramLabel = "COL", description = "Amount column. Default: amount.")
    private String amountColumn = CsvOptions.AMOUNT;

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
    private char decimalSeparator = '.';

    /** The loaded purchases and a description of where they came from. */
    record Loaded(PurchaseTable table, String source) {}

    CsvOptions csvOptions() {
        CsvOptions options = CsvOptions.defaults()
                .withDelimiter(layout.delimiter)
                .withHeader(!layout.noHeader)
                .withCustomerColumn(ColumnRef.parse(customerColumn))
                .withDateColumn(ColumnRef.parse(dateColumn))
                .withAmountColumn(ColumnRef.parse(amountColumn))
                .withDatePattern(layout.dateFormat)
                .withDecimalSeparator(decimalSeparator);
        if (categoryColumn.isPresent()) {
            options = options.withCategoryColumn(ColumnRef.parse(categoryColumn.get()));
        }
        if (quantityColumn.isPresent()) {
            options = options.withQuantityColumn(ColumnRef.parse(quantityColumn.get()));
        }
        return options;
    }

    /** Whether no purchase file is given, so commands run on the built-in sample shop. */
    boolean isSampleShop() {
        return transactions.isEmpty() && !source.isJdbc();
    }

    Loaded load() {
        CsvOptions options = csvOptions();
        source.check(transactions.isPresent());
        if (source.isJdbc()) {
            CsvRead<PurchaseTable> read;
            try (PurchaseSource.Progress progress =
                    source.progress(command.commandLine().getErr())) {
                read = source.readJdbc(options, layout.maxBadRows, progress);
            }
            String name = PurchaseJdbc.sourceName(source.jdbcUrl.orElseThrow());
            return new Loaded(
                    layout.accept(
                            read, command.qualifiedName(), command.commandLine().getErr()),
                    CsvLayout.source(name, read));
        }
        if (transactions.isEmpty()) {
            SampleShop shop = SampleShop.standard();
            return new Loaded(
                    shop.purchases(),
                    "built-in sample shop (seed " + shop.seed() + ", " + shop.customers() + " customers, "
                            + shop.period() + "; 'loyalty sample --out FILE' writes it as CSV)");
        }
        Path file = transactions.get();
        CsvRead<PurchaseTable> read;
        try (PurchaseSource.Progress progress =
                source.progress(command.commandLine().getErr())) {
            read = source.isParquet(file)
                    ? PurchaseSource.readParquet(CsvLayout.existing(file), options, layout.maxBadRows, progress)
                    : PurchaseCsv.readSkippingBadRows(CsvLayout.existing(file), options, layout.maxBadRows, progress);
        }
        return new Loaded(
                layout.accept(
                        read, command.qualifiedName(), command.commandLine().getErr()),
                CsvLayout.source(file, read));
    }
}
