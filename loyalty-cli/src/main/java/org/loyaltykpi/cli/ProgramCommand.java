package org.loyaltykpi.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.program.ProgramCalculator;
import org.loyaltykpi.program.ProgramPeriod;
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

    @picocli.CommandLine.Mixin
    private LanguageOption lang;

    @picocli.CommandLine.Mixin
    private OutOption out;

    /** The days of the purchases and the events; empty when there are neither. */
    private static Optional<DateRange> range(PurchaseTable table, List<ProgramEvent> events) {
        LocalDate first = null;
        LocalDate last = null;
        if (table.dateRange().isPresent()) {
            first = table.dateRange().get().start();
            last = table.dateRange().get().endExclusive().minusDays(1);
        }
        for (ProgramEvent e : events) {
            first = first == null || e.date().isBefore(first) ? e.date() : first;
            last = last == null || e.date().isAfter(last) ? e.date() : last;
        }
        return first == null ? Optional.empty() : Optional.of(DateRange.of(first, last.plusDays(1)));
    }

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
        List<Section> sections = new ArrayList<>();
        range(loaded.value(), program.value()).ifPresent(range -> {
            List<ProgramPeriod> periods = ProgramCalculator.series(loaded.value(), program.value(), range, granularity);
            DateRange last = periods.get(periods.size() - 1).period();
            LocalDate end = last.endExclusive().minusDays(1);
            sections.add(CommandDocuments.program(
                    periods,
                    ProgramCalculator.tierDistribution(program.value(), end),
                    ProgramCalculator.tierMigration(
                            program.value(), last.start().minusDays(1), end),
                    ProgramCalculator.lift(loaded.value(), program.value(), last),
                    pointValue));
        });
        Document document = CommandOutput.document(
                Message.of("title.program", GranularityOption.code(granularity), (long)
                        program.value().size()),
                loaded,
                List.of(
                        KeyFigure.of("events", Message.of("about.events"), Cell.text(program.source())),
                        KeyFigure.of("granularity", Message.of("field.granularity"), Cell.label("unit", granularity))),
                sections);
        CommandOutput.write(spec, format, lang, out, document, () -> {
            throw new IllegalStateException("program has no CSV");
        });
        return 0;
    }
}
