package org.loyaltykpi.document.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.clv.BgBbPrediction;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.Coefficient;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.CustomerPredictionInterval;
import org.loyaltykpi.clv.ModelComparison;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.ModelValidation;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.ParameterCovariance;
import org.loyaltykpi.clv.ParameterInterval;
import org.loyaltykpi.clv.PredictionIntervals;
import org.loyaltykpi.clv.PredictionRange;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.document.render.JsonRenderer;

/**
 * The sections of {@code loyalty clv fit}, {@code clv predict}, {@code clv compare}, {@code clv validate} and
 * {@code loyalty rfm}: a {@link ModelFit}, per-customer predictions, a {@link ModelComparison}, a
 * calibration-against-holdout check ({@link ModelValidation}) and a {@link BtydSummary} as document sections, so that
 * their text, JSON and CSV are renderings of one value, as the report's are.
 *
 * <pre>{@code
 * Section s = ClvDocuments.comparison(ModelComparison.compare(summary, table, FitOptions.defaults()));
 * JsonRenderer.render(s, Messages.english(), out);
 * CsvRenderer.render(s.tables().get(0), out);
 * }</pre>
 */
public final class ClvDocuments {
    private ClvDocuments() {}

    private static Cell decimal(OptionalDouble value, int digits) {
        return Cell.decimal(value, digits);
    }

    /**
     * The comparison: notes (the best model and why, which models nest), key figures (the best model, the
     * customers), the table {@code clvModels} (one row per model: parameters, log-likelihood, AIC, BIC, convergence,
     * warnings, holdout errors, failure) and the table {@code clvLikelihoodRatioTests}.
     *
     * @param comparison the comparison
     * @return the section {@code clvComparison}
     */
    public static Section comparison(ModelComparison comparison) {
        Section.Builder s = Section.builder(
                "clvComparison",
                Message.of("section.clv-comparison", comparison.customers(), unit(comparison.timeUnit())));
        if (comparison.best().isPresent()) {
            s.note(Message.of("note.clv.best", comparison.best().get(), comparison.reason()));
        } else {
            s.note(Message.of("note.clv.no-best", comparison.reason()));
        }
        s.note(Message.of("note.clv.nesting", comparison.nesting()));
        s.figure(KeyFigure.of(
                "bestModel",
                Message.of("figure.best-model"),
                Cell.text(comparison.best().orElse(""))));
        s.figure(KeyFigure.of("customers", Message.of("column.customers"), Cell.count(comparison.customers())));
        Table.Builder models = Table.builder("clvModels", Message.of("table.clv.comparison"))
                .column("model", Message.of("column.model"), ColumnType.TEXT)
                .column("parameters", Message.of("column.clv-parameters"), ColumnType.COUNT)
                .column("logLikelihood", Message.of("column.log-likelihood"), ColumnType.DECIMAL)
                .column("aic", Message.of("column.aic"), ColumnType.DECIMAL)
                .column("bic", Message.of("column.bic"), ColumnType.DECIMAL)
                .column("converged", Message.of("column.converged"), ColumnType.TEXT)
                .column("warnings", Message.of("column.warnings"), ColumnType.COUNT)
                .column("holdoutActual", Message.of("column.holdout-actual"), ColumnType.DECIMAL)
                .column("holdoutExpected", Message.of("column.holdout-expected"), ColumnType.DECIMAL)
                .column("holdoutMae", Message.of("column.holdout-mae"), ColumnType.DECIMAL)
                .column("holdoutRmse", Message.of("column.holdout-rmse"), ColumnType.DECIMAL)
                .column("trackingMae", Message.of("column.tracking-mae"), ColumnType.DECIMAL)
                .column("trackingRmse", Message.of("column.tracking-rmse"), ColumnType.DECIMAL)
                .column("failure", Message.of("column.failure"), ColumnType.TEXT);
        for (ModelComparison.Candidate c : comparison.candidates()) {
            OptionalDouble actual = OptionalDouble.empty();
            OptionalDouble expected = OptionalDouble.empty();
            OptionalDouble mae = OptionalDouble.empty();
            OptionalDouble rmse = OptionalDouble.empty();
            OptionalDouble trackingMae = OptionalDouble.empty();
            OptionalDouble trackingRmse = OptionalDouble.empty();
            if (c.holdout().isPresent()) {
                ModelComparison.HoldoutError h = c.holdout().get();
                actual = OptionalDouble.of(h.actualPurchases());
                expected = OptionalDouble.of(h.expectedPurchases());
                mae = OptionalDouble.of(h.meanAbsoluteError());
                rmse = OptionalDouble.of(h.rootMeanSquaredError());
                trackingMae = h.trackingMeanAbsoluteError();
                trackingRmse = h.trackingRootMeanSquaredError();
            }
            models.row(
                    Cell.text(c.name()),
                    Cell.count(c.parameterCount()),
                    decimal(c.logLikelihood(), 2),
                    decimal(c.aic(), 2),
                    decimal(c.bic(), 2),
                    c.fit().isPresent() ? Cell.flag(c.fit().get().converged()) : Cell.missing(),
                    c.fit().isPresent() ? Cell.count(c.fit().get().warnings().size()) : Cell.missing(),
                    decimal(actual, 1),
                    decimal(expected, 1),
                    decimal(mae, 4),
                    decimal(rmse, 4),
                    decimal(trackingMae, 2),
                    decimal(trackingRmse, 2),
                    Cell.text(c.failure().orElse("")));
        }
        for (ModelComparison.Candidate c : comparison.candidates()) {
            for (String w : c.fit().map(ModelFit::warnings).orElse(List.of())) {
                models.note(Message.of("note.clv.warning", c.name(), w));
            }
        }
        s.table(models.build());
        Table.Builder tests = Table.builder("clvLikelihoodRatioTests", Message.of("table.clv.likelihood-ratio"))
                .column("restricted", Message.of("column.restricted"), ColumnType.TEXT)
                .column("general", Message.of("column.general"), ColumnType.TEXT)
                .column("statistic", Message.of("column.lr-statistic"), ColumnType.DECIMAL)
                .column("degreesOfFreedom", Message.of("column.degrees-of-freedom"), ColumnType.COUNT)
                .column("pValue", Message.of("column.p-value"), ColumnType.DECIMAL);
        for (ModelComparison.LikelihoodRatioTest t : comparison.likelihoodRatioTests()) {
            tests.row(
                    Cell.text(t.restricted()),
                    Cell.text(t.general()),
                    Cell.decimal(t.statistic(), 3),
                    Cell.count(t.degreesOfFreedom()),
                    Cell.decimal(t.pValue(), 4));
        }
        if (comparison.likelihoodRatioTests().isEmpty()) {
            tests.note(Message.of("note.clv.no-nested"));
        }
        s.table(tests.build());
        return s.build();
    }

    /**
     * A calibration-against-holdout check of one model: the table {@code clvByFrequency} (customers by calibration
     * repeat purchases, mean actual and expected holdout purchases) and the table {@code clvTracking} (cumulative
     * repeat purchases of the whole base, actual and expected, at the end of every model time unit).
     *
     * @param model the model's name
     * @param unit the model's time unit
     * @param calibrationEnd the calibration end
     * @param holdoutEnd the holdout end
     * @param byFrequency the rows of {@link ModelValidation#byCalibrationFrequency}
     * @param tracking the points of {@link ModelValidation#tracking}
     * @param warnings the fit's warnings, shown as notes
     * @return the section {@code clvValidation}
     */
    public static Section validation(
            String model,
            TimeScale unit,
            LocalDate calibrationEnd,
            LocalDate holdoutEnd,
            List<ModelValidation.FrequencyComparison> byFrequency,
            List<ModelValidation.TrackingPoint> tracking,
            List<String> warnings) {
        Section.Builder s = Section.builder(
                "clvValidation", Message.of("section.clv-validation", model, calibrationEnd, holdoutEnd, unit(unit)));
        warnings.forEach(w -> s.note(Message.of("note.clv.warning", model, w)));
        long customers = 0;
        double actual = 0;
        double expected = 0;
        Table.Builder groups = Table.builder("clvByFrequency", Message.of("table.clv.by-frequency"))
                .column("frequency", Message.of("column.frequency"), ColumnType.COUNT)
                .column("andAbove", Message.of("column.and-above"), ColumnType.TEXT)
                .column("customers", Message.of("column.customers"), ColumnType.COUNT)
                .column("actualMean", Message.of("column.actual-mean"), ColumnType.DECIMAL)
                .column("expectedMean", Message.of("column.expected-mean"), ColumnType.DECIMAL);
        for (ModelValidation.FrequencyComparison g : byFrequency) {
            groups.row(
                    Cell.count(g.frequency()),
                    Cell.flag(g.andAbove()),
                    Cell.count(g.customers()),
                    Cell.decimal(g.actualMean(), 3),
                    Cell.decimal(g.expectedMean(), 3));
            customers += g.customers();
            actual += g.actualMean() * g.customers();
            expected += g.expectedMean() * g.customers();
        }
        s.figure(KeyFigure.of("customers", Message.of("column.customers"), Cell.count(customers)));
        s.figure(KeyFigure.of("holdoutActual", Message.of("figure.holdout-actual"), Cell.decimal(actual, 1)));
        s.figure(KeyFigure.of("holdoutExpected", Message.of("figure.holdout-expected"), Cell.decimal(expected, 1)));
        s.table(groups.build());
        Table.Builder curve = Table.builder("clvTracking", Message.of("table.clv.tracking"))
                .column("date", Message.of("column.tracking-date"), ColumnType.DATE)
                .column("actual", Message.of("column.actual"), ColumnType.DECIMAL)
                .column("expected", Message.of("column.expected"), ColumnType.DECIMAL);
        for (ModelValidation.TrackingPoint p : tracking) {
            curve.row(Cell.day(p.date()), Cell.decimal(p.actual(), 0), Cell.decimal(p.expected(), 2));
        }
        s.table(curve.build());
        return s.build();
    }

    /** The confidence level of the Wald intervals of a fit's JSON ({@code intervals.level}). */
    public static final double FIT_INTERVAL_LEVEL = 0.95;

    /**
     * The time unit of a fit as its JSON writes it: the lower-kebab code ({@code "weeks"}), or the empty text for a
     * model without one (BG/BB counts transaction opportunities).
     *
     * @param unit the time unit, if the model has one
     * @return the code
     */
    public static String timeUnitCode(Optional<TimeScale> unit) {
        return unit.map(Cell::code).orElse("");
    }

    private static Cell timeUnit(Optional<TimeScale> unit) {
        return unit.<Cell>map(u -> new Cell.Label(Cell.code(u), unit(u))).orElseGet(() -> Cell.text(""));
    }

    private static Cell number(double value, int digits) {
        return Double.isFinite(value) ? Cell.decimal(value, digits) : Cell.missing();
    }

    /**
     * A maximum-likelihood fit as two sections, the JSON of {@code loyalty clv fit}: the figures
     * {@code model}, {@code timeUnit} (lower-kebab, {@code "weeks"}; empty for BG/BB), {@code customers},
     * {@code params.<name>}, {@code standardErrors.<name>} ({@code null} when unknown), {@code logLikelihood},
     * {@code converged} (a boolean), the list {@code warnings}, {@code covariance} ({@code scale} {@code "log"} and
     * {@code <row>.<column>} over the parameters, or {@code null} when the Hessian was not positive definite),
     * {@code intervals} ({@code level} 0.95 and {@code <name>.low}, {@code <name>.high}, or {@code null}) and, for a fit
     * with covariates, {@code covariates.<process>.<covariate>.value} and {@code .standardError}; the estimates and
     * the warnings in the section {@code clvFit}, the covariance, intervals and covariates in the section
     * {@code clvFitUncertainty}.
     *
     * <pre>{@code
     * List<Section> s = ClvDocuments.fit(BgNbdModel.fit(summary, FitOptions.defaults()).fit().orElseThrow(), List.of());
     * // {"model": "bg-nbd", "timeUnit": "weeks", "customers": 2357, "params": {"r": 0.2426, ...}, ...}
     * }</pre>
     *
     * @param fit the fit
     * @param coefficients the covariate coefficients of a fit with covariates, else empty
     * @return the sections
     */
    public static List<Section> fit(ModelFit fit, List<Coefficient> coefficients) {
        Section.Builder s = Section.builder("clvFit", Message.of("section.clv-fit"));
        s.figure(KeyFigure.of("model", Message.of("field.clv.model"), Cell.text(fit.model())));
        s.figure(KeyFigure.of("timeUnit", Message.of("field.clv.time-unit"), timeUnit(fit.timeUnit())));
        s.figure(KeyFigure.of("customers", Message.of("field.clv.customers"), Cell.count(fit.customers())));
        for (Parameter p : fit.parameters()) {
            s.figure(KeyFigure.of(
                    "params." + p.name(), Message.of("field.clv.parameter", p.name()), number(p.value(), 6)));
        }
        for (Parameter p : fit.parameters()) {
            s.figure(KeyFigure.of(
                    "standardErrors." + p.name(),
                    Message.of("field.clv.standard-error", p.name()),
                    p.standardError().isPresent() ? number(p.standardError().getAsDouble(), 6) : Cell.missing()));
        }
        s.figure(KeyFigure.of("logLikelihood", Message.of("field.clv.log-likelihood"), number(fit.logLikelihood(), 4)));
        s.figure(KeyFigure.of("converged", Message.of("field.clv.converged"), Cell.flag(fit.converged())));
        Table.Builder warnings = Table.builder("warnings", Message.of("table.clv.warnings"))
                .column(JsonRenderer.LIST_ITEM, Message.of("column.warning"), ColumnType.TEXT);
        fit.warnings().forEach(w -> warnings.row(Cell.text(w)));
        if (fit.warnings().isEmpty()) {
            warnings.note(Message.of("note.none"));
        }
        s.table(warnings.build());
        Section.Builder u = Section.builder("clvFitUncertainty", Message.of("section.clv-fit-uncertainty"));
        if (fit.covariance().isEmpty()) {
            u.figure(KeyFigure.of("covariance", Message.of("field.clv.covariance-none"), Cell.missing()));
            u.figure(KeyFigure.of("intervals", Message.of("field.clv.intervals-none"), Cell.missing()));
        } else {
            ParameterCovariance c = fit.covariance().get();
            u.figure(KeyFigure.of("covariance.scale", Message.of("field.clv.covariance-scale"), Cell.text("log")));
            for (int i = 0; i < c.size(); i++) {
                for (int j = 0; j < c.size(); j++) {
                    u.figure(KeyFigure.of(
                            "covariance." + c.names().get(i) + "." + c.names().get(j),
                            Message.of(
                                    "field.clv.covariance",
                                    c.names().get(i),
                                    c.names().get(j)),
                            number(c.get(i, j), 6)));
                }
            }
            u.figure(KeyFigure.of(
                    "intervals.level", Message.of("field.clv.interval-level"), new Cell.Share(FIT_INTERVAL_LEVEL)));
            for (ParameterInterval interval : fit.intervals(FIT_INTERVAL_LEVEL)) {
                u.figure(KeyFigure.of(
                        "intervals." + interval.name() + ".low",
                        Message.of("field.clv.interval-low", interval.name()),
                        number(interval.low(), 6)));
                u.figure(KeyFigure.of(
                        "intervals." + interval.name() + ".high",
                        Message.of("field.clv.interval-high", interval.name()),
                        number(interval.high(), 6)));
            }
        }
        for (Coefficient c : coefficients) {
            String id = "covariates." + c.process() + "." + c.covariate();
            Message process = Message.of("process." + c.process());
            u.figure(KeyFigure.of(
                    id + ".value", Message.of("field.clv.coefficient", process, c.covariate()), number(c.value(), 6)));
            u.figure(KeyFigure.of(
                    id + ".standardError",
                    Message.of("field.clv.coefficient-error", process, c.covariate()),
                    c.standardError().isPresent() ? number(c.standardError().getAsDouble(), 6) : Cell.missing()));
        }
        return List.of(s.build(), u.build());
    }

    /**
     * Per-customer predictions as the section {@code clvPredictions}, the output of {@code loyalty clv predict}: the
     * figures {@code model}, {@code timeUnit}, {@code horizon}, {@code period}, {@code margin},
     * {@code discountRate}, {@code customers}, with intervals {@code intervals.level}, {@code intervals.draws},
     * {@code intervals.totalExpectedPurchases.low} and {@code .high} and {@code intervals.totalClv.low} and
     * {@code .high}; and the table {@code predictions} (its CSV): {@code customer_id, p_alive, expected_purchases}
     * and, with a spend model, {@code expected_spend, clv} (empty where the spend model has no mean), with intervals
     * {@code expected_purchases_low, expected_purchases_high} (and {@code clv_low, clv_high}).
     *
     * @param model the purchase model's name
     * @param timeUnit the model's time unit
     * @param options the horizon, its period, the margin and the discount rate
     * @param spend whether a spend model gave the spend and CLV columns
     * @param predictions one per customer
     * @param intervals the prediction intervals, if asked for (one per customer, in the same order)
     * @return the section
     */
    public static Section predictions(
            String model,
            TimeScale timeUnit,
            ClvOptions options,
            boolean spend,
            List<CustomerPrediction> predictions,
            Optional<PredictionIntervals> intervals) {
        Section.Builder s = Section.builder("clvPredictions", Message.of("section.clv-predictions"));
        s.figure(KeyFigure.of("model", Message.of("field.clv.model"), Cell.text(model)));
        s.figure(KeyFigure.of("timeUnit", Message.of("field.clv.time-unit"), timeUnit(Optional.of(timeUnit))));
        s.figure(KeyFigure.of("horizon", Message.of("field.clv.horizon"), number(options.horizon(), 2)));
        s.figure(KeyFigure.of("period", Message.of("field.clv.period"), timeUnit(Optional.of(options.unit()))));
        s.figure(KeyFigure.of("margin", Message.of("field.clv.margin"), number(options.margin(), 4)));
        s.figure(
                KeyFigure.of("discountRate", Message.of("field.clv.discount-rate"), number(options.discountRate(), 4)));
        s.figure(KeyFigure.of("customers", Message.of("field.clv.predicted"), Cell.count(predictions.size())));
        Table.Builder t = Table.builder("predictions", Message.of("table.clv.predictions"))
                .column("customer_id", Message.of("column.customer"), ColumnType.TEXT)
                .column("p_alive", Message.of("column.p-alive"), ColumnType.DECIMAL)
                .column("expected_purchases", Message.of("column.expected-purchases"), ColumnType.DECIMAL);
        if (spend) {
            t.column("expected_spend", Message.of("column.expected-spend"), ColumnType.DECIMAL)
                    .column("clv", Message.of("column.clv"), ColumnType.DECIMAL);
        }
        if (intervals.isPresent()) {
            PredictionIntervals r = intervals.get();
            s.figure(
                    KeyFigure.of("intervals.level", Message.of("field.clv.interval-level"), new Cell.Share(r.level())));
            s.figure(KeyFigure.of("intervals.draws", Message.of("field.clv.draws"), Cell.count(r.draws())));
            range(
                    s,
                    "intervals.totalExpectedPurchases",
                    "field.clv.total-expected-purchases",
                    r.totalExpectedPurchases());
            r.totalClv().ifPresent(c -> range(s, "intervals.totalClv", "field.clv.total-clv", c));
            t.column("expected_purchases_low", Message.of("column.expected-purchases-low"), ColumnType.DECIMAL)
                    .column(
                            "expected_purchases_high",
                            Message.of("column.expected-purchases-high"),
                            ColumnType.DECIMAL);
            if (spend) {
                t.column("clv_low", Message.of("column.clv-low"), ColumnType.DECIMAL)
                        .column("clv_high", Message.of("column.clv-high"), ColumnType.DECIMAL);
            }
        }
        for (int i = 0; i < predictions.size(); i++) {
            CustomerPrediction p = predictions.get(i);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(p.customer().value()));
            row.add(number(p.probabilityAlive(), 6));
            row.add(number(p.expectedPurchases(), 6));
            if (spend) {
                row.add(Cell.decimal(p.expectedSpend(), 6));
                row.add(Cell.decimal(p.clv(), 6));
            }
            if (intervals.isPresent()) {
                CustomerPredictionInterval c = intervals.get().customers().get(i);
                row.add(number(c.expectedPurchases().low(), 6));
                row.add(number(c.expectedPurchases().high(), 6));
                if (spend) {
                    row.add(c.clv().<Cell>map(v -> number(v.low(), 6)).orElseGet(Cell::missing));
                    row.add(c.clv().<Cell>map(v -> number(v.high(), 6)).orElseGet(Cell::missing));
                }
            }
            t.row(row);
        }
        s.table(t.build());
        return s.build();
    }

    private static void range(Section.Builder s, String id, String key, PredictionRange range) {
        s.figure(KeyFigure.of(id + ".low", Message.of(key + "-low"), number(range.low(), 6)));
        s.figure(KeyFigure.of(id + ".high", Message.of(key + "-high"), number(range.high(), 6)));
    }

    /**
     * BG/BB predictions as the section {@code clvPredictions}: the figures {@code model}, {@code horizon}
     * (opportunities), {@code discountRate}, {@code customers} (rows) and the table {@code predictions}:
     * {@code customer_id} (or {@code frequency, recency, periods, weights} for a summary of weighted rows),
     * {@code p_alive}, {@code expected_transactions} and, when discounting, {@code discounted_residual_transactions}.
     *
     * @param model the model's name
     * @param horizon the opportunities ahead
     * @param discountRate the discount rate per opportunity
     * @param predictions one per row of the summary
     * @param customers whether the rows are customers (else weighted patterns)
     * @return the section
     */
    public static Section bgBbPredictions(
            String model, int horizon, double discountRate, List<BgBbPrediction> predictions, boolean customers) {
        Section.Builder s = Section.builder("clvPredictions", Message.of("section.clv-predictions"));
        s.figure(KeyFigure.of("model", Message.of("field.clv.model"), Cell.text(model)));
        s.figure(KeyFigure.of("horizon", Message.of("field.clv.opportunities"), Cell.count(horizon)));
        s.figure(KeyFigure.of("discountRate", Message.of("field.clv.discount-rate"), number(discountRate, 4)));
        s.figure(KeyFigure.of("customers", Message.of("field.clv.predicted-rows"), Cell.count(predictions.size())));
        boolean dert = discountRate > 0;
        Table.Builder t = Table.builder("predictions", Message.of("table.clv.predictions"));
        if (customers) {
            t.column("customer_id", Message.of("column.customer"), ColumnType.TEXT);
        } else {
            t.column("frequency", Message.of("column.btyd.transactions"), ColumnType.COUNT)
                    .column("recency", Message.of("column.btyd.last-transaction"), ColumnType.COUNT)
                    .column("periods", Message.of("column.btyd.opportunities"), ColumnType.COUNT)
                    .column("weights", Message.of("column.btyd.weights"), ColumnType.COUNT);
        }
        t.column("p_alive", Message.of("column.p-alive"), ColumnType.DECIMAL)
                .column("expected_transactions", Message.of("column.expected-transactions"), ColumnType.DECIMAL);
        if (dert) {
            t.column(
                    "discounted_residual_transactions",
                    Message.of("column.discounted-residual-transactions"),
                    ColumnType.DECIMAL);
        }
        for (BgBbPrediction p : predictions) {
            List<Cell> row = new ArrayList<>();
            if (customers) {
                row.add(Cell.text(p.customer().orElseThrow().value()));
            } else {
                row.add(Cell.count(p.frequency()));
                row.add(Cell.count(p.recency()));
                row.add(Cell.count(p.periods()));
                row.add(Cell.count((long) p.weight()));
            }
            row.add(number(p.probabilityAlive(), 6));
            row.add(number(p.expectedTransactions(), 6));
            if (dert) {
                row.add(Cell.decimal(p.discountedResidualTransactions(), 6));
            }
            t.row(row);
        }
        s.table(t.build());
        return s.build();
    }

    /**
     * The per-customer summary of the BTYD models as the section {@code rfmSummary}, the output of {@code loyalty rfm}:
     * the figures {@code calibrationEnd}, {@code timeUnit} and, with a holdout, {@code holdoutEnd}; the table
     * {@code customers} (its CSV, lifetimes' columns): {@code customer_id, frequency, recency, T, monetary_value} and,
     * with a holdout, {@code frequency_holdout, monetary_value_holdout, duration_holdout}.
     *
     * @param summary the summary, of purchases (with its calibration end)
     * @return the section
     */
    public static Section btydSummary(BtydSummary summary) {
        Section.Builder s = Section.builder("rfmSummary", Message.of("section.rfm-summary"));
        summary.calibrationEnd()
                .ifPresent(end -> s.figure(
                        KeyFigure.of("calibrationEnd", Message.of("field.clv.calibration-end"), Cell.day(end))));
        s.figure(
                KeyFigure.of("timeUnit", Message.of("field.clv.time-unit"), timeUnit(Optional.of(summary.timeUnit()))));
        summary.holdoutEnd()
                .ifPresent(end ->
                        s.figure(KeyFigure.of("holdoutEnd", Message.of("field.clv.holdout-end"), Cell.day(end))));
        Table.Builder t = Table.builder("customers", Message.of("table.rfm.summary"))
                .column("customer_id", Message.of("column.customer"), ColumnType.TEXT)
                .column("frequency", Message.of("column.frequency"), ColumnType.COUNT)
                .column("recency", Message.of("column.btyd.recency"), ColumnType.DECIMAL)
                .column("T", Message.of("column.btyd.age"), ColumnType.DECIMAL)
                .column("monetary_value", Message.of("column.btyd.monetary-value"), ColumnType.DECIMAL);
        if (summary.hasHoldout()) {
            t.column("frequency_holdout", Message.of("column.btyd.frequency-holdout"), ColumnType.COUNT)
                    .column(
                            "monetary_value_holdout",
                            Message.of("column.btyd.monetary-value-holdout"),
                            ColumnType.DECIMAL)
                    .column("duration_holdout", Message.of("column.btyd.duration-holdout"), ColumnType.DECIMAL);
        }
        for (int i = 0; i < summary.size(); i++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(summary.customer(i).value()));
            row.add(Cell.count((long) summary.frequency(i)));
            row.add(number(summary.recency(i), 4));
            row.add(number(summary.age(i), 4));
            row.add(number(summary.monetaryValue(i), 2));
            if (summary.hasHoldout()) {
                row.add(Cell.count((long) summary.holdoutFrequency(i)));
                row.add(number(summary.holdoutMonetaryValue(i), 2));
                row.add(number(summary.holdoutDuration().getAsDouble(), 4));
            }
            t.row(row);
        }
        s.table(t.build());
        return s.build();
    }

    private static Message unit(TimeScale unit) {
        return Message.of("unit.time." + unit.name().toLowerCase(java.util.Locale.ROOT));
    }
}
