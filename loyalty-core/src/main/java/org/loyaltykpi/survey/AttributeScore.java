package org.loyaltykpi.survey;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.Scale;

/**
 * One attribute of the customer satisfaction index (delivery, price, range, ...): its importance and its answers,
 * scored by a {@link CsiMethod}.
 *
 * <pre>{@code
 * AttributeScore delivery = csi.attributes().get(0);
 * delivery.score();                  // OptionalDouble[32.0]: NPS-style, -100..100
 * delivery.confidenceInterval(0.95); // Optional[...]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param attribute the attribute's name
 * @param importance its importance weight, finite and {@code > 0} (relative: only ratios matter)
 * @param method how it is scored
 * @param nps the NPS counts of its answers (empty unless they are on 0..10)
 * @param scores its answers' summary (scale, count, sums)
 */
public record AttributeScore(
        String attribute, double importance, CsiMethod method, NpsResult nps, ScoreSummary scores) {

    /** Validates the attribute. */
    public AttributeScore {
        Objects.requireNonNull(attribute, "attribute must not be null");
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(nps, "nps must not be null");
        Objects.requireNonNull(scores, "scores must not be null");
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("attribute must not be blank: '" + attribute + "'");
        }
        if (!(importance > 0) || Double.isInfinite(importance)) {
            throw new IllegalArgumentException(
                    "importance of '" + attribute + "' must be a finite number > 0: " + importance);
        }
        if (method == CsiMethod.NPS && scores.responses() > 0 && !scores.scale().equals(Scale.NPS)) {
            throw new IllegalArgumentException("NPS-style CSI needs answers on " + Scale.NPS + ": attribute '"
                    + attribute + "' is on " + scores.scale() + " (use the mean method)");
        }
        if (nps.responses() != 0 && nps.responses() != scores.responses()) {
            throw new IllegalArgumentException("attribute '" + attribute + "' has " + nps.responses()
                    + " NPS answers but " + scores.responses() + " answers");
        }
    }

    /**
     * The number of answers.
     *
     * @return answers about this attribute
     */
    public long responses() {
        return scores.responses();
    }

    /**
     * The attribute's score.
     *
     * @return NPS-style -100..100, or mean on 0..100; empty with no answers
     */
    public OptionalDouble score() {
        return method == CsiMethod.NPS ? nps.score() : scores.meanOn100();
    }

    /**
     * The interval of the score at a level: adjusted Wald (NPS-style) or Student t rescaled (mean).
     *
     * @param level the confidence level in {@code (0, 1)}
     * @return the interval in the score's units; empty with no answers (or, for the mean, fewer than two)
     */
    public Optional<ConfidenceInterval> confidenceInterval(double level) {
        if (method == CsiMethod.NPS) {
            return nps.confidenceInterval(level);
        }
        Scale scale = scores.scale();
        return scores.meanInterval(level)
                .map(ci -> new ConfidenceInterval(
                        ci.level(), scale.rescale(ci.low()), scale.rescale(ci.high()), ci.method()));
    }

    /** For example {@code delivery (importance 2.0): 32.0 on 120 answers}. */
    /**
     * The answers of two disjoint groups to the same attribute together; an attribute without answers takes the
     * other's scores (its empty summary has no scale of its own).
     */
    AttributeScore plus(AttributeScore other) {
        if (!attribute.equals(other.attribute) || importance != other.importance || method != other.method) {
            throw new IllegalArgumentException("cannot add scores of '" + attribute + "' (importance " + importance
                    + ", " + method + ") and '" + other.attribute + "' (importance " + other.importance + ", "
                    + other.method + ")");
        }
        if (other.responses() == 0) {
            return this;
        }
        if (responses() == 0) {
            return other;
        }
        return new AttributeScore(attribute, importance, method, nps.plus(other.nps), scores.plus(other.scores));
    }

    @Override
    public String toString() {
        OptionalDouble s = score();
        return String.format(
                Locale.ROOT,
                "%s (importance %s): %s on %d answers",
                attribute,
                importance,
                s.isPresent() ? String.format(Locale.ROOT, "%.1f", s.getAsDouble()) : "n/a",
                responses());
    }
}
