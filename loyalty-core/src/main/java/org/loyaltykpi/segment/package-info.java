/**
 * Customer segments: loyalty levels (attitude x behaviour after Dick and Basu: true, latent, spurious, absent,
 * negative, unknown), lifecycle stages with their counts over time and the flow between them, RFM quintile scores with
 * eleven named segments, and churn-risk flags with their reasons.
 *
 * <p>Start with {@link org.loyaltykpi.segment.SegmentCalculator}. Per-customer results are summarised by a
 * {@link org.loyaltykpi.segment.SegmentDistribution} (customers and revenue per segment), which is additive and has a
 * mergeable accumulator.
 *
 * <pre>{@code
 * RfmScores scores = SegmentCalculator.rfmScores(table, LocalDate.of(2026, 1, 1));
 * scores.distribution();   // customers and revenue per RFM segment
 * }</pre>
 */
package org.loyaltykpi.segment;
