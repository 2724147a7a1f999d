package org.loyaltykpi.survey;

import java.util.stream.Collector;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * CSAT and CES: collectors of answers into a {@link ScoreSummary}, where the definitions and intervals are.
 *
 * <ul>
 *   <li>CSAT: answers on 1..5 (or any scale), top two boxes = satisfied;
 *   <li>CES: answers on 1..7 (or any scale), top three boxes = easy (5..7).
 * </ul>
 *
 * <pre>{@code
 * ScoreSummary csat = responses.stream().collect(ScoreCalculator.toCsat());
 * ScoreSummary ces = responses.stream().collect(ScoreCalculator.toCes(Scale.of(1, 5)));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ScoreCalculator {
    /** CSAT counts the top two boxes as satisfied. */
    public static final int CSAT_TOP_BOXES = 2;

    /** CES counts the top three boxes as easy. */
    public static final int CES_TOP_BOXES = 3;

    private ScoreCalculator() {}

    /**
     * A collector of CSAT answers on 1..5.
     *
     * @return the collector; it works on parallel streams
     */
    public static Collector<SurveyResponse, ?, ScoreSummary> toCsat() {
        return toCsat(Scale.CSAT);
    }

    /**
     * A collector of CSAT answers on a scale.
     *
     * @param scale the scale every answer must be on
     * @return the collector
     */
    public static Collector<SurveyResponse, ?, ScoreSummary> toCsat(Scale scale) {
        return toSummary(scale, CSAT_TOP_BOXES);
    }

    /**
     * A collector of CES answers on 1..7.
     *
     * @return the collector
     */
    public static Collector<SurveyResponse, ?, ScoreSummary> toCes() {
        return toCes(Scale.CES);
    }

    /**
     * A collector of CES answers on a scale.
     *
     * @param scale the scale every answer must be on
     * @return the collector
     */
    public static Collector<SurveyResponse, ?, ScoreSummary> toCes(Scale scale) {
        return toSummary(scale, CES_TOP_BOXES);
    }

    /**
     * A collector of answers on a scale, counting the top {@code topBoxes} boxes.
     *
     * @param scale the scale every answer must be on
     * @param topBoxes how many top boxes are counted
     * @return the collector
     */
    public static Collector<SurveyResponse, ?, ScoreSummary> toSummary(Scale scale, int topBoxes) {
        scale.topBoxesFrom(topBoxes);
        return Collector.of(
                () -> new ScoreSummaryAccumulator(scale, topBoxes),
                ScoreSummaryAccumulator::add,
                ScoreSummaryAccumulator::merge,
                ScoreSummaryAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }
}
