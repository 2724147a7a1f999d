package org.loyaltykpi.report;

import java.util.Objects;
import org.loyaltykpi.domain.Granularity;

/**
 * How a report is computed: the period length of every per-period breakdown, the CLV horizon in weeks and how many
 * customers the CLV lists hold.
 *
 * <pre>{@code
 * ReportOptions.defaults().withGranularity(Granularity.QUARTER)
 * }</pre>
 *
 * @param granularity the period length, default {@link Granularity#MONTH}
 * @param clvHorizonWeeks the horizon of expected purchases and CLV, in weeks, finite and {@code > 0}; default 52
 * @param listed how many customers the top-CLV and at-risk lists hold, {@code >= 0}; default 10
 */
public record ReportOptions(Granularity granularity, double clvHorizonWeeks, int listed) {
    /** Validates the options. */
    public ReportOptions {
        Objects.requireNonNull(granularity, "granularity must not be null");
        if (!(clvHorizonWeeks > 0) || Double.isInfinite(clvHorizonWeeks)) {
            throw new IllegalArgumentException("clvHorizonWeeks must be finite and > 0, got " + clvHorizonWeeks);
        }
        if (listed < 0) {
            throw new IllegalArgumentException("listed must be >= 0, got " + listed);
        }
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
        return new ReportOptions(value, clvHorizonWeeks, listed);
    }
}
