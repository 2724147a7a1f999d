package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty program}: loyalty-program metrics from program events and purchases. */
@Command(
        name = "program",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty program",
            "  loyalty program --transactions orders.csv --events events.csv --granularity month --format json",
        },
        mixinStandardHelpOptions = true,
        description = {
            "Loyalty-program metrics per period: participation (members / customers), active member rate, points"
                    + " earned and redeemed, redemption rate, outstanding points (liability), referral rate and"
                    + " referred customers per referrer; the tier distribution at the end, the tier migration over"
                    + " the last period and the members' lift over comparable non-members in the last period.",
            "Without --transactions it runs on the built-in sample shop and its program events."
        })
final class ProgramCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Program events CSV: customer_id,date,event,points,tier,referred_customer_id (event: enrol,"
                    + " earn, redeem, tier_change, referral). Required with --transactions.")
    private Optional<Path> events = Optional.empty();

    @picocli.CommandLine.Mixin
    private GranularityOption granularityOption = GranularityOption.of("Period length", Granularity.QUARTER);

    @Option(
            names = "--point-value",
            paramLabel = "MONEY",
            description = "Money one point is worth, to show the liability in money (e.g. 0.01).")
    private Optional<BigDecimal> pointValue = Optional.empty();

    @picocli.CommandLine.Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.JSON);

    @Override
    public Integer call() {
        Format format = formatOption.get("program");
        Granularity granularity = granularityOption.get("program");
        if (pointValue.isPresent() && pointValue.get().signum() < 0) {
            throw new IllegalArgumentException("--point-value must be >= 0: " + pointValue.get());
        }
        Loaded<PurchaseTable> loaded = input.load();
        Loaded<List<ProgramEvent>> program = ProgramInput.load(events, loaded.value(), input)
                .orElseThrow(() -> new IllegalArgumentException(
                        "--events FILE is required with --transactions (customer_id,date,event,points,tier,"
                                + "referred_customer_id)"));
        Optional<ProgramOutput> output = ProgramOutput.of(loaded.value(), program.value(), granularity, pointValue);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            try (Json json = new Json(out)) {
                json.beginObject()
                        .field("source", loaded.source())
                        .field("events", program.source())
                        .field("granularity", granularity.name());
                output.ifPresent(o -> o.json(json));
                json.endObject();
            }
        } else {
            out.println("Loyalty program by " + granularity.name().toLowerCase(Locale.ROOT) + ": "
                    + program.value().size() + " events");
            out.println("source: " + loaded.source());
            out.println("events: " + program.source());
            out.println();
            if (output.isPresent()) {
                output.get().text(out);
            } else {
                out.println("  No purchases and no events.");
            }
        }
        out.flush();
        return 0;
    }
}
