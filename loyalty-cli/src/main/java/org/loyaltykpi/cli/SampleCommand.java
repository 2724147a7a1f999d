package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.MarketingSpendCsv;
import org.loyaltykpi.io.ProgramEventCsv;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.ReviewCsv;
import org.loyaltykpi.io.SurveyCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty sample}: writes the built-in sample shop's purchases as CSV, to show the input format. */
@Command(
        name = "sample",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty sample --out orders.csv",
            "  loyalty sample --customers 100 --seed 7 --format csv | head",
            "  loyalty sample --customers 1000 --out orders.csv --responses-out answers.csv --reviews-out reviews.csv --spend-out spend.csv --events-out events.csv",
        },
        mixinStandardHelpOptions = true,
        description = "Write the sample shop's purchases as CSV (customer_id,date,amount,category,quantity), and"
                + " optionally its survey answers, reviews, marketing spend and loyalty-program events, each to its own"
                + " file.")
final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private QuietOption quiet;

    @picocli.CommandLine.Mixin
    private FormatOption formatOption = FormatOption.of(FormatOption.Format.CSV)
            .withNote("the purchases, and each --*-out file, as CSV with a header row");

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
            names = "--events-out",
            paramLabel = "FILE",
            description = "Also write the sample shop's loyalty-program events as CSV"
                    + " (customer_id,date,event,points,tier,referred_customer_id).")
    private Optional<Path> eventsFile = Optional.empty();

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
        formatOption.get("sample");
        Map<String, Optional<Path>> outputs = new LinkedHashMap<>();
        outputs.put("--out", outFile);
        outputs.put("--responses-out", responsesFile);
        outputs.put("--events-out", eventsFile);
        outputs.put("--reviews-out", reviewsFile);
        outputs.put("--spend-out", spendFile);
        OutputFiles.distinct(outputs);
        SampleShop shop = SampleShop.standard().withCustomers(customers).withSeed(seed);
        Progress progress = Progress.of(spec);
        progress.step(String.format(java.util.Locale.ROOT, "generating %,d customers", customers));
        PurchaseTable table = shop.purchases();
        progress.step(String.format(java.util.Locale.ROOT, "writing %,d purchases", table.size()));
        responsesFile.ifPresent(file -> SurveyCsv.write(shop.surveyResponses(table), file));
        eventsFile.ifPresent(file -> ProgramEventCsv.write(shop.programEvents(table), file));
        reviewsFile.ifPresent(file -> ReviewCsv.write(shop.reviews(table), file));
        spendFile.ifPresent(file -> MarketingSpendCsv.write(shop.marketingSpend(table), file));
        if (outFile.isPresent()) {
            PurchaseCsv.write(table, outFile.get());
        } else {
            PrintWriter out = spec.commandLine().getOut();
            PurchaseCsv.write(table, out);
        }
        return 0;
    }
}
