package org.loyaltykpi.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.report.ClvDocuments;
import org.loyaltykpi.domain.PurchaseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty rfm}: the per-customer BTYD summary as CSV (or JSON, text), rendered through the document. */
@Command(
        name = "rfm",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty rfm --calibration-end 2025-06-30 --holdout-end 2025-12-31 --time-unit weeks",
        },
        mixinStandardHelpOptions = true,
        description = {
            "Per-customer summary of the calibration period as CSV (json and text add the calibration end and time"
                    + " unit):"
                    + " customer_id,frequency,recency,T,monetary_value (+ holdout columns with --holdout-end).",
            "frequency = repeat purchase days; recency = first to last purchase day; T = first purchase day to the"
                    + " calibration end; monetary_value = mean value of the repeat purchase days (same-day purchases"
                    + " summed, first day excluded). Customers whose first purchase is after the calibration end are"
                    + " left out."
        })
final class RfmCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Mixin
    private ClvModels.SummaryOptions calibration;

    @Option(
            names = "--holdout-end",
            paramLabel = "DATE",
            description = "Last day of the holdout period (inclusive): adds frequency_holdout,"
                    + "monetary_value_holdout,duration_holdout.")
    private Optional<LocalDate> holdoutEnd = Optional.empty();

    @Mixin
    private FormatOption formatOption = FormatOption.of(
                    FormatOption.Format.CSV, FormatOption.Format.JSON, FormatOption.Format.TEXT)
            .withNote("one row per customer");

    @Mixin
    private LanguageOption lang;

    @Mixin
    private OutOption out;

    @Override
    public Integer call() {
        FormatOption.Format format = formatOption.get("rfm");
        Loaded<PurchaseTable> loaded = input.load();
        BtydSummary s = holdoutEnd.isPresent()
                ? BtydSummary.of(loaded.value(), calibration.calibrationEnd, holdoutEnd.get(), calibration.timeUnit)
                : BtydSummary.of(loaded.value(), calibration.calibrationEnd, calibration.timeUnit);
        Section section = ClvDocuments.btydSummary(s);
        Document document = CommandOutput.document(Message.of("title.rfm"), loaded, List.of(), List.of(section));
        CommandOutput.write(
                spec,
                format,
                lang,
                out,
                document,
                () -> document.table("customers").orElseThrow());
        return 0;
    }
}
