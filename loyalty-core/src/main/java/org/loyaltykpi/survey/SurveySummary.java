package org.loyaltykpi.survey;

import java.util.List;
import java.util.Objects;
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
