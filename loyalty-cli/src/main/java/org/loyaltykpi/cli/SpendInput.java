package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvRead;
import org.loyaltykpi.io.MarketingSpendCsv;
import picocli.CommandLine.Option;

/** The {@code --spend FILE} input: marketing spend CSV, or the sample shop's when the purchases are the sample's. */
final class SpendInput {

    @Option(
            names = "--spend",
            paramLabel = "FILE",
            description = "Marketing spend CSV: period,amount[,kind] (period 2025-03, 2025-Q1, 2025 or"
                    + " 2025-01-01/2025-02-01; kind acquisition (default), retention or other; amounts may carry a"
                    + " currency, and the purchases' --thousands-separator). Without it: the"
                    + " sample shop's spend when the purchases are the sample shop, else none.")
    private Optional<Path> spend = Optional.empty();

    /**
     * The spends: the file if given, else the sample shop's when the purchases are the sample shop's, else none.
     *
     * @param purchases the purchase input: whether it is the sample shop, and how other inputs are read
     * @param table the purchases, so the sample spend need not regenerate them
     */
    Optional<Loaded<List<MarketingSpend>>> load(PurchaseInput purchases, PurchaseTable table) {
        OtherInputs others = purchases.otherInputs();
        return CsvLayout.fileOrSampleShop(
                spend,
                purchases.isSampleShop(),
                file -> {
                    CsvRead<List<MarketingSpend>> read =
                            MarketingSpendCsv.readSkippingBadRows(file, others.spend(), others.maxBadRows());
                    return Loaded.of(others.accept(read), OtherInputs.source(file, read));
                },
                () -> Loaded.of(
                        SampleShop.standard().marketingSpend(table),
                        "built-in sample shop's marketing spend ('loyalty sample --spend-out FILE' writes it as"
                                + " CSV)"));
    }
}
