package org.loyaltykpi.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;

/**
 * Reviews by sentiment per period of a granularity: the positive-share series and its trend.
 *
 * <p>The periods are consecutive whole periods of {@link #granularity()}, from the first period with a review to the
 * last ({@link FeedbackCalculator#series}) or over a chosen range ({@link FeedbackCalculator#series(java.util.Collection,
 * DateRange, Granularity)}); periods without reviews are in the series with empty counts, so the trend of a month is always
 * against the calendar month before. The series of no reviews has no periods.
 *
 * <p>{@link #trend(DateRange)} compares every period's positive share with the period before and with a baseline
 * period, in percentage points and relative ({@link ShareTrend}).
 *
 * <pre>{@code
 * ReviewSeries s = FeedbackCalculator.series(reviews, Granularity.QUARTER);
 * s.total().positiveShare();          // 71.3% (428/600)
 * s.trend().get(3).relativeVsPrevious();   // OptionalDouble[0.04]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param granularity the period length
 * @param periods the periods in order, consecutive
 */
public record ReviewSeries(Granularity granularity, List<PeriodFeedback> periods) {

    /** Validates that the periods are consecutive whole periods of the granularity. */
    public ReviewSeries {
        Objects.requireNonNull(granularity, "granularity must not be null");
        periods = List.copyOf(periods);
        for (int i = 0; i < periods.size(); i++) {
            DateRange p = periods.get(i).period();
            if (!granularity.periodContaining(p.start()).equals(p)) {
                throw new IllegalArgumentException("period " + p + " is not a whole " + granularity + " period");
            }
            if (i > 0 && !periods.get(i - 1).period().endExclusive().equals(p.start())) {
                throw new IllegalArgumentException(
                        "periods must be consecutive: " + periods.get(i - 1).period() + " then " + p);
            }
        }
    }

    /**
     * The series of no reviews.
     *
     * @param granularity the period length
     * @return a series without periods
     */
    public static ReviewSeries empty(Granularity granularity) {
        return new ReviewSeries(granularity, List.of());
    }

    /**
     * All reviews of the series.
     *
     * @return the counts summed over the periods
     */
    public SentimentCounts total() {
        SentimentCounts sum = SentimentCounts.EMPTY;
        for (PeriodFeedback p : periods) {
            sum = sum.plus(p.counts());
        }
        return sum;
    }

    /**
     * The counts of one period.
     *
     * @param period a period of the series
     * @return its counts, or empty if the period is not in the series
     */
    public Optional<SentimentCounts> counts(DateRange period) {
        return periods.stream()
                .filter(p -> p.period().equals(period))
                .map(PeriodFeedback::counts)
                .findFirst();
    }

    /**
     * The trend against the first period of the series as baseline.
     *
     * @return one entry per period; empty for the empty series
     */
    public List<ShareTrend> trend() {
        return periods.isEmpty() ? List.of() : trend(periods.get(0).period());
    }

    /**
     * The trend against a baseline period.
     *
     * @param baseline the baseline, a period of the series
     * @return one entry per period, in order; the first period's previous share is {@code 0/0} (not in the series)
     * @throws IllegalArgumentException naming the baseline if it is not a period of the series
     */
    public List<ShareTrend> trend(DateRange baseline) {
        SentimentCounts base = counts(baseline)
                .orElseThrow(() -> new IllegalArgumentException("baseline " + baseline + " is not a "
                        + granularity.name().toLowerCase(java.util.Locale.ROOT) + " of the review series"
                        + (periods.isEmpty()
                                ? " (it has no periods)"
                                : " (" + periods.get(0).period().label() + ".."
                                        + periods.get(periods.size() - 1)
                                                .period()
                                                .label() + ")")));
        List<ShareTrend> trend = new ArrayList<>(periods.size());
        SentimentCounts previous = SentimentCounts.EMPTY;
        for (PeriodFeedback p : periods) {
            trend.add(new ShareTrend(
                    p.period(), p.positiveShare(), previous.positiveShare(), baseline, base.positiveShare()));
            previous = p.counts();
        }
        return List.copyOf(trend);
    }
}
