package org.loyaltykpi.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
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
                + " NPS, CSAT, CES, CSI, ...")
public final class LoyaltyCli implements Runnable {
    /**
     * The subcommands by name, in the order the help lists them. Not in the {@code @Command} annotation: picocli builds
     * the model of every annotated subcommand (reflection over each option and mixin) before it parses anything, a
     * tenth to a third of a second of a short run; {@link #commandLine} builds only the one the arguments name.
     */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands(
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
            CommandLine.HelpCommand.class);

    /** Exit code for bad usage or bad input. */
    static final int BAD_INPUT = 2;

    /** Exit code for an internal error. */
    static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Progress progress;

    /** The command with no progress line (for help texts and tests that build the command line themselves). */
    public LoyaltyCli() {
        this(Progress.none());
    }

    private LoyaltyCli(Progress progress) {
        this.progress = progress;
    }

    /** The progress line of this run. */
    Progress progress() {
        return progress;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Not System.out: a PrintStream swallows write errors, and output lost to a full disk must not exit 0.
        PrintWriter out = new PrintWriter(
                new BufferedWriter(
                        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)),
                false);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        if (code == 0 && System.out.checkError()) {
            err.println("loyalty: cannot write to standard output");
            code = BAD_INPUT;
        }
        System.exit(code);
    }

    /**
     * Runs the command line with the given output streams, for tests and embedding.
     *
     * <p>Output that cannot be written (a full disk, a closed pipe, {@code > /dev/full}) is exit 2 with a message, never
     * exit 0; running out of memory is exit 2 with one line saying how much heap there was and how to give more.
     *
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, "1".equals(System.getenv("LOYALTY_PROGRESS")), args);
    }

    /**
     * Runs the command line, with a progress line on {@code err} when {@code terminal} says standard error is a
     * terminal (the launcher sets {@code LOYALTY_PROGRESS=1} then) and {@code --quiet} is not given.
     *
     * @param out standard output
     * @param err standard error
     * @param terminal whether standard error is a terminal
     * @param args the arguments
     * @return the exit code
     */
    static int run(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
        Progress progress = new Progress(err, terminal);
        CommandLine cli = commandLine(progress, args);
        PrintWriter clearedOut = new PrintWriter(progress.clearing(out), false);
        cli.setOut(clearedOut);
        cli.setErr(new PrintWriter(progress.clearing(err), true));
        cli.setExecutionStrategy(parseResult -> {
            CommandLine.ParseResult last = parseResult;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            progress.quiet(last.hasMatchedOption("--quiet"));
            progress.command(last.commandSpec().qualifiedName());
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                progress.clear();
                clearedOut.flush();
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(cli);
        OptionGroups.describe(cli);
        cli.setParameterExceptionHandler(LoyaltyCli::onBadUsage);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                onFailure(e, commandLine, parseResult.originalArgs().toArray(String[]::new)));
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(err, args);
        }
        if (out.checkError() && code != INTERNAL_ERROR) {
            err.println("loyalty: cannot write the output (standard output): the disk may be full or the reader gone");
            code = BAD_INPUT;
        }
        err.flush();
        return code;
    }

    private static java.util.Map<String, Class<?>> subcommands(Class<?>... commands) {
        java.util.Map<String, Class<?>> byName = new java.util.LinkedHashMap<>();
        for (Class<?> command : commands) {
            byName.put(command.getAnnotation(Command.class).name(), command);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * The whole command line, every subcommand included (for help texts and tests that walk the commands).
     *
     * @return the command line
     */
    static CommandLine commandLine() {
        return commandLine(Progress.none());
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand (other than {@code help}), only
     * that one is built, since it is the only one that can run; otherwise (top-level options, a typo, {@code help},
     * no argument) all of them, so the top-level help and picocli's suggestions list every command.
     */
    private static CommandLine commandLine(Progress progress, String... args) {
        CommandLine cli = new CommandLine(new LoyaltyCli(progress));
        Class<?> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named);
        } else {
            SUBCOMMANDS.values().forEach(cli::addSubcommand);
        }
        return cli;
    }

    /** One line for a run out of heap: how much there was, roughly how much the input needs, and how to give more. */
    static int outOfMemory(PrintWriter err, String... args) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        err.println("loyalty" + (args.length > 0 ? " " + args[0] : "") + ": out of memory: the Java heap is at most "
                + maxMb + " MB; " + need(args) + "; give more heap with LOYALTY_JAVA_OPTS=-Xmx8g (the loyalty"
                + " launcher passes it to java) or narrow the input");
        err.flush();
        return BAD_INPUT;
    }

    /** Bytes of heap a purchase needs while loading (the table keeps 24), for the estimate of an out-of-memory line. */
    static final int LOAD_BYTES_PER_PURCHASE = 50;

    /** The rough need of the purchase file among the arguments (about 30 bytes a CSV row), or the rule of thumb. */
    static String need(String... args) {
        for (int i = 0; i < args.length; i++) {
            String file = args[i].startsWith("--transactions=")
                    ? args[i].substring("--transactions=".length())
                    : args[i].equals("--transactions") && i + 1 < args.length ? args[i + 1] : null;
            if (file != null) {
                try {
                    long bytes = java.nio.file.Files.size(java.nio.file.Path.of(file));
                    long rows = Math.max(1, bytes / 30);
                    return file + " (" + (bytes >> 20) + " MB, about " + rows + " rows) needs roughly "
                            + Math.max(1, rows * LOAD_BYTES_PER_PURCHASE >> 20) + " MB or more to load";
                } catch (java.io.IOException | RuntimeException e) {
                    break;
                }
            }
        }
        return "purchases need about " + LOAD_BYTES_PER_PURCHASE + " bytes each while loading, so 10 million need"
                + " about 0.5 GB";
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command, for example 'loyalty report'");
    }

    private static int onBadUsage(ParameterException e, String[] args) {
        String name = e.getCommandLine().getCommandSpec().qualifiedName();
        e.getCommandLine().getErr().println(name + ": " + withoutJavaText(message(e)) + " (see '" + name + " --help')");
        return BAD_INPUT;
    }

    private static int onFailure(Exception e, CommandLine command, String[] args) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (e.getCause() instanceof OutOfMemoryError) {
            return outOfMemory(err, args);
        }
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            err.println(name + ": " + message(e));
            return BAD_INPUT;
        }
        if (System.getenv("LOYALTY_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.println(name + ": internal error: " + e.getClass().getSimpleName() + ": " + message(e)
                + " (set LOYALTY_DEBUG=1 for details)");
        return INTERNAL_ERROR;
    }

    /** The most characters of a message printed: one line, whatever an exception holds. */
    static final int MESSAGE_CHARACTERS = 600;

    /** An exception's message as one line of at most {@link #MESSAGE_CHARACTERS} characters. */
    static String message(Throwable e) {
        String text = oneLine(String.valueOf(e.getMessage()));
        return text.length() <= MESSAGE_CHARACTERS
                ? text
                : text.substring(0, MESSAGE_CHARACTERS) + "... (" + text.length() + " characters)";
    }

    /**
     * A message without the Java exception text that a library appends, such as {@code (java.lang.NumberFormatException:
     * Character N is neither a decimal digit ...)}: the user reads what is wrong, not how Java noticed.
     */
    static String withoutJavaText(String message) {
        return message.replaceAll("\\s*\\((java|javax|picocli)\\.[\\w.$]*(Exception|Error)\\b[^)]*\\)", "")
                .replaceAll("\\b(java|javax)\\.[a-z]+\\.(\\w+\\.)*(\\w*(Exception|Error)): ", "")
                .replaceFirst("cannot convert '(.*)' to BigDecimal", "'$1' is not a decimal number");
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
