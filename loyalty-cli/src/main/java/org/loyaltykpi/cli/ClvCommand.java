package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.io.PurchaseCsv;
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
        },
        mixinStandardHelpOptions = true,
        description = "Probabilistic customer lifetime value: fit BG/NBD, MBG/NBD, Pareto/NBD or Gamma-Gamma, predict.",
        subcommands = {ClvCommand.Fit.class, ClvCommand.Predict.class})
final class ClvCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: 'clv fit' or 'clv predict'");
    }

    /** {@code loyalty clv fit}: the fitted parameters as JSON. */
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
                        + " model, timeUnit, customers, params, standardErrors, logLikelihood, converged.",
                "Warnings (non-convergence, excluded customers, correlated frequency and spend) go to stderr."
            })
    static final class Fit extends ClvModels.ModelCommand implements Callable<Integer> {
        @picocli.CommandLine.Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "json (the fit as DESIGN states it) or text (one readable line). Default: json.")
        private OutputFormat format = OutputFormat.json;

        @Override
        public Integer call() {
            if (format == OutputFormat.csv) {
                throw new IllegalArgumentException("--format csv is not available for clv fit: use json or text");
            }
            BtydSummary summary = summary();
            ModelFit fit = model == ClvModels.Model.GAMMA_GAMMA
                    ? spendModel(summary).fit().orElseThrow()
                    : purchaseModel(summary).fit().orElseThrow();
            ClvModels.warn(spec.commandLine().getErr(), spec.qualifiedName(), fit);
            if (format == OutputFormat.text) {
                spec.commandLine().getOut().println(fit);
                spec.commandLine().getOut().flush();
                return 0;
            }
            try (Json json = new Json(spec.commandLine().getOut())) {
                ClvModels.writeFit(json, fit);
            }
            return 0;
        }
    }

    /** {@code loyalty clv predict}: per-customer predictions as CSV. */
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
                        + "expected_spend,clv.",
                "expected_spend and clv come from a Gamma-Gamma model fitted alongside (omit them with --no-spend);"
                        + " clv = margin x expected spend x expected purchases per time unit, discounted per time"
                        + " unit at --discount-rate."
            })
    static final class Predict extends ClvModels.ModelCommand implements Callable<Integer> {
        @Option(
                names = "--horizon",
                required = true,
                paramLabel = "N",
                description = "Prediction horizon in --time-unit units.")
        private double horizon;

        @Option(
                names = "--margin",
                paramLabel = "FRACTION",
                description = "Profit margin on revenue, 0..1. Default: 1 (CLV as revenue).")
        private double margin = 1;

        @Option(
                names = "--discount-rate",
                paramLabel = "RATE",
                description = "Discount rate per --time-unit unit. Default: 0.")
        private double discountRate;

        @Option(names = "--no-spend", description = "Predict purchases only: no Gamma-Gamma, no spend or clv columns.")
        private boolean noSpend;

        @Override
        public Integer call() {
            ClvOptions options = new ClvOptions(horizon, calibration.timeUnit, margin, discountRate);
            BtydSummary summary = summary();
            TransactionModel purchases = purchaseModel(summary);
            PrintWriter err = spec.commandLine().getErr();
            ClvModels.warn(err, spec.qualifiedName(), purchases.fit().orElseThrow());
            Optional<GammaGammaModel> spend = Optional.empty();
            if (!noSpend) {
                spend = Optional.of(spendModel(summary));
                ClvModels.warn(err, spec.qualifiedName(), spend.get().fit().orElseThrow());
            }
            progress(String.format(Locale.ROOT, "predicting %,d customers", summary.size()));
            List<CustomerPrediction> predictions = ClvCalculator.predict(purchases, spend, summary, options);
            PrintWriter out = spec.commandLine().getOut();
            out.println("customer_id,p_alive,expected_purchases" + (noSpend ? "" : ",expected_spend,clv"));
            for (CustomerPrediction p : predictions) {
                StringBuilder line = new StringBuilder(
                                PurchaseCsv.quote(p.customer().value()))
                        .append(',')
                        .append(number(p.probabilityAlive()))
                        .append(',')
                        .append(number(p.expectedPurchases()));
                if (!noSpend) {
                    line.append(',')
                            .append(number(p.expectedSpend().orElseThrow()))
                            .append(',')
                            .append(number(p.clv().orElseThrow()));
                }
                out.println(line);
            }
            out.flush();
            return 0;
        }

        private static String number(double value) {
            return String.format(Locale.ROOT, "%.6f", value);
        }
    }
}
