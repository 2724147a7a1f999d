package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.FirstRows;

/**
 * The churn-risk flags as counts: how many customers were judged, how many were flagged and for which reasons, and
 * the first flagged customers in id order; what a report shows of a {@link ChurnRiskReport} without keeping every
 * flagged customer.
 *
 * <pre>{@code
 * ChurnRiskSummary s = ChurnRiskSummary.of(SegmentCalculator.churnRisk(table, LocalDate.of(2026, 1, 1),
 *         ChurnRiskOptions.defaults(), Optional.empty()), 10);
 * s.flaggedShare();                     // 31.4% (612/1950)
 * s.count(ChurnReason.NO_REPEAT);       // 402
 * s.firstFlagged();                     // the first 10 flagged customers
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day (exclusive: purchases before it)
 * @param options the thresholds used
 * @param model the name of the BTYD model behind {@link ChurnReason#LOW_P_ALIVE}, or empty when none was given
 * @param customers the customers judged: those with a purchase before {@code asOf}
 * @param flagged the customers flagged for at least one reason
 * @param byReason the customers flagged for each reason (a customer may have several); a missing reason counts 0
 * @param firstFlagged the first flagged customers in id order, at most {@code flagged}
 */
public record ChurnRiskSummary(
        LocalDate asOf,
        ChurnRiskOptions options,
        Optional<String> model,
        long customers,
        long flagged,
        Map<ChurnReason, Long> byReason,
        List<ChurnRisk> firstFlagged) {

    /** Validates and copies. */
    public ChurnRiskSummary {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(model, "model must not be null (use Optional.empty())");
        Map<ChurnReason, Long> counts = new EnumMap<>(ChurnReason.class);
        byReason.forEach((reason, count) -> counts.put(
                Objects.requireNonNull(reason, "byReason's reasons must not be null"),
                Objects.requireNonNull(count, "byReason's counts must not be null")));
        byReason = java.util.Collections.unmodifiableMap(counts);
        firstFlagged = List.copyOf(firstFlagged);
        if (flagged < 0 || customers < flagged) {
            throw new IllegalArgumentException(
                    "flagged " + flagged + " must be 0.." + customers + " (the customers judged)");
        }
        if (firstFlagged.size() > flagged) {
            throw new IllegalArgumentException(
                    "firstFlagged holds " + firstFlagged.size() + " customers, more than the " + flagged + " flagged");
        }
        for (Map.Entry<ChurnReason, Long> e : byReason.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > flagged) {
                throw new IllegalArgumentException(
                        "customers flagged for " + e.getKey() + " must be 0.." + flagged + ": " + e.getValue());
            }
        }
    }

    /**
     * The counts of a report and its first flagged customers.
     *
     * @param report the report
     * @param listed how many flagged customers to keep, {@code >= 0}
     * @return the summary
     * @throws IllegalArgumentException if {@code listed} is negative
     */
    public static ChurnRiskSummary of(ChurnRiskReport report, int listed) {
        if (listed < 0) {
            throw new IllegalArgumentException("listed must be >= 0: " + listed);
        }
        Map<ChurnReason, Long> byReason = new EnumMap<>(ChurnReason.class);
        for (ChurnReason reason : ChurnReason.values()) {
            byReason.put(reason, report.count(reason));
        }
        return new ChurnRiskSummary(
                report.asOf(),
                report.options(),
                report.model(),
                report.customers(),
                report.flagged().size(),
                byReason,
                report.flagged().subList(0, Math.min(listed, report.flagged().size())));
    }

    /**
     * The customers flagged for a reason (a customer may have several).
     *
     * @param reason the reason
     * @return the count
     */
    public long count(ChurnReason reason) {
        return byReason.getOrDefault(reason, 0L);
    }

    /**
     * The share of customers flagged for any reason.
     *
     * @return flagged / customers
     */
    public Ratio flaggedShare() {
        return Ratio.of(flagged, customers);
    }

    @Override
    public String toString() {
        return "ChurnRiskSummary[asOf=" + asOf + ", options=" + options + ", model=" + model + ", customers="
                + customers + ", flagged=" + flagged + ", byReason=" + byReason + ", firstFlagged="
                + FirstRows.of(firstFlagged) + "]";
    }
}
