package org.loyaltykpi.document.report;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.loyaltykpi.clv.ModelComparison;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.ModelValidation;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;

/**
 * The sections of {@code loyalty clv compare} and {@code loyalty clv validate}: a {@link ModelComparison} and a
 * calibration-against-holdout check ({@link ModelValidation}) as document sections, so that their text, JSON and CSV
 * are renderings of one value, as the report's are.
 *
 * <pre>{@code
 * Section s = ClvDocuments.comparison(ModelComparison.compare(summary, table, FitOptions.defaults()));
 * JsonRenderer.render(s, Messages.english(), out);
 * CsvRenderer.render(s.tables().get(0), out);
 * }</pre>
 */
public final class ClvDocuments {
    private ClvDocuments() {}

    /** Yes or no, as a translated label whose JSON and CSV code is {@code yes} or {@code no}. */
    private enum Answer {
        YES,
        NO
    }

    private static Cell answer(boolean yes) {
        return Cell.label("answer", yes ? Answer.YES : Answer.NO);
    }

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
                    c.fit().isPresent() ? answer(c.fit().get().converged()) : Cell.missing(),
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
                    answer(g.andAbove()),
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

    private static Message unit(TimeScale unit) {
        return Message.of("unit.time." + unit.name().toLowerCase(java.util.Locale.ROOT));
    }
}
