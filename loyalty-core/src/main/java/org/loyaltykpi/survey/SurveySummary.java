package org.loyaltykpi.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.loyaltykpi.domain.QuestionKind;

/**
 * Every metric of a survey at once: NPS, CSAT, CES and CSI, each from the answers to its questions ({@link
 * QuestionKind}), and the count of answers to questions of no known kind, which feed no metric.
 *
 * <p>Several questions of one kind (say {@code nps} and {@code nps_support}) are pooled into that kind's metric.
 *
 * <pre>{@code
 * SurveySummary s = SurveyCalculator.summarize(responses, SurveyOptions.defaults());
 * s.nps().score();
 * s.csat().topBoxShare();
 * s.ces().mean();
 * s.csi().index();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param nps the NPS answers
 * @param csat the CSAT answers (top two boxes)
 * @param ces the CES answers (top three boxes)
 * @param csi the CSI attributes
 * @param otherResponses answers to questions of no known kind
 * @param otherQuestions those questions' names, sorted
 */
public record SurveySummary(
        NpsResult nps,
        ScoreSummary csat,
        ScoreSummary ces,
        CsiResult csi,
        long otherResponses,
        List<String> otherQuestions) {

    /** Validates and copies. */
    public SurveySummary {
        Objects.requireNonNull(nps, "nps must not be null");
        Objects.requireNonNull(csat, "csat must not be null");
        Objects.requireNonNull(ces, "ces must not be null");
        Objects.requireNonNull(csi, "csi must not be null");
        otherQuestions = List.copyOf(otherQuestions);
        if (otherResponses < 0 || otherResponses < otherQuestions.size()) {
            throw new IllegalArgumentException("other answers " + otherResponses + " cannot be fewer than the "
                    + otherQuestions.size() + " other questions");
        }
    }

    /**
     * All answers.
     *
     * @return the answers to every question, including those of no known kind
     */
    public long responses() {
        return nps.responses()
                + csat.responses()
                + ces.responses()
                + csi.attributes().stream().mapToLong(AttributeScore::responses).sum()
                + otherResponses;
    }

    /** A readable multi-line summary. */
    /**
     * The summary of two disjoint groups of answers together, as if one {@link SurveySummaryAccumulator} of the same
     * options had seen both: NPS, CSAT, CES and CSI added (a CSAT or CES without answers takes the other's scale),
     * other answers counted and their questions united.
     *
     * <pre>{@code
     * SurveySummary year = firstHalf.plus(secondHalf);   // as SurveyCalculator.summarize over the whole year
     * }</pre>
     *
     * @param other the other group's summary, of the same options
     * @return the combined summary
     * @throws IllegalArgumentException if the CSAT (CES) scales or the CSI method or importances differ
     */
    public SurveySummary plus(SurveySummary other) {
        TreeSet<String> questions = new TreeSet<>(otherQuestions);
        questions.addAll(other.otherQuestions);
        return new SurveySummary(
                nps.plus(other.nps),
                plus(csat, other.csat),
                plus(ces, other.ces),
                csi.plus(other.csi),
                Math.addExact(otherResponses, other.otherResponses),
                new ArrayList<>(questions));
    }

    private static ScoreSummary plus(ScoreSummary a, ScoreSummary b) {
        return b.responses() == 0 ? a : a.responses() == 0 ? b : a.plus(b);
    }

    @Override
    public String toString() {
        return "SurveySummary[" + responses() + " answers]\n"
                + "  " + nps + "\n"
                + "  CSAT: " + csat + "\n"
                + "  CES: " + ces + "\n"
                + "  " + csi
                + (otherResponses == 0
                        ? ""
                        : "\n  " + otherResponses + " answers to other questions " + otherQuestions);
    }
}
