package org.loyaltykpi.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.loyaltykpi.domain.QuestionKind;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * Builds a {@link CsiResult} from answers to CSI questions ({@code csi:ATTRIBUTE}, see {@link QuestionKind}), in any
 * order, and merges with other accumulators of the same method and importances: split anywhere, merge, same result.
 *
 * <p>Importances: an empty map weighs every attribute equally (1); otherwise every attribute answered must have an
 * importance, and attributes with an importance but no answers are listed without a score. Each attribute's answers
 * must share one scale ({@code 0..10} for the NPS-style method). Answer weights are not used.
 *
 * <p>State: per attribute an {@link NpsResult} and a {@link ScoreSummary} of plain values ({@link #snapshot()}). Not
 * thread-safe; use one per thread and {@link #merge(CsiResultAccumulator)}.
 *
 * <pre>{@code
 * CsiResultAccumulator acc = new CsiResultAccumulator(CsiMethod.NPS, Map.of());
 * responses.forEach(acc::add);
 * acc.snapshot().index();
 * }</pre>
 */
public final class CsiResultAccumulator {
    private final CsiMethod method;
    private final Map<String, Double> importance;
    private final Map<String, Slot> attributes = new TreeMap<>();

    /**
     * An empty accumulator.
     *
     * @param method how attributes are scored
     * @param importance importance per attribute name, each finite and {@code > 0}; empty for equal importance
     */
    public CsiResultAccumulator(CsiMethod method, Map<String, Double> importance) {
        this.method = Objects.requireNonNull(method, "method must not be null");
        this.importance = Map.copyOf(importance);
        this.importance.forEach((name, w) -> {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("importance of '" + name + "' must be a finite number > 0: " + w);
            }
        });
    }

    /**
     * Adds an answer to a CSI question.
     *
     * @param response the answer; its question is {@code csi:ATTRIBUTE}
     * @return this accumulator
     * @throws IllegalArgumentException if the question is no CSI question, the attribute has no importance, or its
     *     scale differs from the attribute's earlier answers
     */
    public CsiResultAccumulator add(SurveyResponse response) {
        String attribute = QuestionKind.attribute(response.question())
                .orElseThrow(() -> new IllegalArgumentException(
                        "not a CSI question (csi:ATTRIBUTE): '" + response.question() + "'"));
        slot(attribute, response.scale()).add(response);
        return this;
    }

    /**
     * Adds CSI answers.
     *
     * @param responses the answers
     * @return this accumulator
     */
    public CsiResultAccumulator addAll(Iterable<SurveyResponse> responses) {
        responses.forEach(this::add);
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other an accumulator of the same method and importances; unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if method or importances differ
     */
    public CsiResultAccumulator merge(CsiResultAccumulator other) {
        if (method != other.method || !importance.equals(other.importance)) {
            throw new IllegalArgumentException("cannot merge CSI accumulators of " + method + " " + importance + " and "
                    + other.method + " " + other.importance);
        }
        other.attributes.forEach((name, theirs) -> {
            Slot mine = slot(name, theirs.scores.snapshot().scale());
            mine.scores.merge(theirs.scores);
            mine.nps.merge(theirs.nps);
        });
        return this;
    }

    /**
     * The index of everything added so far; the accumulator stays usable.
     *
     * @return the result, attributes sorted by name
     */
    public CsiResult snapshot() {
        Map<String, AttributeScore> scores = new TreeMap<>();
        attributes.forEach((name, slot) -> scores.put(
                name,
                new AttributeScore(
                        name,
                        importance.getOrDefault(name, 1.0),
                        method,
                        slot.nps.snapshot(),
                        slot.scores.snapshot())));
        importance.forEach((name, w) -> scores.computeIfAbsent(
                name, n -> new AttributeScore(n, w, method, NpsResult.empty(), ScoreSummary.empty(Scale.NPS, 2))));
        return new CsiResult(method, new ArrayList<>(scores.values()));
    }

    private Slot slot(String attribute, Scale scale) {
        if (!importance.isEmpty() && !importance.containsKey(attribute)) {
            throw new IllegalArgumentException("no importance given for CSI attribute '" + attribute
                    + "'; importances are given for " + new TreeMap<>(importance).keySet());
        }
        if (method == CsiMethod.NPS && !scale.equals(Scale.NPS)) {
            throw new IllegalArgumentException("NPS-style CSI needs answers on " + Scale.NPS + ": attribute '"
                    + attribute + "' is on " + scale + " (use the mean method)");
        }
        Slot slot = attributes.computeIfAbsent(attribute, a -> new Slot(scale));
        if (!slot.scale.equals(scale)) {
            throw new IllegalArgumentException("CSI attribute '" + attribute + "' has answers on " + slot.scale
                    + " and on " + scale + "; one attribute, one scale");
        }
        return slot;
    }

    /** One attribute's answers. */
    private static final class Slot {
        final Scale scale;
        final ScoreSummaryAccumulator scores;
        final NpsResultAccumulator nps = new NpsResultAccumulator();

        Slot(Scale scale) {
            this.scale = scale;
            this.scores = new ScoreSummaryAccumulator(scale, ScoreCalculator.CSAT_TOP_BOXES);
        }

        void add(SurveyResponse response) {
            scores.add(response);
            if (scale.equals(Scale.NPS)) {
                // Unweighted like the other attribute statistics: one answer, one vote.
                nps.add(response.score());
            }
        }
    }

    /**
     * The attributes seen so far.
     *
     * @return their names, sorted
     */
    public List<String> attributes() {
        return List.copyOf(attributes.keySet());
    }
}
