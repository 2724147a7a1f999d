package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.io.MarketingSpendCsv;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.ReviewCsv;
import org.loyaltykpi.io.SurveyCsv;
import org.loyaltykpi.sample.SampleShop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty sample}: writes the built-in sample shop's purchases as CSV, to show the input format. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Write the sample shop's purchases as CSV (customer_id,date,amount,category,quantity), and"
                + " optionally its survey answers.")
final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", paramLabel = "N", description = "Customers to generate. Default: 2000.")
    private int customers = SampleShop.standard().customers();

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed. Default: 42.")
    private long seed = SampleShop.standard().seed();

    @Option(names = "--out", paramLabel = "FILE", description = "The CSV file to write. Default: stdout.")
    private Optional<Path> outFile = Optional.empty();

    @Option(
            names = "--responses-out",
            paramLabel = "FILE",
            description = "Also write the sample shop's survey answers as CSV"
                    + " (respondent_id,date,question,score,segment,weight).")
    private Optional<Path> responsesFile = Optional.empty();

    @Option(
            names = "--reviews-out",
            paramLabel = "FILE",
            description = "Also write the sample shop's reviews as CSV (customer_id,date,rating,sentiment).")
    private Optional<Path> reviewsFile = Optional.empty();

    @Option(
            names = "--spend-out",
            paramLabel = "FILE",
            description = "Also write the sample shop's marketing spend as CSV (period,amount,kind).")
    private Optional<Path> spendFile = Optional.empty();

    @Override
    public Integer call() {
        SampleShop shop = SampleShop.standard().withCustomers(customers).withSeed(seed);
        responsesFile.ifPresent(file -> SurveyCsv.write(shop.surveyResponses(), file));
        reviewsFile.ifPresent(file -> ReviewCsv.write(shop.reviews(), file));
        spendFile.ifPresent(file -> MarketingSpendCsv.write(shop.marketingSpend(), file));
        if (outFile.isPresent()) {
            shop.writeCsv(outFile.get());
        } else {
            PrintWriter out = spec.commandLine().getOut();
            PurchaseCsv.write(shop.purchases(), out);
        }
        return 0;
    }
}
