/**
 * Survey metrics with honest uncertainty: NPS (0..10; promoters 9-10, detractors 0-6; adjusted-Wald interval,
 * margin of error, difference test, required sample size, finite population correction), CSAT (top-two-box share with
 * a Wilson interval, and the mean), CES (mean effort and share easy) and the CSI (importance-weighted index of
 * attribute scores), overall or by segment or period.
 *
 * <p>Start with {@link org.loyaltykpi.survey.SurveyCalculator#summarize} for everything at once, or
 * {@link org.loyaltykpi.survey.NpsCalculator} for one metric. Each metric is a result, a mergeable accumulator and a
 * {@link java.util.stream.Collector}, so answers can be summarised on a parallel stream.
 *
 * <pre>{@code
 * SurveySummary survey = SurveyCalculator.summarize(answers, SurveyOptions.defaults());
 * survey.nps();   // NPS 34.8 [28.7..40.5 (95% adjusted-wald)] (650 answers: ...)
 * }</pre>
 */
package org.loyaltykpi.survey;
