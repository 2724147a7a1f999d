package org.loyaltykpi.survey;

import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * The three groups of Net Promoter answers on the 0..10 scale: promoters 9-10, passives 7-8, detractors 0-6
 * (Reichheld 2003, "The one number you need to grow", Harvard Business Review 81(12)).
 *
 * <pre>{@code
 * NpsCategory.of(9);   // PROMOTER
 * NpsCategory.of(6);   // DETRACTOR
 * }</pre>
 */
public enum NpsCategory {
    /** 9 or 10. */
    PROMOTER,
    /** 7 or 8. */
    PASSIVE,
    /** 0 to 6. */
    DETRACTOR;

    /**
     * The group of a score.
     *
     * @param score an answer on 0..10
     * @return its group
     * @throws IllegalArgumentException naming the score if it is outside 0..10
     */
    public static NpsCategory of(int score) {
        Scale.NPS.check(score);
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }

    /**
     * The group of an answer to an NPS question, which must have been asked on 0..10.
     *
     * @param response the answer
     * @return its group
     * @throws IllegalArgumentException naming the question and its scale if that is not 0..10
     */
    public static NpsCategory of(SurveyResponse response) {
        if (!response.scale().equals(Scale.NPS)) {
            throw new IllegalArgumentException("NPS needs answers on the scale " + Scale.NPS + ": question '"
                    + response.question() + "' is on " + response.scale());
        }
        return of(response.score());
    }
}
