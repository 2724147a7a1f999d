package org.loyaltykpi.report;

import java.util.List;
import java.util.Objects;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveySummary;

/**
 * The customer survey: NPS, CSAT, CES and CSI over every answer, by segment and by period.
 *
 * @param total every answer
 * @param bySegment per segment (empty when the answers have no segment)
 * @param byPeriod per period of the report's granularity
 */
public record SurveyResults(SurveySummary total, List<SurveyGroup> bySegment, List<SurveyGroup> byPeriod) {
    /** Copies the groups. */
    public SurveyResults {
        Objects.requireNonNull(total, "total must not be null");
        bySegment = List.copyOf(bySegment);
        byPeriod = List.copyOf(byPeriod);
    }

    @Override
    public String toString() {
        return "SurveyResults[" + total + ", " + bySegment.size() + " segments, " + byPeriod.size() + " periods]";
    }
}
