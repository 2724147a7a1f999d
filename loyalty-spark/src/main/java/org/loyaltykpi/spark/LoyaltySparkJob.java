package org.loyaltykpi.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.report.ClvDocuments;
import org.loyaltykpi.document.report.CohortDocuments;
import org.loyaltykpi.document.report.CommandDocument;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.Delimiter;
import org.loyaltykpi.io.LoadSummary;
import org.loyaltykpi.io.PurchasePreset;
import org.loyaltykpi.io.PurchaseRules;

/**
 * The {@code spark-submit} job: reads purchases (CSV, whitespace-separated text, Parquet or a catalog table) with the
 * command line's column options, and writes into {@code --out DIR}:
 *
 * <ul>
 *   <li>{@code cohort.json}: the acquisition-cohort matrix, the JSON of {@code loyalty cohort --format json --metric
 *       customers};
 *   <li>with {@code --calibration-end}: {@code btyd-summary.parquet} (the per-customer summary, the columns of {@code
 *       loyalty rfm}), {@code fit.json} (the JSON of {@code loyalty clv fit}), {@code spend-fit.json} (the JSON of
 *       {@code loyalty clv fit --model gamma-gamma}; not with {@code --no-spend}) and {@code predictions.parquet}
 *       ({@code customer_id, p_alive, expected_purchases, expected_spend, clv} over {@code --horizon}, as {@code
 *       loyalty clv predict} writes them; without the last two with {@code --no-spend}).
 * </ul>
 *
 * <p>The input options are the command line's ({@code --preset}, the column options, {@code --order-col}, {@code
 * --unit-price-col}, {@code --refunded-col}, {@code --status-col} with {@code --exclude-status} or {@code
 * --include-status}, {@code --refunds}, {@code --missing-customer}, {@code --guest-id}, {@code --time-zone}, the
 * separators): the rows go through the core's row pipeline, and the job prints the load summary.
 *
 * <pre>
 * spark-submit --class org.loyaltykpi.spark.LoyaltySparkJob --jars loyalty-core.jar,loyalty-report.jar loyalty-spark.jar \
 *     --transactions s3://shop/orders.parquet --calibration-end 2025-06-30 --out s3://shop/loyalty
 * </pre>
 *
 * <p>Exit codes as the command line's: 0 done, 2 bad usage or bad input (one line on standard error naming the
 * option, or the file, column and value), 1 internal error.
 */
public final class LoyaltySparkJob {
    private static final String USAGE = "usage: loyalty-spark (--transactions PATH | --table NAME) --out DIR"
            + " [--format csv|parquet|text] [--delimiter ','|';'|tab|whitespace] [--no-header]"
            + " [--preset shopify|woocommerce|stripe|online-retail]"
            + " [--customer-col C] [--date-col C] [--amount-col C] [--category-col C] [--quantity-col C]"
            + " [--order-col C] [--unit-price-col C] [--refunded-col C] [--status-col C]"
            + " [--exclude-status S,... | --include-status S,...] [--refunds net|exclude|error]"
            + " [--missing-customer skip|error] [--guest-id ID,...]"
            + " [--date-format PATTERN] [--time-zone ZONE] [--decimal-separator C] [--thousands-separator C]"
            + " [--amount-scale N] [--granularity day|week|month|quarter|year]"
            + " [--calibration-end DATE [--holdout-end DATE] [--time-unit days|weeks|months|years]"
            + " [--model bg-nbd|mbg-nbd|pareto-nbd] [--horizon N] [--margin F] [--discount-rate R]"
            + " [--exclude-nonpositive] [--no-spend]] [--partitions N] [--master URL]";

    private LoyaltySparkJob() {}

    /**
     * Runs the job and exits with its code.
     *
     * @param args the options (see the class description)
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the job in this JVM, on the active Spark session or a new one.
     *
     * @param args the options
     * @param out where the summary of what was written goes
     * @param err where errors go, one line each
     * @return the exit code: 0 done, 2 bad usage or input, 1 internal error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("loyalty-spark: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        try {
            SparkSession.Builder builder = SparkSession.builder().appName("loyalty-spark");
            options.master.ifPresent(builder::master);
            SparkSession spark = builder.getOrCreate();
            execute(spark, options, out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("loyalty-spark: " + e.getMessage());
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("loyalty-spark: internal error: " + e);
            return 1;
        }
    }

    /**
     * Writes {@code cohort.json}: the JSON of {@code loyalty cohort --format json --metric customers}, from the same
     * document builder ({@link CohortDocuments}) and renderer ({@link JsonRenderer#renderFields}): {@code source},
     * {@code input} (the load summary), {@code granularity}, {@code metric}, {@code lastPeriod}, {@code cohorts}.
     *
     * @param out where to write
     * @param source the input's name, as given
     * @param load the load summary
     * @param matrix the cohort matrix
     */
    static void cohortJson(Writer out, String source, LoadSummary load, CohortMatrix matrix) {
        CohortMetric metric = CohortMetric.CUSTOMERS;
        RetentionDefinition definition = RetentionDefinition.CLASSIC;
        JsonRenderer.renderFields(
                CommandDocument.of(
                        CohortDocuments.title(matrix, metric, definition),
                        source,
                        Optional.of(load),
                        List.of(),
                        CohortDocuments.sections(matrix, metric, definition)),
                out);
    }

    /**
     * Writes {@code fit.json} or {@code spend-fit.json}: the JSON of {@code loyalty clv fit --format json}, from the
     * same document builder ({@link ClvDocuments#fit}) and renderer: {@code source}, {@code input}, {@code model},
     * {@code timeUnit}, {@code customers}, {@code params}, {@code standardErrors}, {@code logLikelihood},
     * {@code converged}, {@code warnings}, {@code covariance}, {@code intervals}.
     *
     * @param out where to write
     * @param source the input's name, as given
     * @param load the load summary
     * @param fit the fit
     */
    static void fitJson(Writer out, String source, LoadSummary load, ModelFit fit) {
        JsonRenderer.renderFields(
                CommandDocument.of(
                        Message.of("title.clv-fit", fit.model()),
                        source,
                        Optional.of(load),
                        List.of(),
                        ClvDocuments.fit(fit, List.of())),
                out);
    }

    private static void execute(SparkSession spark, Options o, PrintStream out) throws IOException {
        Dataset<Row> frame = read(spark, o);
        CsvOptions options = o.csvOptions();
        int partitions =
                o.partitions.orElseGet(() -> spark.sessionState().conf().numShufflePartitions());
        boolean textFiles = o.table.isEmpty() && !o.resolvedFormat().equals("parquet");
        SparkPurchases purchases = textFiles
                ? SparkPurchases.fromCsvFiles(frame, options, partitions)
                : SparkPurchases.from(frame, options, partitions);
        purchases.persist();
        Path dir = Path.of(o.out);
        Files.createDirectories(dir);
        LoadSummary load = purchases.loadSummary();
        String source = o.transactions.or(() -> o.table).orElse("input");
        out.println("loyalty-spark: read " + source + ": " + load);
        CohortMatrix matrix = SparkLoyalty.cohortMatrix(purchases, o.granularity);
        try (Writer w = Files.newBufferedWriter(dir.resolve("cohort.json"), StandardCharsets.UTF_8)) {
            cohortJson(w, source, load, matrix);
        }
        out.println("loyalty-spark: wrote " + dir.resolve("cohort.json") + " (" + matrix.cohortCount() + " cohorts)");
        if (o.calibrationEnd.isEmpty()) {
            return;
        }
        Dataset<Row> summary = SparkLoyalty.btydSummaryRows(purchases, o.calibrationEnd.get(), o.holdoutEnd, o.unit)
                .cache();
        Jobs.run(() -> {
            summary.write()
                    .mode(SaveMode.Overwrite)
                    .parquet(dir.resolve("btyd-summary.parquet").toString());
            return null;
        });
        BtydSummary rows = SparkLoyalty.collapsedSummary(summary, o.unit);
        TransactionModel model = SparkLoyalty.fit(o.model, rows, FitOptions.defaults());
        try (Writer w = Files.newBufferedWriter(dir.resolve("fit.json"), StandardCharsets.UTF_8)) {
            fitJson(w, source, load, model.fit().orElseThrow());
        }
        model.fit().orElseThrow().warnings().forEach(w -> out.println("loyalty-spark: warning: " + w));
        Dataset<Row> predictions;
        String spendFit = "";
        if (o.noSpend) {
            predictions = SparkLoyalty.predictions(summary, model, o.horizon);
        } else {
            GammaGammaModel spend = SparkLoyalty.fitSpend(
                    summary,
                    o.unit,
                    FitOptions.defaults(),
                    o.excludeNonPositive
                            ? GammaGammaModel.NonPositiveSpend.EXCLUDE
                            : GammaGammaModel.NonPositiveSpend.REJECT);
            try (Writer w = Files.newBufferedWriter(dir.resolve("spend-fit.json"), StandardCharsets.UTF_8)) {
                fitJson(w, source, load, spend.fit().orElseThrow());
            }
            spend.fit().orElseThrow().warnings().forEach(w -> out.println("loyalty-spark: warning: " + w));
            spendFit = ", " + dir.resolve("spend-fit.json") + " (" + spend + ")";
            predictions = SparkLoyalty.predictions(
                    summary, model, spend, new ClvOptions(o.horizon, o.unit, o.margin, o.discountRate));
        }
        Jobs.run(() -> {
            predictions
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(dir.resolve("predictions.parquet").toString());
            return null;
        });
        summary.unpersist();
        out.println("loyalty-spark: wrote " + dir.resolve("btyd-summary.parquet") + ", " + dir.resolve("fit.json")
                + " (" + model + ", " + rows.size() + " customers)" + spendFit + " and "
                + dir.resolve("predictions.parquet"));
    }

    /** The input as a frame of columns: Parquet and tables as they are, text files as string columns. */
    static Dataset<Row> read(SparkSession spark, Options o) {
        if (o.table.isPresent()) {
            return spark.table(o.table.get());
        }
        String path = o.transactions.orElseThrow();
        String format = o.resolvedFormat();
        switch (format) {
            case "parquet":
                return spark.read().parquet(path);
            case "csv":
            case "text":
                return o.delimiter.equals("whitespace")
                        ? whitespaceSeparated(spark, path, o.header)
                        : spark.read()
                                .option("header", o.header)
                                .option("sep", o.delimiter)
                                .option("escape", "\"")
                                .option("ignoreLeadingWhiteSpace", true)
                                .option("ignoreTrailingWhiteSpace", true)
                                .option("inferSchema", false)
                                .option("mode", "FAILFAST")
                                .csv(path);
            default:
                throw new IllegalArgumentException("--format must be csv, parquet or text: " + format);
        }
    }

    private static String guessFormat(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || lower.endsWith(".parquet/")) {
            return "parquet";
        }
        Path local = Path.of(path);
        if (Files.isDirectory(local)) {
            try (var files = Files.list(local)) {
                if (files.anyMatch(f -> f.toString().endsWith(".parquet"))) {
                    return "parquet";
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "csv";
    }

    /** Fields separated by runs of spaces or tabs, as {@code --delimiter whitespace} reads them on the command line. */
    private static Dataset<Row> whitespaceSeparated(SparkSession spark, String path, boolean header) {
        Dataset<String> lines = spark.read().textFile(path).filter((FilterFunction<String>) line -> !line.isBlank());
        Pattern blanks = Pattern.compile("\\s+");
        String first = lines.first();
        String[] firstFields = blanks.split(first.strip());
        String[] names = new String[firstFields.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = header ? firstFields[i] : "_c" + i;
        }
        StructType schema = new StructType();
        for (String name : names) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        Dataset<String> body = header ? lines.filter((FilterFunction<String>) line -> !line.equals(first)) : lines;
        int width = names.length;
        return body.map(
                (MapFunction<String, Row>) line -> {
                    String[] fields = blanks.split(line.strip());
                    Object[] values = new Object[width];
                    System.arraycopy(fields, 0, values, 0, Math.min(width, fields.length));
                    return RowFactory.create(values);
                },
                Encoders.row(schema));
    }

    /** The parsed command line. */
    static final class Options {
        Optional<String> transactions = Optional.empty();
        Optional<String> table = Optional.empty();
        Optional<String> format = Optional.empty();
        String out;
        String delimiter = ",";
        boolean header = true;
        final Map<String, String> columns = new LinkedHashMap<>();
        Optional<PurchasePreset> preset = Optional.empty();
        Optional<String> datePattern = Optional.empty();
        Optional<ZoneId> timeZone = Optional.empty();
        Optional<Character> decimalSeparator = Optional.empty();
        Optional<Character> thousandsSeparator = Optional.empty();
        Optional<Integer> amountScale = Optional.empty();
        final List<String> excludeStatuses = new ArrayList<>();
        final List<String> includeStatuses = new ArrayList<>();
        final List<String> guestIds = new ArrayList<>();
        Optional<PurchaseRules.Refunds> refunds = Optional.empty();
        Optional<PurchaseRules.MissingCustomer> missingCustomer = Optional.empty();
        Granularity granularity = Granularity.MONTH;
        Optional<LocalDate> calibrationEnd = Optional.empty();
        Optional<LocalDate> holdoutEnd = Optional.empty();
        TimeScale unit = TimeScale.WEEKS;
        String model = "bg-nbd";
        double horizon = 52;
        double margin = 1;
        double discountRate;
        boolean excludeNonPositive;
        boolean noSpend;
        Optional<Integer> partitions = Optional.empty();
        Optional<String> master = Optional.empty();
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> list = new ArrayList<>(Arrays.asList(args));
            for (int i = 0; i < list.size(); i++) {
                String name = list.get(i);
                if (name.equals("--help") || name.equals("-h")) {
                    o.help = true;
                    return o;
                }
                if (name.equals("--no-header")) {
                    o.header = false;
                    continue;
                }
                if (name.equals("--exclude-nonpositive")) {
                    o.excludeNonPositive = true;
                    continue;
                }
                if (name.equals("--no-spend")) {
                    o.noSpend = true;
                    continue;
                }
                if (!name.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument: " + name);
                }
                if (i + 1 >= list.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = list.get(++i);
                switch (name) {
                    case "--transactions" -> o.transactions = Optional.of(value);
                    case "--table" -> o.table = Optional.of(value);
                    case "--format" -> o.format = Optional.of(value.toLowerCase(Locale.ROOT));
                    case "--out" -> o.out = value;
                    case "--delimiter" -> o.delimiter = delimiter(value);
                    case "--customer-col",
                            "--date-col",
                            "--amount-col",
                            "--category-col",
                            "--quantity-col",
                            "--order-col",
                            "--unit-price-col",
                            "--refunded-col",
                            "--status-col" -> o.columns.put(name, value);
                    case "--preset" ->
                        o.preset = Optional.of(PurchasePreset.ofCliName(value)
                                .orElseThrow(() -> new IllegalArgumentException("--preset must be one of "
                                        + Arrays.stream(PurchasePreset.values())
                                                .map(PurchasePreset::cliName)
                                                .toList()
                                        + ": " + value)));
                    case "--date-format" -> o.datePattern = Optional.of(value);
                    case "--time-zone" -> o.timeZone = Optional.of(zone(value));
                    case "--decimal-separator" -> o.decimalSeparator = Optional.of(character(name, value));
                    case "--thousands-separator" -> o.thousandsSeparator = Optional.of(character(name, value));
                    case "--amount-scale" -> o.amountScale = Optional.of(integer(name, value, 0));
                    case "--exclude-status" -> o.excludeStatuses.addAll(List.of(value.split(",")));
                    case "--include-status" -> o.includeStatuses.addAll(List.of(value.split(",")));
                    case "--guest-id" -> o.guestIds.addAll(List.of(value.split(",")));
                    case "--refunds" -> o.refunds = Optional.of(choice(name, value, PurchaseRules.Refunds.class));
                    case "--missing-customer" ->
                        o.missingCustomer = Optional.of(choice(name, value, PurchaseRules.MissingCustomer.class));
                    case "--granularity" -> o.granularity = granularity(value);
                    case "--calibration-end" -> o.calibrationEnd = Optional.of(date(name, value));
                    case "--holdout-end" -> o.holdoutEnd = Optional.of(date(name, value));
                    case "--time-unit" -> o.unit = TimeScale.parse(value);
                    case "--model" -> o.model = value.toLowerCase(Locale.ROOT);
                    case "--horizon" -> o.horizon = number(name, value);
                    case "--margin" -> o.margin = number(name, value);
                    case "--discount-rate" -> o.discountRate = number(name, value);
                    case "--partitions" -> o.partitions = Optional.of(integer(name, value, 1));
                    case "--master" -> o.master = Optional.of(value);
                    default -> throw new IllegalArgumentException("unknown option: " + name);
                }
            }
            if (o.transactions.isPresent() == o.table.isPresent()) {
                throw new IllegalArgumentException("give exactly one of --transactions PATH and --table NAME");
            }
            if (o.out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            if (o.holdoutEnd.isPresent() && o.calibrationEnd.isEmpty()) {
                throw new IllegalArgumentException("--holdout-end needs --calibration-end");
            }
            if (!List.of("bg-nbd", "mbg-nbd", "pareto-nbd").contains(o.model)) {
                throw new IllegalArgumentException("--model must be bg-nbd, mbg-nbd or pareto-nbd: " + o.model);
            }
            o.csvOptions();
            return o;
        }

        /** The input options as the command line builds them: the preset's, then each option given. */
        CsvOptions csvOptions() {
            CsvOptions options = preset.map(PurchasePreset::csvOptions).orElseGet(CsvOptions::defaults);
            options = options.withHeader(header)
                    .withDelimiter(
                            delimiter.equals("whitespace")
                                    ? Delimiter.WHITESPACE
                                    : Delimiter.parse(delimiter.equals("\t") ? "tab" : delimiter));
            PurchaseRules rules = options.rules();
            for (Map.Entry<String, String> e : columns.entrySet()) {
                ColumnRef ref = ColumnRef.parse(e.getValue());
                switch (e.getKey()) {
                    case "--customer-col" -> options = options.withCustomerColumn(ref);
                    case "--date-col" -> options = options.withDateColumn(ref);
                    case "--amount-col" -> options = options.withAmountColumn(ref);
                    case "--category-col" -> options = options.withCategoryColumn(ref);
                    case "--quantity-col" -> options = options.withQuantityColumn(ref);
                    case "--order-col" -> rules = rules.withOrderColumn(ref);
                    case "--unit-price-col" -> rules = rules.withUnitPriceColumn(ref);
                    case "--refunded-col" -> rules = rules.withRefundedColumn(ref);
                    default -> rules = rules.withStatusColumn(ref);
                }
            }
            if (datePattern.isPresent()) {
                options = options.withDatePattern(datePattern.get());
            }
            if (decimalSeparator.isPresent()) {
                options =
                        options.withDecimalSeparator(decimalSeparator.get()); // a preset's same thousands one gives way
            }
            if (thousandsSeparator.isPresent()) {
                options = options.withThousandsSeparator(thousandsSeparator.get());
            }
            if (timeZone.isPresent()) {
                options = options.withTimeZone(timeZone.get());
            }
            if (amountScale.isPresent()) {
                options = options.withAmountScale(amountScale.get());
            }
            if (!excludeStatuses.isEmpty() && !includeStatuses.isEmpty()) {
                throw new IllegalArgumentException("give --exclude-status or --include-status, not both");
            }
            if (!excludeStatuses.isEmpty()) {
                rules = rules.withExcludeStatuses(Set.copyOf(excludeStatuses));
            }
            if (!includeStatuses.isEmpty()) {
                rules = rules.withIncludeStatuses(Set.copyOf(includeStatuses));
            }
            if (refunds.isPresent()) {
                rules = rules.withRefunds(refunds.get());
            }
            if (missingCustomer.isPresent()) {
                rules = rules.withMissingCustomer(missingCustomer.get());
            }
            if (!guestIds.isEmpty()) {
                rules = rules.withGuestIds(Set.copyOf(guestIds));
            }
            return options.withRules(rules);
        }

        /** The input format: given, or guessed from the path. */
        String resolvedFormat() {
            return format.orElseGet(
                    () -> transactions.map(LoyaltySparkJob::guessFormat).orElse("parquet"));
        }

        private static ZoneId zone(String value) {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "--time-zone must be a zone id (Europe/Berlin, UTC, +01:00): " + value);
            }
        }

        private static char character(String option, String value) {
            if (value.equals("space")) {
                return ' ';
            }
            if (value.length() != 1) {
                throw new IllegalArgumentException(option + " must be one character: " + value);
            }
            return value.charAt(0);
        }

        private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(option + " must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(e -> e.name().toLowerCase(Locale.ROOT))
                            .toList()
                    + ": " + value);
        }

        private static String delimiter(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "tab", "\\t" -> "\t";
                case "whitespace" -> "whitespace";
                default -> {
                    if (value.length() != 1) {
                        throw new IllegalArgumentException(
                                "--delimiter must be one character, tab or whitespace: " + value);
                    }
                    yield value;
                }
            };
        }

        private static Granularity granularity(String value) {
            try {
                return Granularity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--granularity: " + e.getMessage());
            }
        }

        private static LocalDate date(String option, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " must be an ISO date yyyy-MM-dd: " + value);
            }
        }

        private static int integer(String option, String value, int min) {
            try {
                int n = Integer.parseInt(value);
                if (n < min) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number >= " + min + ": " + value);
            }
        }

        private static double number(String option, String value) {
            try {
                double d = Double.parseDouble(value);
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a number >= 0: " + value);
            }
        }
    }
}
