package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.clv.BgBbModel;
import org.loyaltykpi.clv.BgBbPrediction;
import org.loyaltykpi.clv.BgBbSummary;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.CovariateModel;
import org.loyaltykpi.clv.Covariates;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.IntervalOptions;
import org.loyaltykpi.clv.ModelComparison;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.ModelValidation;
import org.loyaltykpi.clv.PredictionIntervals;
import org.loyaltykpi.clv.SavedModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.report.ClvDocuments;
import org.loyaltykpi.domain.PurchaseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loyalty clv}: probabilistic customer lifetime value (BTYD models). */
@Command(
        name = "clv",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty clv fit --model bg-nbd --calibration-end 2025-09-30 --time-unit weeks",
            "  loyalty clv predict --model pareto-nbd --horizon 52 --calibration-end 2025-09-30",
            "  loyalty clv fit --model bg-bb --summary donations.csv --save bgbb.json",
            "  loyalty clv compare --calibration-end 2025-06-30 --holdout-end 2025-12-31",
            "  loyalty clv validate --calibration-end 2025-06-30 --holdout-end 2025-12-31 --format csv --table tracking",
        },
        mixinStandardHelpOptions = true,
        description = "Probabilistic customer lifetime value: fit BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma or BG/BB,"
                + " predict.",
        subcommands = {
            ClvCommand.Fit.class,
            ClvCommand.Predict.class,
            ClvCommand.Compare.class,
            ClvCommand.Validate.class
        })
final class ClvCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing subcommand: 'clv fit', 'clv predict', 'clv compare' or 'clv validate'");
    }

    /** {@code loyalty clv fit}: the fitted parameters as JSON or text. */
    @Command(
            name = "fit",
            footerHeading = "%nExamples:%n",
            footer = {
                "  loyalty clv fit --model bg-nbd --transactions orders.csv --calibration-end 2025-09-30 --time-unit weeks",
                "  loyalty clv fit --model gamma-gamma --calibration-end 2025-09-30 --exclude-nonpositive --format text",
            },
            mixinStandardHelpOptions = true,
            description = {
                "Fit a model to the calibration summary by maximum likelihood; print the parameters as JSON:"
                        + " model, timeUnit, customers, params, standardErrors, logLikelihood, converged, warnings,"
                        + " covariance, intervals; or as text (--format text).",
                "Warnings (non-convergence, excluded customers, correlated frequency and spend) go to stderr."
            })
    static final class Fit extends ClvModels.ModelCommand implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        private FormatOption formatOption = FormatOption.of(Format.JSON, Format.TEXT);

        @Option(
                names = "--covariates",
                paramLabel = "FILE",
                description = "Time-invariant covariates, customer_id,name1,... (numeric columns as they are,"
                        + " categorical ones as indicators, the first level the base): purchase rate and dropout of"
                        + " bg-nbd, mbg-nbd, pareto-nbd scaled by exp(gamma' z) per customer; adds \"covariates\".")
        private java.nio.file.Path covariates;

        @Option(
                names = "--save",
                paramLabel = "FILE",
                description = "Also save the fitted model as a JSON model file (format version, model, time unit,"
                        + " parameters, covariance, covariates, calibration facts) for 'clv predict --model-file'.")
        private Optional<java.nio.file.Path> save = Optional.empty();

        @Override
        public Integer call() {
            Format format = formatOption.get("clv fit");
            Optional<CovariateModel> withCovariates = Optional.empty();
            if (covariates != null) {
                if (model() == ClvModels.Model.GAMMA_GAMMA || model() == ClvModels.Model.BG_BB) {
                    throw new IllegalArgumentException("--covariates is for bg-nbd, mbg-nbd and pareto-nbd");
                }
                withCovariates = Optional.of(
                        CovariateModel.fit(model().cliName, summary(), Covariates.read(covariates), fitOptions()));
            }
            ModelFit fit =
                    withCovariates.isPresent() ? withCovariates.get().fit().orElseThrow() : fitModel();
            ClvModels.warn(spec.commandLine().getErr(), spec.qualifiedName(), fit);
            Optional<CovariateModel> fitted = withCovariates;
            save.ifPresent(file -> ModelFile.write(file, fitted.map(this::saved).orElseGet(() -> saved(fit))));
            List<Section> sections = ClvDocuments.fit(
                    fit, withCovariates.map(CovariateModel::coefficients).orElse(List.of()));
            write(format, Message.of("title.clv-fit", fit.model()), sections, "warnings");
            return 0;
        }
    }

    /** {@code loyalty clv predict}: per-customer predictions as CSV, JSON or text. */
    @Command(
            name = "predict",
            footerHeading = "%nExamples:%n",
            footer = {
                "  loyalty clv predict --model pareto-nbd --horizon 52 --margin 0.3 --calibration-end 2025-09-30",
                "  loyalty clv predict --model mbg-nbd --horizon 26 --transactions orders.csv --calibration-end 2025-06-30",
            },
            mixinStandardHelpOptions = true,
            description = {
                "Per-customer predictions over a horizon as CSV: customer_id,p_alive,expected_purchases,"
                        + "expected_spend,clv (numbers at full precision); --format json or text adds the model,"
                        + " horizon, period, margin and discount rate.",
                "expected_spend and clv come from a Gamma-Gamma model fitted alongside (omit them with --no-spend);"
                        + " clv = margin x expected spend x expected purchases per --period (default: the time"
                        + " unit), each period discounted at its end at --discount-rate.",
                "bg-bb: customer_id (or frequency,recency,periods,weights for a summary of weighted rows),p_alive"
                        + " (at the next opportunity),expected_transactions (in the next --horizon opportunities)"
                        + "[,discounted_residual_transactions]."
            })
    static final class Predict extends ClvModels.ModelCommand implements Callable<Integer> {
        @Option(
                names = "--horizon",
                required = true,
                paramLabel = "N",
                description = "Prediction horizon in --period units, by default --time-unit units (bg-bb: transaction"
                        + " opportunities, a whole number).")
        private double horizon;

        @Option(
                names = "--period",
                paramLabel = "UNIT",
                description = "The period of --horizon and --discount-rate: day, week, month (365.25/12 days) or year,"
                        + " whatever the model's --time-unit; --period month with weeks is lifetimes' monthly CLV of a"
                        + " weekly model. Default: the --time-unit.")
        private Optional<TimeScale> period = Optional.empty();

        @Option(
                names = "--margin",
                paramLabel = "FRACTION",
                description = "Profit margin on revenue, 0..1. Default: 1 (CLV as revenue).")
        private double margin = 1;

        @Option(
                names = "--discount-rate",
                paramLabel = "RATE",
                description = "Discount rate per --period (bg-bb: per opportunity; above 0 it adds"
                        + " discounted_residual_transactions). Default: 0.")
        private double discountRate;

        @Option(names = "--no-spend", description = "Predict purchases only: no Gamma-Gamma, no spend or clv columns.")
        private boolean noSpend;

        @Option(
                names = "--model-file",
                paramLabel = "FILE",
                description = "Predict with a model saved by 'clv fit --save' instead of fitting one (--model may be"
                        + " left out; the summary is built in the model's time unit).")
        private Optional<java.nio.file.Path> modelFile = Optional.empty();

        @Option(
                names = "--spend-model-file",
                paramLabel = "FILE",
                description = "The Gamma-Gamma model saved by 'clv fit --model gamma-gamma --save' instead of fitting"
                        + " one alongside.")
        private Optional<java.nio.file.Path> spendModelFile = Optional.empty();

        @Option(
                names = "--intervals",
                paramLabel = "LEVEL",
                description = "Add prediction intervals at this level (0..1, e.g. 0.9): columns"
                        + " expected_purchases_low,expected_purchases_high[,clv_low,clv_high], from parameters drawn"
                        + " from the fits' asymptotic normal (log scale); the whole base's intervals go to stderr.")
        private Double intervals;

        @Option(
                names = "--draws",
                paramLabel = "N",
                description = "Parameter draws of --intervals (at least 2). Default: 200.")
        private int draws = IntervalOptions.DEFAULT_DRAWS;

        @Option(names = "--seed", paramLabel = "S", description = "Seed of the --intervals draws. Default: 1.")
        private long seed = IntervalOptions.DEFAULT_SEED;

        @Option(
                names = "--covariates",
                paramLabel = "FILE",
                description = "Time-invariant covariates (see clv fit): the purchase model is fitted with them and"
                        + " each customer's predictions use its own covariates.")
        private java.nio.file.Path covariates;

        @picocli.CommandLine.Mixin
        private FormatOption formatOption = FormatOption.of(Format.CSV, Format.JSON, Format.TEXT)
                .withNote("one row per customer; json and text add the options of the prediction");

        @Override
        public Integer call() {
            Format format = formatOption.get("clv predict");
            Optional<SavedModel> saved = modelFile.map(ModelFile::read);
            if (saved.isPresent()) {
                ClvModels.Model inFile = ClvModels.Model.parse(saved.get().model());
                if (modelOption.isPresent() && modelOption.get() != inFile) {
                    throw new IllegalArgumentException("--model " + modelOption.get().cliName + " but "
                            + modelFile.get() + " holds a " + inFile.cliName + " model");
                }
                modelOption = Optional.of(inFile);
                if (periodLength.isEmpty()) {
                    periodLength = saved.get().periodLength();
                }
                Optional<TimeScale> unit = saved.get().fit().timeUnit();
                if (unit.isPresent()) {
                    if (spec.commandLine().getParseResult().hasMatchedOption("--time-unit") && timeUnit != unit.get()) {
                        throw new IllegalArgumentException("--time-unit " + timeUnit + " but the model of "
                                + modelFile.get() + " is in " + unit.get());
                    }
                    timeUnit = unit.get();
                }
                saved.get()
                        .fit()
                        .warnings()
                        .forEach(w -> spec.commandLine()
                                .getErr()
                                .println(spec.qualifiedName() + ": warning (" + modelFile.get() + "): " + w));
            }
            if (model() == ClvModels.Model.BG_BB) {
                return predictBgBb(saved, format);
            }
            if (model() == ClvModels.Model.GAMMA_GAMMA) {
                throw new IllegalArgumentException("clv predict needs a purchase model (bg-nbd, mbg-nbd, pareto-nbd"
                        + " or bg-bb); gamma-gamma is fitted alongside for the spend (or --spend-model-file)");
            }
            ClvOptions options = new ClvOptions(horizon, period.orElse(timeUnit), margin, discountRate);
            BtydSummary summary = summary();
            if (summary.isWeighted()) {
                throw new IllegalArgumentException(summaryFile.orElseThrow()
                        + ": a summary of weighted rows has no customers to predict: give one row per customer"
                        + " with customer_id");
            }
            PrintWriter err = spec.commandLine().getErr();
            boolean savedCovariates =
                    saved.isPresent() && !saved.get().covariates().isEmpty();
            if (savedCovariates && covariates == null) {
                throw new IllegalArgumentException("the model of " + modelFile.get() + " has covariates "
                        + saved.get().covariates() + ": give each customer's with --covariates FILE");
            }
            if (saved.isPresent() && !savedCovariates && covariates != null) {
                throw new IllegalArgumentException(
                        "--covariates, but the model of " + modelFile.get() + " was fitted without covariates");
            }
            Optional<CovariateModel> withCovariates = Optional.empty();
            TransactionModel purchases;
            if (covariates != null) {
                if (savedCovariates) {
                    withCovariates = Optional.of(saved.get().covariateModel());
                } else {
                    withCovariates = Optional.of(
                            CovariateModel.fit(model().cliName, summary, Covariates.read(covariates), fitOptions()));
                    ClvModels.warn(
                            err,
                            spec.qualifiedName(),
                            withCovariates.get().fit().orElseThrow());
                }
                purchases = withCovariates.get().baseline();
            } else if (saved.isPresent()) {
                purchases = saved.get().transactionModel();
            } else {
                purchases = purchaseModel(summary);
                ClvModels.warn(err, spec.qualifiedName(), purchases.fit().orElseThrow());
            }
            Optional<GammaGammaModel> spend = Optional.empty();
            if (!noSpend && spendModelFile.isPresent()) {
                SavedModel spendFile = ModelFile.read(spendModelFile.get());
                spend = Optional.of(spendFile.spendModel());
                spendFile
                        .fit()
                        .warnings()
                        .forEach(w ->
                                err.println(spec.qualifiedName() + ": warning (" + spendModelFile.get() + "): " + w));
            } else if (!noSpend) {
                spend = Optional.of(spendModel(summary));
                ClvModels.warn(err, spec.qualifiedName(), spend.get().fit().orElseThrow());
            }
            if (spend.isPresent() && !spend.get().hasExpectedSpend(0)) {
                err.println(spec.qualifiedName() + ": warning: Gamma-Gamma q = "
                        + String.format(
                                java.util.Locale.ROOT, "%.4g", spend.get().q())
                        + " <= 1: the population's mean spend does not exist, so customers without repeat purchases"
                        + " get no expected_spend nor clv (empty cells)");
                err.flush();
            }
            progress(String.format(Locale.ROOT, "predicting %,d customers", summary.size()));
            List<CustomerPrediction> predictions;
            Optional<Covariates> customerCovariates = withCovariates.map(m -> Covariates.read(covariates));
            if (withCovariates.isPresent()) {
                Covariates z = customerCovariates.orElseThrow();
                if (!z.names().equals(withCovariates.get().names())) {
                    throw new IllegalArgumentException(covariates + ": covariates " + z.names() + ", but the model of "
                            + modelFile.orElse(covariates) + " has "
                            + withCovariates.get().names()
                            + " (a categorical column's base level is its first value in the file)");
                }
                predictions = withCovariates.get().predict(spend, summary, z, options);
            } else {
                predictions = ClvCalculator.predict(purchases, spend, summary, options);
            }
            Optional<PredictionIntervals> ranges = Optional.empty();
            if (intervals != null) {
                IntervalOptions intervalOptions;
                try {
                    intervalOptions = new IntervalOptions(intervals, draws, seed);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
                ranges = Optional.of(
                        withCovariates.isPresent()
                                ? withCovariates
                                        .get()
                                        .predictIntervals(
                                                spend,
                                                summary,
                                                customerCovariates.orElseThrow(),
                                                options,
                                                intervalOptions)
                                : ClvCalculator.predictIntervals(purchases, spend, summary, options, intervalOptions));
                PredictionIntervals r = ranges.get();
                err.println(spec.qualifiedName() + ": " + r);
                err.flush();
            }
            write(
                    format,
                    Message.of("title.clv-predict", purchases.name()),
                    ClvDocuments.predictions(purchases.name(), timeUnit, options, !noSpend, predictions, ranges),
                    "predictions");
            return 0;
        }

        /** BG/BB: the horizon and the discounting count opportunities (periods), not time units. */
        private int predictBgBb(Optional<SavedModel> saved, Format format) {
            if (period.isPresent()) {
                throw new IllegalArgumentException("--period does not apply to bg-bb: its horizon and discounting count"
                        + " transaction opportunities (--period-length)");
            }
            if (horizon != Math.rint(horizon) || horizon > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "--horizon counts transaction opportunities for bg-bb: a whole number, got " + horizon);
            }
            BgBbSummary summary = discreteSummary();
            PrintWriter err = spec.commandLine().getErr();
            BgBbModel model;
            if (saved.isPresent()) {
                model = saved.get().bgBbModel();
            } else {
                model = BgBbModel.fit(summary.patterns(), fitOptions());
                ClvModels.warn(err, spec.qualifiedName(), model.fit().orElseThrow());
            }
            ClvModels.warnWithoutOpportunity(err, spec.qualifiedName(), summary);
            List<BgBbPrediction> predictions = model.predict(summary, (int) horizon, discountRate);
            write(
                    format,
                    Message.of("title.clv-predict", BgBbModel.NAME),
                    ClvDocuments.bgBbPredictions(
                            BgBbModel.NAME, (int) horizon, discountRate, predictions, summary.hasCustomers()),
                    "predictions");
            return 0;
        }
    }

    /** {@code loyalty clv compare}: every purchase model fitted and compared. */
    @Command(
            name = "compare",
            footerHeading = "%nExamples:%n",
            footer = {
                "  loyalty clv compare --transactions orders.csv --calibration-end 2025-06-30 --holdout-end 2025-12-31",
                "  loyalty clv compare --summary summary.csv --time-unit weeks --format json",
            },
            mixinStandardHelpOptions = true,
            description = {
                "Fit BG/NBD, MBG/NBD and Pareto/NBD to one summary and compare them: log-likelihood, AIC, BIC,"
                        + " likelihood-ratio tests where models nest (these three do not: the output says so) and,"
                        + " with --holdout-end, the holdout error per customer (MAE, RMSE) and of the whole base's"
                        + " tracking curve; name the best model and why (lowest holdout RMSE per customer, else"
                        + " lowest BIC; only fits that converged, trustworthy ones first).",
                "CSV: the table of models."
            })
    static final class Compare extends ClvModels.ModelCommand implements Callable<Integer> {
        @Option(
                names = "--holdout-end",
                paramLabel = "DATE",
                description = "Last day of the holdout period (inclusive), after --calibration-end: adds the holdout"
                        + " errors and chooses the best model by them.")
        private Optional<java.time.LocalDate> holdoutEnd = Optional.empty();

        @picocli.CommandLine.Mixin
        private FormatOption formatOption =
                FormatOption.of(Format.TEXT, Format.JSON, Format.CSV).withNote("csv: the table of models");

        @Override
        public Integer call() {
            Format format = formatOption.get("clv compare");
            if (modelOption.isPresent()) {
                throw new IllegalArgumentException("clv compare fits every purchase model: leave out --model");
            }
            ModelComparison comparison;
            if (holdoutEnd.isPresent()) {
                if (summaryFile.isPresent()) {
                    throw new IllegalArgumentException(
                            "--holdout-end needs purchases (--transactions): a --summary file has no holdout period");
                }
                java.time.LocalDate end = calibrationEnd();
                Loaded<PurchaseTable> loaded = load();
                BtydSummary summary = BtydSummary.of(loaded.value(), end, holdoutEnd.get(), timeUnit);
                comparison = ModelComparison.compare(summary, loaded.value(), fitOptions());
            } else {
                comparison = ModelComparison.compare(summary(), fitOptions());
            }
            write(format, Message.of("title.clv-compare"), ClvDocuments.comparison(comparison), "clvModels");
            return 0;
        }
    }

    /** {@code loyalty clv validate}: calibration against holdout of one model. */
    @Command(
            name = "validate",
            footerHeading = "%nExamples:%n",
            footer = {
                "  loyalty clv validate --model pareto-nbd --calibration-end 2025-06-30 --holdout-end 2025-12-31",
                "  loyalty clv validate --calibration-end 2025-06-30 --holdout-end 2025-12-31 --format csv --table"
                        + " tracking",
            },
            mixinStandardHelpOptions = true,
            description = {
                "Fit a purchase model up to --calibration-end and set it against the holdout period up to"
                        + " --holdout-end: mean actual and expected holdout purchases per customer by calibration"
                        + " repeat purchases, and the cumulative repeat purchases of the whole base, actual and"
                        + " expected, at the end of every --time-unit (the tracking series).",
                "Without --model, the model 'clv compare' names best on the same holdout."
            })
    static final class Validate extends ClvModels.ModelCommand implements Callable<Integer> {
        @Option(
                names = "--holdout-end",
                required = true,
                paramLabel = "DATE",
                description = "Last day of the holdout period (inclusive), after --calibration-end.")
        private java.time.LocalDate holdoutEnd;

        @Option(
                names = "--max-frequency",
                paramLabel = "N",
                description = "Group every calibration repeat-purchase count from N up into one row. Default: 7.")
        private int maxFrequency = 7;

        /** The table that CSV writes. */
        enum CsvTable {
            frequency,
            tracking
        }

        @Option(
                names = "--table",
                paramLabel = "TABLE",
                description = "CSV: frequency (the groups by repeat purchases) or tracking (the series). Default:"
                        + " frequency.")
        private CsvTable table = CsvTable.frequency;

        @picocli.CommandLine.Mixin
        private FormatOption formatOption =
                FormatOption.of(Format.TEXT, Format.JSON, Format.CSV).withNote("csv: the table --table names");

        @Override
        public Integer call() {
            Format format = formatOption.get("clv validate");
            if (summaryFile.isPresent()) {
                throw new IllegalArgumentException(
                        "clv validate needs purchases (--transactions): a --summary file has no holdout period");
            }
            if (maxFrequency < 1) {
                throw new IllegalArgumentException("--max-frequency must be >= 1: " + maxFrequency);
            }
            java.time.LocalDate end = calibrationEnd();
            Loaded<PurchaseTable> loaded = load();
            BtydSummary summary = BtydSummary.of(loaded.value(), end, holdoutEnd, timeUnit);
            TransactionModel model;
            PrintWriter err = spec.commandLine().getErr();
            if (modelOption.isPresent()) {
                model = purchaseModel(summary);
            } else {
                ModelComparison comparison = ModelComparison.compare(summary, loaded.value(), fitOptions());
                model = comparison
                        .bestModel()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "no purchase model converged on these data (" + comparison.reason() + ")"));
                err.println(spec.qualifiedName() + ": model " + model.name() + ": " + comparison.reason());
            }
            ModelFit fit = model.fit().orElseThrow();
            ClvModels.warn(err, spec.qualifiedName(), fit);
            Section section = ClvDocuments.validation(
                    model.name(),
                    timeUnit,
                    end,
                    holdoutEnd,
                    ModelValidation.byCalibrationFrequency(model, summary, maxFrequency),
                    ModelValidation.tracking(model, loaded.value(), end, holdoutEnd),
                    fit.warnings());
            write(
                    format,
                    Message.of("title.clv-validate", model.name()),
                    section,
                    table == CsvTable.frequency ? "clvByFrequency" : "clvTracking");
            return 0;
        }
    }
}
