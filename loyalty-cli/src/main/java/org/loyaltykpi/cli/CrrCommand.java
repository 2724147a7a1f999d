package org.loyaltykpi.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.report.CommandDocuments;
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

    @picocli.CommandLine.Mixin
    private LanguageOption lang;

    @picocli.CommandLine.Mixin
    private OutOption out;

    @Override
    public Integer call() {
        Format format = formatOption.get("crr");
        CustomerRetentionRate crr = CustomerRetentionRate.of(start, end, acquired);
        Document document = new Document(Message.of("title.crr"), List.of(), List.of(CommandDocuments.crr(crr)));
        CommandOutput.write(spec, format, lang, out, document, () -> {
            throw new IllegalStateException("crr has no CSV");
        });
        return 0;
    }
}
