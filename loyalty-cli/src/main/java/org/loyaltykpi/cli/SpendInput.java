package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.Delimiter;
import org.loyaltykpi.io.MarketingSpendCsv;
import picocli.CommandLine.Option;

/** The {@code --spend FILE} input: marketing spend CSV, or the sample shop's when the purchases are the sample's. */
final class SpendInput {

    @Option(
            names = "--spend",
            paramLabel = "FILE",
            description = "Marketing spend CSV: period,amount[,kind] (period 2025-03, 2025-Q1, 2025 or"
                    + " 2025-01-01/2025-02-01; kind acquisition (default), retention or other). Without it: the"
                    + " sample shop's spend when the purchases are the sample shop, else none.")
    private Optional<Path> spend = Optional.empty();

    /**
     * The spends: the file if given, else the sample shop's when the purchases are the sample shop's, else none.
     *
     * @param sampleShop whether the purchases are the built-in sample shop's
     * @param table the purchases, so the sample spend need not regenerate them
     */
    Optional<Loaded<List<MarketingSpend>>> load(boolean sampleShop, PurchaseTable table) {
        return CsvLayout.fileOrSampleShop(
                spend,
                sampleShop,
                file -> Loaded.of(MarketingSpendCsv.read(file, Delimiter.COMMA), file.toString()),
                () -> Loaded.of(
                        SampleShop.standard().marketingSpend(table),
                        "built-in sample shop's marketing spend ('loyalty sample --spend-out FILE' writes it as"
                                + " CSV)"));
    }
}
