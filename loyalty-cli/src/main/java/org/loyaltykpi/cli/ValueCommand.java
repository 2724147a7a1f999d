package org.loyaltykpi.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.report.CommandDocuments;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.value.ValueCalculator;
import org.loyaltykpi.value.ValueOptions;
import org.loyaltykpi.value.ValueSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty value}: CAC, LTV in two forms, LTV:CAC, CAC payback per cohort, repeat against first-time revenue. */
@Command(
        name = "value",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty value",
            "  loyalty value --transactions orders.csv --spend spend.csv --margin 0.4 --granularity quarter --format json",
        },
        mixinStandardHelpOptions = true,
        description = {
            "Acquisition and value: CAC = acquisition spend / new customers per period and overall; LTV simple (annual"
                    + " spend x expected years) and margin form (revenue per customer per period x margin / churn);"
                    + " LTV:CAC; CAC payback per acquisition cohort; repeat vs first-time revenue and AOV uplift.",
            "Without --transactions it runs on the built-in sample shop and its marketing spend. CSV output: one row"
                    + " per period with acquisition spend."
        })
final class ValueCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Mixin
    private SpendInput spendInput;

    @Mixin
    private GranularityOption granularityOption =
            GranularityOption.of("Periods of CAC, cohorts, churn and payback", Granularity.MONTH);

    @Option(
            names = "--margin",
            paramLabel = "M",
            description = "Gross margin on revenue, 0..1, for the margin LTV and the payback. Default: 1 (revenue).")
    private double margin = 1;

    @Option(
            names = "--expected-years",
            paramLabel = "YEARS",
            description = "Expected active years of a customer, for the simple LTV. Default: 3.")
    private double expectedYears = 3;

    @Option(
            names = "--allow-spend-without-customers",
            description = "Accept acquisition spend in periods without new customers (their CAC is undefined)"
                    + " instead of failing.")
    private boolean allowSpendWithoutCustomers;

    @Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.CSV, Format.JSON);

    @Mixin
    private LanguageOption lang;

    @Mixin
    private OutOption out;

    @Override
    public Integer call() {
        Format format = formatOption.get("value");
        Granularity granularity = granularityOption.get("value");
        Loaded<PurchaseTable> loaded = input.load();
        Optional<Loaded<List<MarketingSpend>>> spend = spendInput.load(input, loaded.value());
        List<MarketingSpend> spends = spend.map(Loaded::value).orElse(List.of());
        ValueOptions options = new ValueOptions(granularity, margin, expectedYears, allowSpendWithoutCustomers);
        ValueSummary summary = ValueCalculator.summarize(loaded.value(), spends, options);
        KeyFigure spendSource = KeyFigure.of(
                "spendSource",
                Message.of("about.spend"),
                Cell.text(spend.map(Loaded::source).orElse("")));
        if (spend.isEmpty()) {
            spendSource = spendSource.withUnit(Message.of("about.no-spend"));
        }
        Section section = CommandDocuments.value(summary);
        Document document =
                CommandOutput.document(Message.of("title.value"), loaded, List.of(spendSource), List.of(section));
        CommandOutput.write(
                spec, format, lang, out, document, () -> section.tables().get(0));
        return 0;
    }
}
