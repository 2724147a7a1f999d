package org.loyaltykpi.report;

import java.util.Objects;
import org.loyaltykpi.domain.Granularity;

/**
 * How a report is computed: the period length of every per-period breakdown, the CLV horizon in weeks, how many
 * customers the CLV lists hold and, optionally, a holdout to validate the CLV section's purchase model on.
 *
 * <pre>{@code
 * ReportOptions.defaults().withGranularity(Granularity.QUARTER)
 * ReportOptions.defaults().withClvHoldoutWeeks(26)   // also fit on all but the last 26 weeks and compare
 * }</pre>
 *
 * @param granularity the period length, default {@link Granularity#MONTH}
 * @param clvHorizonWeeks the horizon of expected purchases and CLV, in weeks, finite and {@code > 0}; default 52
 * @param listed how many customers the top-CLV and at-risk lists hold, {@code >= 0}; default 10
 * @param clvHoldoutWeeks the weeks before the last purchase day held out to validate the purchase model (fitted on the
 *     purchases before them, compared with those in them by calibration frequency and as a cumulative tracking curve),
 *     {@code >= 0}; 0 (the default) for no validation
 */
public record ReportOptions(Granularity granularity, double clvHorizonWeeks, int listed, int clvHoldoutWeeks) {
    /** Validates the options. */
    public ReportOptions {
        Objects.requireNonNull(granularity, "granularity must not be null");
        if (!(clvHorizonWeeks > 0) || Double.isInfinite(clvHorizonWeeks)) {
            throw new IllegalArgumentException("clvHorizonWeeks must be finite and > 0, got " + clvHorizonWeeks);
        }
        if (listed < 0) {
            throw new IllegalArgumentException("listed must be >= 0, got " + listed);
        }
        if (clvHoldoutWeeks < 0) {
            throw new IllegalArgumentException("clvHoldoutWeeks must be >= 0, got " + clvHoldoutWeeks);
        }
    }

    /**
     * Options without a holdout.
     *
     * @param granularity the period length
     * @param clvHorizonWeeks the CLV horizon in weeks
     * @param listed how many customers the CLV lists hold
     */
    public ReportOptions(Granularity granularity, double clvHorizonWeeks, int listed) {
        this(granularity, clvHorizonWeeks, listed, 0);
    }

    /**
     * These options with a holdout to validate the CLV section's purchase model on.
     *
     * @param weeks the weeks held out, {@code >= 0}; 0 for none
     * @return the options
     */
    public ReportOptions withClvHoldoutWeeks(int weeks) {
        return new ReportOptions(granularity, clvHorizonWeeks, listed, weeks);
    }

    /**
     * Monthly periods, a 52-week CLV horizon, 10 customers per list.
     *
     * @return the defaults
     */
    public static ReportOptions defaults() {
        return new ReportOptions(Granularity.MONTH, 52, 10);
    }

    /**
     * These options with another period length.
     *
     * @param value the granularity
     * @return the options
     */
    public ReportOptions withGranularity(Granularity value) {
        return new ReportOptions(value, clvHorizonWeeks, listed, clvHoldoutWeeks);
    }
}
