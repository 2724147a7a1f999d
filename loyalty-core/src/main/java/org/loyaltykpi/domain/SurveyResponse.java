package org.loyaltykpi.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.internal.Quoted;

/**
 * One answer of one respondent to one survey question.
 *
 * <p>The question's name decides which metric the answer feeds ({@link QuestionKind}: {@code nps}, {@code csat},
 * {@code ces}, {@code csi:ATTRIBUTE}); the scale is the one the question was asked on, and the score must lie on it.
 * The segment (a channel, a tier, a region, ...) is what {@link org.loyaltykpi.survey.SurveyCalculator#bySegment} breaks results down by.
 * The weight is for B2B account weighting (an account's revenue share, seats, ...): it changes the weighted NPS only;
 * counts, shares and intervals of the other metrics count every answer once. Every answer counts: a respondent who
 * answers the same question twice is counted twice.
 *
 * <pre>{@code
 * SurveyResponse r = SurveyResponse.of(CustomerId.of("C00042"), LocalDate.of(2025, 3, 4), "nps", 9, Scale.NPS)
 *         .withSegment("web")
 *         .withWeight(2.5);
 * SurveyResponse.of(id, day, "nps", 11, Scale.NPS);   // IllegalArgumentException: score 11 is outside the scale 0..10
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param respondent who answered
 * @param date when
 * @param question the question's name; not blank, without surrounding white space
 * @param score the answer, on {@code scale}
 * @param scale the answer scale of the question
 * @param segment the respondent's segment, or empty; not blank when present
 * @param weight the answer's weight for weighted NPS, within {@link #MIN_WEIGHT}..{@link #MAX_WEIGHT}; 1 unless
 *     given
 */
public record SurveyResponse(
        CustomerId respondent,
        LocalDate date,
        String question,
        int score,
        Scale scale,
        Optional<String> segment,
        double weight) {

    /**
     * The smallest weight of an answer: 1e-9. With the largest, the weighted sums and their squares of any number of
     * answers stay finite and the effective sample size stays defined.
     */
    public static final double MIN_WEIGHT = 1e-9;

    /** The largest weight of an answer: 1e9. */
    public static final double MAX_WEIGHT = 1e9;

    /** Validates the response. */
    public SurveyResponse {
        Objects.requireNonNull(respondent, "respondent must not be null");
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(scale, "scale must not be null");
        Objects.requireNonNull(segment, "segment must not be null (use Optional.empty())");
        if (question.isBlank() || !question.equals(question.strip())) {
            throw new IllegalArgumentException(
                    "question must not be blank nor start or end with white space: '" + Quoted.value(question) + "'");
        }
        if (segment.isPresent()
                && (segment.get().isBlank()
                        || !segment.get().equals(segment.get().strip()))) {
            throw new IllegalArgumentException("segment must not be blank nor start or end with white space: '"
                    + Quoted.value(segment.get()) + "'");
        }
        scale.check(score);
        if (!(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
            throw new IllegalArgumentException(
                    "weight must be within " + MIN_WEIGHT + ".." + MAX_WEIGHT + ": " + weight);
        }
    }

    /**
     * A response without segment, of weight 1.
     *
     * @param respondent who answered
     * @param date when
     * @param question the question's name
     * @param score the answer
     * @param scale the question's scale
     * @return the response
     * @throws IllegalArgumentException naming the score and the scale if the score is outside it
     */
    public static SurveyResponse of(CustomerId respondent, LocalDate date, String question, int score, Scale scale) {
        return new SurveyResponse(respondent, date, question, score, scale, Optional.empty(), 1);
    }

    /**
     * This response in a segment.
     *
     * @param value the segment
     * @return a copy
     */
    public SurveyResponse withSegment(String value) {
        return new SurveyResponse(respondent, date, question, score, scale, Optional.of(value), weight);
    }

    /**
     * This response with a weight.
     *
     * @param value the weight, finite and {@code > 0}
     * @return a copy
     */
    public SurveyResponse withWeight(double value) {
        return new SurveyResponse(respondent, date, question, score, scale, segment, value);
    }

    /**
     * What the question measures, from its name.
     *
     * @return the kind, or empty for a question of no known kind
     */
    public Optional<QuestionKind> kind() {
        return QuestionKind.of(question);
    }
}
