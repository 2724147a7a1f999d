package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.PurchaseCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty rfm}: the per-customer BTYD summary as CSV. */
@Command(
        name = "rfm",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty rfm --calibration-end 2025-06-30 --holdout-end 2025-12-31 --time-unit weeks",
        },
        mixinStandardHelpOptions = true,
        description = {
            "Per-customer summary of the calibration period as CSV:"
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
    private FormatOption formatOption = FormatOption.of(FormatOption.Format.CSV).withNote("one row per customer");

    @Override
    public Integer call() {
        formatOption.get("rfm");
        Loaded<PurchaseTable> loaded = input.load();
        BtydSummary s = holdoutEnd.isPresent()
                ? BtydSummary.of(loaded.value(), calibration.calibrationEnd, holdoutEnd.get(), calibration.timeUnit)
                : BtydSummary.of(loaded.value(), calibration.calibrationEnd, calibration.timeUnit);
        PrintWriter out = spec.commandLine().getOut();
        out.println("customer_id,frequency,recency,T,monetary_value"
                + (s.hasHoldout() ? ",frequency_holdout,monetary_value_holdout,duration_holdout" : ""));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            line.setLength(0);
            line.append(PurchaseCsv.quote(s.customer(i).value()))
                    .append(',')
                    .append(s.frequency(i))
                    .append(',')
                    .append(s.recency(i))
                    .append(',')
                    .append(s.age(i))
                    .append(',')
                    .append(s.monetaryValue(i));
            if (s.hasHoldout()) {
                line.append(',')
                        .append(s.holdoutFrequency(i))
                        .append(',')
                        .append(s.holdoutMonetaryValue(i))
                        .append(',')
                        .append(s.holdoutDuration().getAsDouble());
            }
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
