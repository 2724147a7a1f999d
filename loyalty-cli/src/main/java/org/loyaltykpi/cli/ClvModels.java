package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loyaltykpi.clv.BgBbModel;
import org.loyaltykpi.clv.BgBbSummary;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.CovariateModel;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.ParetoNbdModel;
import org.loyaltykpi.clv.SavedModel;
import org.loyaltykpi.clv.SummaryCsv;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options and model plumbing shared by {@code clv fit} and {@code clv predict}. */
final class ClvModels {

    /** The models of the command line, by their contract names. */
    enum Model {
        BG_NBD(BgNbdModel.NAME),
        MBG_NBD(MbgNbdModel.NAME),
        PARETO_NBD(ParetoNbdModel.NAME),
        GAMMA_GAMMA(GammaGammaModel.NAME),
        BG_BB(BgBbModel.NAME);

        final String cliName;

        Model(String cliName) {
            this.cliName = cliName;
        }

        static Model parse(String text) {
            String name = text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(m -> m.cliName.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "model must be bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma or bg-bb: '" + text + "'"));
        }
    }

    /** The calibration options of every command that builds an RFM summary ({@code rfm}, {@code clv ...}). */
    static final class SummaryOptions {
        @Option(
                names = "--calibration-end",
                required = true,
                paramLabel = "DATE",
                description = "Last day of the calibration period (inclusive), ISO yyyy-MM-dd.")
        LocalDate calibrationEnd;

        @Option(
                names = "--time-unit",
                paramLabel = "UNIT",
                description = "days, weeks, months (365.25/12 days) or years (365.25 days). Default: weeks.")
        TimeScale timeUnit = TimeScale.WEEKS;
    }

    /** The model options of {@code clv fit} and {@code clv predict}, with the summary they fit to. */
    abstract static class ModelCommand {
        @Spec
        CommandSpec spec;

        @Mixin
        PurchaseInput input;

        @Option(
                names = "--summary",
                paramLabel = "FILE",
                description = "Fit to a per-customer summary file instead of purchases: customer_id,frequency,recency,T"
                        + "[,monetary_value] as lifetimes and 'loyalty rfm' write them (times in --time-unit), or"
                        + " frequency,recency,periods[,weights] (and/or customer_id) for bg-bb.")
        Optional<Path> summaryFile = Optional.empty();

        @Option(
                names = "--calibration-end",
                paramLabel = "DATE",
                description = "Last day of the calibration period (inclusive), ISO yyyy-MM-dd. Required with purchases;"
                        + " for bg-bb the last day of a --period-length period.")
        Optional<LocalDate> calibrationEnd = Optional.empty();

        @Option(
                names = "--time-unit",
                paramLabel = "UNIT",
                description = "days, weeks, months (365.25/12 days) or years (365.25 days): the unit of recency, T and"
                        + " every time of the model. Default: weeks.")
        TimeScale timeUnit = TimeScale.WEEKS;

        @Option(
                names = "--period-length",
                paramLabel = "PERIOD",
                description = "bg-bb from purchases: one transaction opportunity per calendar week (ISO), month,"
                        + " quarter or year; several purchases in one period are one transaction.")
        Optional<Granularity> periodLength = Optional.empty();

        @Option(
                names = "--model",
                paramLabel = "MODEL",
                description = "bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma or bg-bb.")
        Optional<Model> modelOption = Optional.empty();

        @Option(
                names = "--exclude-nonpositive",
                description = "Gamma-Gamma: leave out customers whose mean repeat-purchase value is <= 0 (the"
                        + " default is to fail naming them).")
        boolean excludeNonPositive;

        @Option(
                names = "--penalizer",
                paramLabel = "L2",
                description = "L2 penalty coefficient: the fit minimizes -LL/N + L2 x sum of squared parameters."
                        + " Default: 0.")
        double penalizer;

        @Option(
                names = "--penalty-scale",
                paramLabel = "SCALE",
                converter = PenaltyScaleConverter.class,
                description = "time-unit (default): the parameters are penalized in --time-unit; max-age-one:"
                        + " lifetimes' convention, time parameters (alpha, Pareto/NBD's beta) penalized as if time"
                        + " were rescaled so that the largest T is 1, so lifetimes' penalizer_coef values carry over.")
        FitOptions.PenaltyScale penaltyScale = FitOptions.PenaltyScale.TIME_UNIT;

        @Option(
                names = "--initial",
                paramLabel = "V1,V2,...",
                split = ",",
                description = "Starting values of the optimizer, positive, in the model's parameter order"
                        + " (r,alpha,a,b / r,alpha,s,beta / p,q,gamma). Default: all 1.")
        java.util.List<Double> initial = java.util.List.of();

        /** The model asked for: {@code --model}, required unless the command reads it elsewhere. */
        Model model() {
            return modelOption.orElseThrow(
                    () -> new ParameterException(spec.commandLine(), "missing option: --model=MODEL"));
        }

        @Mixin
        LanguageOption lang;

        @Mixin
        OutOption out;

        /** What the last summary was read from: the summary file or the purchase source. */
        String source = "";

        /** The purchases the command read, if it read purchases (not a summary file). */
        Optional<Loaded<PurchaseTable>> loaded = Optional.empty();

        /** Reads the purchases, remembering them for the output's source line. */
        Loaded<PurchaseTable> load() {
            Loaded<PurchaseTable> read = input.load();
            loaded = Optional.of(read);
            source = read.source();
            return read;
        }

        /**
         * Writes the command's section as a document in the chosen format: its source (the purchases with their load
         * summary, or the summary file), then the section; CSV is the table {@code csvTable}.
         */
        void write(FormatOption.Format format, Message title, Section section, String csvTable) {
            write(format, title, List.of(section), csvTable);
        }

        /** Writes the command's sections, as {@link #write(FormatOption.Format, Message, Section, String)}. */
        void write(FormatOption.Format format, Message title, List<Section> sections, String csvTable) {
            Loaded<?> from = loaded.<Loaded<?>>map(l -> l).orElseGet(() -> Loaded.of(source, source));
            Document document = CommandOutput.document(title, from, List.of(), sections);
            CommandOutput.write(
                    spec,
                    format,
                    lang,
                    out,
                    document,
                    () -> document.table(csvTable).orElseThrow());
        }

        /** The summary of the transaction models: from the {@code --summary} file or from the purchases. */
        BtydSummary summary() {
            if (summaryFile.isPresent()) {
                noPurchasesWithSummary();
                source = summaryFile.get().toString();
                return SummaryCsv.read(summaryFile.get(), timeUnit);
            }
            LocalDate end = calibrationEnd();
            return BtydSummary.of(load().value(), end, timeUnit);
        }

        /** The BG/BB summary: from the {@code --summary} file or from the purchases with {@code --period-length}. */
        BgBbSummary discreteSummary() {
            if (summaryFile.isPresent()) {
                noPurchasesWithSummary();
                source = summaryFile.get().toString();
                return SummaryCsv.readBgBb(summaryFile.get());
            }
            Granularity period = periodLength.orElseThrow(() -> new ParameterException(
                    spec.commandLine(),
                    "bg-bb from purchases needs --period-length week|month|quarter|year (one transaction"
                            + " opportunity per period), or give a --summary file"));
            if (period == Granularity.DAY) {
                throw new ParameterException(
                        spec.commandLine(), "--period-length must be week, month, quarter or year for bg-bb: day");
            }
            LocalDate end = calibrationEnd();
            return BgBbSummary.of(load().value(), end, period);
        }

        LocalDate calibrationEnd() {
            return calibrationEnd.orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "missing option: --calibration-end=DATE (or fit to a --summary FILE)"));
        }

        private void noPurchasesWithSummary() {
            if (!input.isSampleShop()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--summary and a purchase input (--transactions, --jdbc) exclude each other");
            }
            if (calibrationEnd.isPresent()) {
                throw new ParameterException(
                        spec.commandLine(), "--calibration-end applies to purchases, not to a --summary file");
            }
        }

        /** The saved form of a fit of this command: the calibration facts of its options and input. */
        SavedModel saved(ModelFit fit) {
            boolean purchases = summaryFile.isEmpty();
            return SavedModel.of(
                    fit,
                    purchases ? calibrationEnd : Optional.empty(),
                    purchases && model() == Model.BG_BB ? periodLength : Optional.empty(),
                    source);
        }

        /** The model file of a fit with covariates (fitted to purchases or to a summary, never BG/BB). */
        SavedModel saved(CovariateModel fitted) {
            return SavedModel.of(fitted, summaryFile.isEmpty() ? calibrationEnd : Optional.empty(), source);
        }

        /** Fits the model asked for to its summary. */
        ModelFit fitModel() {
            return switch (model()) {
                case GAMMA_GAMMA -> spendModel(summary()).fit().orElseThrow();
                case BG_BB -> {
                    BgBbSummary discrete = discreteSummary();
                    warnWithoutOpportunity(spec.commandLine().getErr(), spec.qualifiedName(), discrete);
                    yield BgBbModel.fit(discrete.patterns(), fitOptions()).fit().orElseThrow();
                }
                default -> purchaseModel(summary()).fit().orElseThrow();
            };
        }

        FitOptions fitOptions() {
            try {
                return FitOptions.defaults()
                        .withPenalizer(penalizer)
                        .withPenaltyScale(penaltyScale)
                        .withInitialParameters(initial);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        GammaGammaModel.NonPositiveSpend nonPositive() {
            return excludeNonPositive
                    ? GammaGammaModel.NonPositiveSpend.EXCLUDE
                    : GammaGammaModel.NonPositiveSpend.REJECT;
        }

        TransactionModel purchaseModel(BtydSummary summary) {
            progress(String.format(
                    java.util.Locale.ROOT, "fitting the purchase model on %,d customers", summary.size()));
            return fitPurchases(model(), summary, fitOptions());
        }

        GammaGammaModel spendModel(BtydSummary summary) {
            progress(String.format(java.util.Locale.ROOT, "fitting Gamma-Gamma on %,d customers", summary.size()));
            return GammaGammaModel.fit(summary, fitOptions(), nonPositive());
        }

        /** Shows a step on the progress line (a terminal only). */
        void progress(String step) {
            Progress.of(spec).step(step);
        }
    }

    private ClvModels() {}

    /** {@code time-unit} or {@code max-age-one}. */
    static final class PenaltyScaleConverter implements picocli.CommandLine.ITypeConverter<FitOptions.PenaltyScale> {
        @Override
        public FitOptions.PenaltyScale convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "time-unit" -> FitOptions.PenaltyScale.TIME_UNIT;
                case "max-age-one", "lifetimes" -> FitOptions.PenaltyScale.MAX_AGE_ONE;
                default ->
                    throw new picocli.CommandLine.TypeConversionException(
                            "penalty scale must be time-unit or max-age-one: '" + value + "'");
            };
        }
    }

    /** Fits a purchase model ({@code loyalty clv}, {@code loyalty segments --model}). */
    static TransactionModel fitPurchases(Model model, BtydSummary summary, FitOptions options) {
        return switch (model) {
            case BG_NBD -> BgNbdModel.fit(summary, options);
            case MBG_NBD -> MbgNbdModel.fit(summary, options);
            case PARETO_NBD -> ParetoNbdModel.fit(summary, options);
            case GAMMA_GAMMA ->
                throw new IllegalArgumentException(
                        "gamma-gamma models spend, not purchases: choose bg-nbd, mbg-nbd or pareto-nbd");
            case BG_BB ->
                throw new IllegalArgumentException("bg-bb is a discrete-time model (one transaction opportunity per"
                        + " period): here choose bg-nbd, mbg-nbd or pareto-nbd");
        };
    }

    /** The customers a BG/BB summary from purchases leaves out, on standard error. */
    static void warnWithoutOpportunity(PrintWriter err, String command, BgBbSummary summary) {
        if (summary.withoutOpportunity() > 0) {
            err.println(command + ": note: " + summary.withoutOpportunity() + " customers first bought in the"
                    + " calibration end's period: no transaction opportunity yet, not in the fit");
            err.flush();
        }
    }

    /** Warnings go to standard error, so standard output stays machine-readable. */
    static void warn(PrintWriter err, String command, ModelFit fit) {
        fit.warnings().forEach(w -> err.println(command + ": warning: " + w));
        err.flush();
    }
}
