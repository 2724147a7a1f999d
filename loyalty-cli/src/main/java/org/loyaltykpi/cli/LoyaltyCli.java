package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The {@code loyalty} command: loyalty KPIs from purchase exports, for analysts and scripts.
 *
 * <p>Exit codes: 0 on success, 2 on bad usage or bad input (one line on standard error naming the file, line, column
 * and value), 1 on an internal error (one line too; set {@code LOYALTY_DEBUG=1} for the stack trace).
 */
@Command(
        name = "loyalty",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty report",
            "  loyalty report --transactions orders.csv --format html --out report.html",
            "  loyalty cohort --transactions orders.csv --format csv",
            "  loyalty <command> --help",
        },
        mixinStandardHelpOptions = true,
        versionProvider = LoyaltyCli.Version.class,
        description = "Customer-loyalty KPIs from purchase and survey exports: retention, churn, repeat purchase, AOV,"
                + " NPS, CSAT, CES, CSI, ...",
        subcommands = {
            ReportCommand.class,
            RetentionCommand.class,
            CrrCommand.class,
            CohortCommand.class,
            SurveyCommand.class,
            RfmCommand.class,
            ClvCommand.class,
            TargetsCommand.class,
            ProgramCommand.class,
            ValueCommand.class,
            SampleCommand.class,
            SegmentsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LoyaltyCli implements Runnable {
    /** Exit code for bad usage or bad input. */
    static final int BAD_INPUT = 2;

    /** Exit code for an internal error. */
    static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                args));
    }

    /**
     * Runs the command line with the given output streams, for tests and embedding.
     *
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new LoyaltyCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(cli);
        cli.setParameterExceptionHandler(LoyaltyCli::onBadUsage);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> onFailure(e, commandLine));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command, for example 'loyalty report'");
    }

    private static int onBadUsage(ParameterException e, String[] args) {
        String name = e.getCommandLine().getCommandSpec().qualifiedName();
        e.getCommandLine().getErr().println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        return BAD_INPUT;
    }

    private static int onFailure(Exception e, CommandLine command) {
        PrintWriter err = command.getErr();
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            err.println(command.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        if (System.getenv("LOYALTY_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.println(command.getCommandSpec().qualifiedName() + ": internal error: "
                + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()))
                + " (set LOYALTY_DEBUG=1 for details)");
        return INTERNAL_ERROR;
    }

    static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LoyaltyCli.class.getPackage().getImplementationVersion();
            return new String[] {"loyalty " + (version == null ? "(development build)" : version)};
        }
    }
}
