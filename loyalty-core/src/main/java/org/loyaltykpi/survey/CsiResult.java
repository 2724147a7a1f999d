package org.loyaltykpi.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The customer satisfaction index: per attribute a score ({@link CsiMethod}: NPS-style -100..100, or the mean
 * rescaled to 0..100) and the overall index, the importance-weighted mean of the attribute scores.
 *
 * <p>Definitions. With attribute scores {@code s_i} and importances {@code w_i} (equal unless given), over the
 * attributes that have answers: {@code index = sum w_i s_i / sum w_i}. The <b>drag</b> of an attribute is how much the
 * index would rise if that attribute alone scored at the index: {@code drag_i = w_i (index - s_i) / sum w}; it is
 * positive exactly for attributes below the index. {@link #pullingDown()} lists those, the largest drag first: where
 * improvement moves the index most, importance and shortfall together.
 *
 * <p>Intervals are given per attribute ({@link AttributeScore#confidenceInterval(double)}). The index has none: the
 * attributes are usually answered by the same respondents, so their errors are correlated, and the index's variance
 * needs respondent-level data that a mergeable summary does not keep; an interval assuming independence would be too
 * narrow, so none is given.
 *
 * <p>Edge cases: with no answers the index is empty and nothing pulls down; attributes with importance but no answers
 * are listed with an empty score and do not count in the index.
 *
 * <pre>{@code
 * // the sample shop's four attributes, NPS-style, equal importance:
 * CsiResult csi = SurveyCalculator.summarize(SampleShop.standard().surveyResponses(), SurveyOptions.defaults()).csi();
 * csi.index();         // OptionalDouble[29.5]
 * csi.pullingDown();   // [price (importance 1.0): -6.6 on 650 answers]
 * CsiCalculator.toCsi(CsiMethod.MEAN, Map.of("price", 2.0, "delivery", 1.0));   // weighted, means on 0..100
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param method how attributes are scored
 * @param attributes the attributes, sorted by name
 */
public record CsiResult(CsiMethod method, List<AttributeScore> attributes) {

    /** Validates and copies the attributes. */
    public CsiResult {
        Objects.requireNonNull(method, "method must not be null");
        attributes = attributes.stream()
                .sorted(Comparator.comparing(AttributeScore::attribute))
                .collect(Collectors.toUnmodifiableList());
        for (int i = 0; i < attributes.size(); i++) {
            AttributeScore a = attributes.get(i);
            if (a.method() != method) {
                throw new IllegalArgumentException(
                        "attribute '" + a.attribute() + "' is scored by " + a.method() + ", the index by " + method);
            }
            if (i > 0 && attributes.get(i - 1).attribute().equals(a.attribute())) {
                throw new IllegalArgumentException("attribute '" + a.attribute() + "' is listed twice");
            }
        }
    }

    /**
     * The overall index.
     *
     * @return the importance-weighted mean of the attribute scores that have answers; empty if none has
     */
    public OptionalDouble index() {
        double weighted = 0;
        double weights = 0;
        for (AttributeScore a : attributes) {
            OptionalDouble s = a.score();
            if (s.isPresent()) {
                weighted += a.importance() * s.getAsDouble();
                weights += a.importance();
            }
        }
        return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(weighted / weights);
    }

    /**
     * How much the index would rise if this attribute scored at the index.
     *
     * @param attribute one of {@link #attributes()}
     * @return {@code w (index - s) / sum w}, positive when the attribute is below the index; empty without a score
     */
    public OptionalDouble drag(AttributeScore attribute) {
        OptionalDouble index = index();
        OptionalDouble s = attribute.score();
        if (index.isEmpty() || s.isEmpty()) {
            return OptionalDouble.empty();
        }
        double weights = attributes.stream()
                .filter(a -> a.score().isPresent())
                .mapToDouble(AttributeScore::importance)
                .sum();
        return OptionalDouble.of(attribute.importance() * (index.getAsDouble() - s.getAsDouble()) / weights);
    }

    /**
     * The attributes that pull the index down: those below it, the largest drag first.
     *
     * @return the attributes with a positive drag
     */
    public List<AttributeScore> pullingDown() {
        List<AttributeScore> below = new ArrayList<>();
        for (AttributeScore a : attributes) {
            if (drag(a).orElse(0) > 0) {
                below.add(a);
            }
        }
        below.sort(Comparator.comparingDouble((AttributeScore a) -> -drag(a).getAsDouble())
                .thenComparing(AttributeScore::attribute));
        return List.copyOf(below);
    }

    /** For example {@code CSI 71.3 (mean) over 4 attributes; pulling down: price, delivery}. */
    /**
     * The index of two disjoint groups of answers together, as if one {@link CsiResultAccumulator} had seen both:
     * attributes matched by name (an attribute of one side only is kept), their NPS and scores added.
     *
     * <pre>{@code
     * CsiResult all = january.plus(february);   // as CsiCalculator.toCsi over both months
     * }</pre>
     *
     * @param other the other group's index, of the same method and importances
     * @return the combined index, attributes sorted by name
     * @throws IllegalArgumentException if the methods, an attribute's importance or its scale differ
     */
    public CsiResult plus(CsiResult other) {
        if (method != other.method) {
            throw new IllegalArgumentException("cannot add a " + method + " CSI and a " + other.method + " CSI");
        }
        Map<String, AttributeScore> byName = new TreeMap<>();
        for (AttributeScore a : attributes) {
            byName.put(a.attribute(), a);
        }
        for (AttributeScore b : other.attributes) {
            byName.merge(b.attribute(), b, AttributeScore::plus);
        }
        return new CsiResult(method, new ArrayList<>(byName.values()));
    }

    @Override
    public String toString() {
        OptionalDouble index = index();
        return String.format(
                Locale.ROOT,
                "CSI %s (%s) over %d attributes; pulling down: %s",
                index.isPresent() ? String.format(Locale.ROOT, "%.1f", index.getAsDouble()) : "n/a",
                method.label(),
                attributes.size(),
                pullingDown().stream().map(AttributeScore::attribute).collect(Collectors.joining(", ")));
    }
}
