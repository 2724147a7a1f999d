package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.FirstRows;

/**
 * The customers flagged at risk of churning as of a day, with their reasons, out of every customer with a purchase
 * before that day.
 *
 * <pre>{@code
 * ChurnRiskReport r = SegmentCalculator.churnRisk(table, LocalDate.of(2026, 1, 1), ChurnRiskOptions.defaults(),
 *         Optional.of(bgNbd));
 * r.flaggedShare();                        // 31.4% (612/1950)
 * r.count(ChurnReason.LOW_P_ALIVE);        // 402
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day (exclusive: purchases before it)
 * @param options the thresholds used
 * @param model the name of the BTYD model behind {@link ChurnReason#LOW_P_ALIVE}, or empty when none was given
 * @param customers the customers judged: those with a purchase before {@code asOf}
 * @param flagged the flagged customers, in id order
 */
public record ChurnRiskReport(
        LocalDate asOf, ChurnRiskOptions options, Optional<String> model, long customers, List<ChurnRisk> flagged) {

    /** Validates and copies. */
    public ChurnRiskReport {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(model, "model must not be null (use Optional.empty())");
        flagged = List.copyOf(flagged);
        if (customers < flagged.size()) {
            throw new IllegalArgumentException(
                    "customers " + customers + " must be >= the flagged customers " + flagged.size());
        }
    }

    /**
     * The customers flagged for a reason (a customer may have several).
     *
     * @param reason the reason
     * @return the count
     */
    public long count(ChurnReason reason) {
        return flagged.stream().filter(r -> r.has(reason)).count();
    }

    /**
     * The share of customers flagged for any reason.
     *
     * @return flagged / customers
     */
    public Ratio flaggedShare() {
        return Ratio.of(flagged.size(), customers);
    }

    @Override
    public String toString() {
        return "ChurnRiskReport[asOf=" + asOf + ", options=" + options + ", model=" + model + ", customers=" + customers
                + ", flagged=" + FirstRows.of(flagged) + "]";
    }
}
