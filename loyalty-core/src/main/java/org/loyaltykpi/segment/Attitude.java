package org.loyaltykpi.segment;

import java.util.Optional;
import org.loyaltykpi.domain.QuestionKind;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.survey.NpsCategory;
import org.loyaltykpi.survey.ScoreCalculator;

/**
 * A customer's relative attitude towards the shop, the attitudinal axis of Dick and Basu's loyalty matrix, read from
 * one attitude signal:
 *
 * <ul>
 *   <li>an NPS answer (question kind {@link QuestionKind#NPS}, on 0..10): promoter (9-10) {@link #HIGH}, passive
 *       (7-8) the passive attitude of the options ({@link #LOW} by default), detractor (0-6) {@link #NEGATIVE};
 *   <li>a CSAT answer ({@link QuestionKind#CSAT}, on its own scale): top two boxes {@link #HIGH}, otherwise
 *       {@link #LOW} (dissatisfaction is low attitude, not the hostility of a detractor);
 *   <li>a {@link Review}: positive {@link #HIGH}, neutral {@link #LOW}, negative {@link #NEGATIVE}.
 * </ul>
 *
 * <p>Other answers (CES, CSI, questions of no kind) carry no attitude. {@link #NEGATIVE} is a low attitude that is
 * also hostile: a detractor or a negative reviewer, who becomes {@link LoyaltyLevel#NEGATIVE} once churned.
 *
 * <pre>{@code
 * Attitude.of(SurveyResponse.of(id, day, "nps", 9, Scale.NPS), Attitude.LOW);   // Optional[HIGH]
 * Attitude.of(SurveyResponse.of(id, day, "csat", 3, Scale.CSAT), Attitude.LOW); // Optional[LOW]
 * }</pre>
 */
public enum Attitude {
    /** Hostile low attitude: an NPS detractor or a negative review. */
    NEGATIVE,
    /** Low relative attitude: passive, not satisfied (below the top two boxes) or a neutral review. */
    LOW,
    /** High relative attitude: promoter, top-two-box satisfied or a positive review. */
    HIGH;

    /**
     * Whether this is the high side of the matrix.
     *
     * @return {@code this == HIGH}
     */
    public boolean isHigh() {
        return this == HIGH;
    }

    /**
     * The attitude of a survey answer.
     *
     * @param response the answer
     * @param passive the attitude of an NPS passive (7-8)
     * @return the attitude of an NPS or CSAT answer; empty for any other question
     * @throws IllegalArgumentException naming the question if an NPS answer is not on 0..10
     */
    public static Optional<Attitude> of(SurveyResponse response, Attitude passive) {
        Optional<QuestionKind> kind = response.kind();
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        switch (kind.get()) {
            case NPS:
                NpsCategory category = NpsCategory.of(response);
                return Optional.of(
                        category == NpsCategory.PROMOTER ? HIGH : category == NpsCategory.PASSIVE ? passive : NEGATIVE);
            case CSAT:
                return Optional.of(
                        response.score() >= response.scale().topBoxesFrom(ScoreCalculator.CSAT_TOP_BOXES) ? HIGH : LOW);
            default:
                return Optional.empty();
        }
    }

    /**
     * The attitude of a review.
     *
     * @param review the review
     * @return positive {@code HIGH}, neutral {@code LOW}, negative {@code NEGATIVE}
     */
    public static Attitude of(Review review) {
        switch (review.sentiment()) {
            case POSITIVE:
                return HIGH;
            case NEUTRAL:
                return LOW;
            default:
                return NEGATIVE;
        }
    }
}
