package org.loyaltykpi.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.ModelValidation;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The CLV section's purchase model validated on a holdout: MBG/NBD fitted on the purchases up to the calibration end,
 * its expected holdout purchases against the actual ones by calibration frequency (lifetimes' calibration against
 * holdout plot) and the cumulative repeat purchases, actual and expected, week by week over calibration and holdout
 * (the tracking curve). Both come from {@link ModelValidation}.
 *
 * <pre>{@code
 * ClvValidation v = ClvValidation.of(table, 26);   // hold out the last 26 weeks
 * v.byFrequency().get(0);                          // FrequencyComparison[frequency=0, ..., actualMean=.., expectedMean=..]
 * }</pre>
 *
 * @param calibrationEnd the last day of the calibration period
 * @param holdoutEnd the last day of the holdout period (the last purchase day)
 * @param model the purchase model fitted on the calibration period, in weeks
 * @param byFrequency mean holdout purchases, actual and expected, per calibration frequency 0 to 7 and above
 * @param tracking cumulative repeat purchases, actual and expected, at the end of every week and at the holdout end
 */
public record ClvValidation(
        LocalDate calibrationEnd,
        LocalDate holdoutEnd,
        MbgNbdModel model,
        List<ModelValidation.FrequencyComparison> byFrequency,
        List<ModelValidation.TrackingPoint> tracking) {

    /** The calibration frequency from which customers are grouped together ("7 and above"). */
    public static final int MAX_FREQUENCY = 7;

    /** Validates the parts and copies the lists. */
    public ClvValidation {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd must not be null");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd must not be null");
        Objects.requireNonNull(model, "model must not be null");
        byFrequency = List.copyOf(byFrequency);
        tracking = List.copyOf(tracking);
    }

    /**
     * Fits and validates the model on a holdout of the last weeks.
     *
     * @param table the purchases
     * @param holdoutWeeks the weeks before (and including) the last purchase day held out, {@code >= 1}
     * @return the validation
     * @throws IllegalArgumentException if there are no purchases, or no customer was acquired before the holdout
     */
    public static ClvValidation of(PurchaseTable table, int holdoutWeeks) {
        if (holdoutWeeks < 1) {
            throw new IllegalArgumentException("holdoutWeeks must be >= 1, got " + holdoutWeeks);
        }
        if (table.isEmpty()) {
            throw new IllegalArgumentException("no purchases");
        }
        LocalDate end = LocalDate.ofEpochDay(table.maxEpochDay());
        LocalDate calibrationEnd = end.minusWeeks(holdoutWeeks);
        if (calibrationEnd.toEpochDay() < table.minEpochDay()) {
            throw new IllegalArgumentException("a holdout of " + holdoutWeeks + " weeks leaves no calibration period:"
                    + " the purchases start on " + LocalDate.ofEpochDay(table.minEpochDay()));
        }
        BtydSummary summary = BtydSummary.of(table, calibrationEnd, end, TimeScale.WEEKS);
        MbgNbdModel model = MbgNbdModel.fit(summary);
        return new ClvValidation(
                calibrationEnd,
                end,
                model,
                ModelValidation.byCalibrationFrequency(model, summary, MAX_FREQUENCY),
                ModelValidation.tracking(model, table, calibrationEnd, end));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ClvValidation[calibration to %s, holdout to %s, %d frequency groups, %d tracking points]",
                calibrationEnd,
                holdoutEnd,
                byFrequency.size(),
                tracking.size());
    }
}
