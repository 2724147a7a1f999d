package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.ParetoNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options and model plumbing shared by {@code clv fit} and {@code clv predict}. */
final class ClvModels {

    /** The models of the command line, by their contract names. */
    enum Model {
        BG_NBD(BgNbdModel.NAME),
        MBG_NBD(MbgNbdModel.NAME),
        PARETO_NBD(ParetoNbdModel.NAME),
        GAMMA_GAMMA(GammaGammaModel.NAME);

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
                            "model must be bg-nbd, mbg-nbd, pareto-nbd or gamma-gamma: '" + text + "'"));
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

        @Mixin
        SummaryOptions calibration;

        @Option(
                names = "--model",
                required = true,
                paramLabel = "MODEL",
                description = "bg-nbd, mbg-nbd, pareto-nbd or gamma-gamma.")
        Model model;

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

        BtydSummary summary() {
            return BtydSummary.of(input.load().value(), calibration.calibrationEnd, calibration.timeUnit);
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
            return fitPurchases(model, summary, fitOptions());
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
        };
    }

    /** The JSON of {@code clv fit}, as the README's CLI contract fixes it. */
    static void writeFit(Json json, ModelFit fit) {
        json.beginObject()
                .field("model", fit.model())
                .field("timeUnit", fit.timeUnit().map(TimeScale::name).orElse(""))
                .field("customers", fit.customers());
        json.beginObject("params");
        for (Parameter p : fit.parameters()) {
            json.field(p.name(), p.value());
        }
        json.endObject();
        json.beginObject("standardErrors");
        for (Parameter p : fit.parameters()) {
            json.field(p.name(), p.standardError());
        }
        json.endObject();
        json.field("logLikelihood", fit.logLikelihood()).field("converged", fit.converged());
        json.beginArray("warnings");
        fit.warnings().forEach(json::value);
        json.endArray();
        json.endObject();
    }

    /** Warnings go to standard error, so standard output stays machine-readable. */
    static void warn(PrintWriter err, String command, ModelFit fit) {
        fit.warnings().forEach(w -> err.println(command + ": warning: " + w));
        err.flush();
    }
}
