package org.loyaltykpi.survey;

import java.util.ArrayList;
import java.util.Objects;
import java.util.TreeSet;
import org.loyaltykpi.domain.QuestionKind;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * Builds a {@link SurveySummary} from the answers of a whole survey, in any order, routing each answer by its
 * question's {@link QuestionKind}; merges with other accumulators of the same options (split anywhere, merge, same
 * summary).
 *
 * <p>CSAT (CES) answers must all be on one scale, the scale of the first one; with none the summary is empty on 1..5
 * (1..7). Not thread-safe; use one per thread and {@link #merge(SurveySummaryAccumulator)}, or {@link
 * SurveyCalculator#toSummary(SurveyOptions)} on a parallel stream.
 *
 * <pre>{@code
 * SurveySummaryAccumulator acc = new SurveySummaryAccumulator(SurveyOptions.defaults());
 * responses.forEach(acc::add);
 * acc.snapshot().nps().score();
 * }</pre>
 */
public final class SurveySummaryAccumulator {
    private final SurveyOptions options;
    private final NpsResultAccumulator nps = new NpsResultAccumulator();
    // Created by the first answer, whose scale they then require; absent (null) until then.
    private ScoreSummaryAccumulator csat;
    private ScoreSummaryAccumulator ces;
    private final CsiResultAccumulator csi;
    private long otherResponses;
    private final TreeSet<String> otherQuestions = new TreeSet<>();

    /**
     * An empty accumulator.
     *
     * @param options how CSI is scored
     */
    public SurveySummaryAccumulator(SurveyOptions options) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.csi = new CsiResultAccumulator(options.csiMethod(), options.csiImportance());
    }

    /**
     * Adds an answer to the metric of its question's kind.
     *
     * @param response the answer
     * @return this accumulator
     * @throws IllegalArgumentException naming the question if its scale does not fit its metric
     */
    public SurveySummaryAccumulator add(SurveyResponse response) {
        QuestionKind kind = response.kind().orElse(null);
        if (kind == null) {
            otherResponses++;
            otherQuestions.add(response.question());
        } else if (kind == QuestionKind.NPS) {
            nps.add(response);
        } else if (kind == QuestionKind.CSAT) {
            csat = orNew(csat, response.scale(), ScoreCalculator.CSAT_TOP_BOXES).add(response);
        } else if (kind == QuestionKind.CES) {
            ces = orNew(ces, response.scale(), ScoreCalculator.CES_TOP_BOXES).add(response);
        } else {
            csi.add(response);
        }
        return this;
    }

    private static ScoreSummaryAccumulator orNew(ScoreSummaryAccumulator acc, Scale scale, int topBoxes) {
        return acc != null ? acc : new ScoreSummaryAccumulator(scale, topBoxes);
    }

    /**
     * Adds answers.
     *
     * @param responses the answers
     * @return this accumulator
     */
    public SurveySummaryAccumulator addAll(Iterable<SurveyResponse> responses) {
        responses.forEach(this::add);
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other an accumulator of the same options; unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the options differ, or CSAT (CES) scales differ
     */
    public SurveySummaryAccumulator merge(SurveySummaryAccumulator other) {
        if (!options.equals(other.options)) {
            throw new IllegalArgumentException(
                    "cannot merge survey accumulators of options " + options + " and " + other.options);
        }
        nps.merge(other.nps);
        if (other.csat != null) {
            csat = orNew(csat, other.csat.snapshot().scale(), ScoreCalculator.CSAT_TOP_BOXES)
                    .merge(other.csat);
        }
        if (other.ces != null) {
            ces = orNew(ces, other.ces.snapshot().scale(), ScoreCalculator.CES_TOP_BOXES)
                    .merge(other.ces);
        }
        csi.merge(other.csi);
        otherResponses += other.otherResponses;
        otherQuestions.addAll(other.otherQuestions);
        return this;
    }

    /**
     * The summary of everything added so far; the accumulator stays usable.
     *
     * @return the summary
     */
    public SurveySummary snapshot() {
        return new SurveySummary(
                nps.snapshot(),
                csat == null ? ScoreSummary.empty(Scale.CSAT, ScoreCalculator.CSAT_TOP_BOXES) : csat.snapshot(),
                ces == null ? ScoreSummary.empty(Scale.CES, ScoreCalculator.CES_TOP_BOXES) : ces.snapshot(),
                csi.snapshot(),
                otherResponses,
                new ArrayList<>(otherQuestions));
    }
}
