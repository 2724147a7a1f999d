package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.retention.CustomerRetentionRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty crr --start CS --end CE --new CN}: the customer retention rate from CRM counts. */
@Command(
        name = "crr",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty crr --start 200 --end 210 --new 30",
        },
        mixinStandardHelpOptions = true,
        description = "Customer retention rate from counts: CRR = (CE - CN) / CS x 100.")
final class CrrCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private QuietOption quiet;

    @Option(names = "--start", required = true, paramLabel = "CS", description = "Customers at the start.")
    private long start;

    @Option(names = "--end", required = true, paramLabel = "CE", description = "Customers at the end.")
    private long end;

    @Option(names = "--new", required = true, paramLabel = "CN", description = "New customers in the period.")
    private long acquired;

    @picocli.CommandLine.Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.JSON);

    @Override
    public Integer call() {
        Format format = formatOption.get("crr");
        CustomerRetentionRate crr = CustomerRetentionRate.of(start, end, acquired);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            try (Json json = new Json(out)) {
                json.beginObject()
                        .field("customersAtStart", crr.customersAtStart())
                        .field("customersAtEnd", crr.customersAtEnd())
                        .field("newCustomers", crr.newCustomers())
                        .field("retained", crr.retainedCustomers())
                        .field("lost", crr.lostCustomers())
                        .field("retentionRate", crr.rate())
                        .field("churnRate", crr.churnRate().value())
                        .endObject();
            }
        } else {
            out.println("CRR    " + BehaviourOutput.percent(crr.retention()) + "  (CE - CN) / CS = ("
                    + crr.customersAtEnd() + " - " + crr.newCustomers() + ") / " + crr.customersAtStart());
            out.println("churn  " + BehaviourOutput.percent(crr.churnRate()) + "  " + crr.lostCustomers() + " lost of "
                    + crr.customersAtStart());
        }
        out.flush();
        return 0;
    }
}
