package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collector;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.Money;

/**
 * Customer segments as of a day: Dick and Basu's loyalty levels, lifecycle stages (and their flow over periods), RFM
 * scores with named segments, and churn-risk flags with reasons.
 *
 * <p>Every method reads the data strictly before its as-of day {@code D}: purchases, survey answers and reviews on
 * {@code D} or later change nothing, so "as of 2026-01-01" is the state at the end of 2025. Recency is counted as
 * {@code D - last purchase day}, 1 for a purchase the day before.
 *
 * <p>Per-customer classifications need each customer's whole history up to {@code D}, so they are methods on a
 * {@link PurchaseTable} (one pass over each customer's run of rows, no per-purchase objects). RFM scores additionally
 * need every customer's values at once (quintiles are not additive): {@link #rfmScores} sorts them. The distributions
 * of the results are additive: the {@code to...Distribution} collectors and {@link SegmentDistributionAccumulator}
 * rebuild them from per-customer rows, in parallel and merged.
 *
 * <pre>{@code
 * PurchaseTable table = SampleShop.standard().purchases();
 * List<SurveyResponse> answers = SampleShop.standard().surveyResponses();
 * LocalDate asOf = LocalDate.of(2026, 1, 1);
 * SegmentCalculator.loyaltyLevels(table, answers, List.of(), asOf, LevelOptions.defaults()).distribution();
 * SegmentCalculator.lifecycle(table, answers, List.of(), asOf, LifecycleOptions.defaults()).distribution();
 * SegmentCalculator.rfmScores(table, asOf).distribution();
 * SegmentCalculator.churnRisk(table, asOf, ChurnRiskOptions.defaults(), Optional.empty()).flaggedShare();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SegmentCalculator {
    private SegmentCalculator() {}

    /**
     * The loyalty level of every customer as of a day (see {@link LoyaltyLevel}, {@link Attitude}, {@link
     * LevelOptions}).
     *
     * <p>Customers: everyone with a purchase or an attitude signal (NPS or CSAT answer, review) before {@code asOf}.
     * The attitude is the latest signal's; on one day an NPS answer wins over a CSAT answer, which wins over a review,
     * and among signals of one kind the lowest attitude wins.
     *
     * @param table the purchases
     * @param responses survey answers (NPS and CSAT answers carry attitude; others are ignored)
     * @param reviews reviews
     * @param asOf the day (exclusive)
     * @param options the thresholds
     * @return the levels; no customers when nothing happened before {@code asOf}
     * @throws IllegalArgumentException if an NPS answer is not on 0..10
     */
    public static LoyaltyLevels loyaltyLevels(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            LocalDate asOf,
            LevelOptions options) {
        check(table, responses, reviews, asOf, options);
        return LevelScan.levels(table, responses, reviews, asOf, options);
    }

    /**
     * The lifecycle stage of every customer as of a day (see {@link LifecycleStage}, {@link LifecycleOptions}).
     *
     * <p>Customers: everyone with a purchase, a survey answer (any question) or a review before {@code asOf}.
     *
     * @param table the purchases
     * @param responses survey answers: a respondent without a purchase is a prospect
     * @param reviews reviews: a reviewer without a purchase is a prospect
     * @param asOf the day (exclusive)
     * @param options the thresholds
     * @return the stages; no customers when nothing happened before {@code asOf}
     */
    public static LifecycleStages lifecycle(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            LocalDate asOf,
            LifecycleOptions options) {
        check(table, responses, reviews, asOf, options);
        return LifecycleScan.stages(table, responses, reviews, asOf, options);
    }

    /**
     * Lifecycle stage counts as of the end of each period of a range, and the flow between stages within each period
     * (see {@link LifecycleSeries}, {@link StageTransitions}).
     *
     * @param table the purchases
     * @param responses survey answers
     * @param reviews reviews
     * @param range the range, cut into {@code granularity.periodsCovering(range)}
     * @param granularity the period length
     * @param options the thresholds
     * @return the series
     */
    public static LifecycleSeries lifecycleSeries(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            DateRange range,
            Granularity granularity,
            LifecycleOptions options) {
        check(table, responses, reviews, range, options);
        Objects.requireNonNull(granularity, "granularity must not be null");
        return LifecycleScan.series(table, responses, reviews, range, granularity, options);
    }

    /**
     * Lifecycle stage counts per period from the first purchase up to a day (exclusive): the series over {@code
     * [first purchase, asOf)}, or over the single day before {@code asOf} when nothing was bought before it.
     *
     * @param table the purchases
     * @param responses survey answers
     * @param reviews reviews
     * @param asOf the day (exclusive) the series ends
     * @param granularity the period length
     * @param options the thresholds
     * @return the series
     */
    public static LifecycleSeries lifecycleSeries(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            LocalDate asOf,
            Granularity granularity,
            LifecycleOptions options) {
        Objects.requireNonNull(asOf, "asOf must not be null");
        LocalDate first = table.isEmpty() ? asOf.minusDays(1) : LocalDate.ofEpochDay(table.minEpochDay());
        if (!first.isBefore(asOf)) {
            first = asOf.minusDays(1);
        }
        return lifecycleSeries(table, responses, reviews, DateRange.of(first, asOf), granularity, options);
    }

    /**
     * The RFM scores and segments of every customer with a purchase before a day (see {@link RfmScore}, {@link
     * RfmSegment}).
     *
     * <p>Quintiles with ties kept together: with {@code n} customers, a customer with {@code b} customers strictly
     * worse on a value scores {@code 1 + floor(5 * b / n)} on it. Equal values get equal scores; a group of equal
     * values larger than a fifth of the customers may leave a score unused (half of the customers buying once all
     * get {@code F = 1}, the next buyers {@code F = 3}). Not additive: every customer's values are needed at once.
     *
     * @param table the purchases
     * @param asOf the day (exclusive)
     * @return the scores; none when no purchase is before {@code asOf}
     */
    public static RfmScores rfmScores(PurchaseTable table, LocalDate asOf) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        return RfmScan.scores(table, asOf);
    }

    /**
     * The customers at risk of churning as of a day, with their reasons (see {@link ChurnReason}).
     *
     * @param table the purchases
     * @param asOf the day (exclusive)
     * @param options the thresholds
     * @param model a fitted BTYD model for {@link ChurnReason#LOW_P_ALIVE}, or empty to skip that reason
     * @return the report; no customers when no purchase is before {@code asOf}
     */
    public static ChurnRiskReport churnRisk(
            PurchaseTable table, LocalDate asOf, ChurnRiskOptions options, Optional<TransactionModel> model) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(model, "model must not be null (use Optional.empty())");
        return ChurnScan.risk(table, asOf, options, model);
    }

    /**
     * Every segment family as of a day with the default thresholds, from one pass over each customer's purchases
     * (see {@link SegmentOverview}): what a report shows of {@link #loyaltyLevels}, {@link #lifecycle}, {@link
     * #lifecycleSeries}, {@link #rfmScores} and {@link #churnRisk} (without a BTYD model), without keeping a row per
     * customer. Each part equals the distribution or the counts of its own calculator.
     *
     * @param table the purchases
     * @param responses survey answers (attitudes for the loyalty levels; any answer makes a lifecycle prospect)
     * @param reviews reviews (attitudes and prospects, as the answers)
     * @param asOf the day (exclusive) of every classification
     * @param seriesRange the range of the lifecycle series, cut into {@code granularity.periodsCovering(seriesRange)}
     * @param granularity the period length of the lifecycle series
     * @param listed how many flagged customers the churn summary keeps (the first in id order), {@code >= 0}
     * @return the overview
     * @throws IllegalArgumentException if an NPS answer is not on 0..10, or {@code listed} is negative
     * @throws org.loyaltykpi.domain.LimitExceededException if the series range has more periods than a breakdown
     *     holds
     */
    public static SegmentOverview overview(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            LocalDate asOf,
            DateRange seriesRange,
            Granularity granularity,
            int listed) {
        check(table, responses, reviews, asOf, seriesRange);
        Objects.requireNonNull(granularity, "granularity must not be null");
        if (listed < 0) {
            throw new IllegalArgumentException("listed must be >= 0: " + listed);
        }
        return SegmentScan.overview(table, responses, reviews, asOf, seriesRange, granularity, listed);
    }

    /**
     * Collects customer levels into their distribution (revenue: the behaviour window's).
     *
     * @param amountScale the amount scale of the revenues, 0..9 (the table's)
     * @return the collector; works on parallel streams
     */
    public static Collector<CustomerLevel, ?, SegmentDistribution<LoyaltyLevel>> toLevelDistribution(int amountScale) {
        return toDistribution(LoyaltyLevel.class, amountScale, l -> new Entry<>(l.level(), l.revenue()));
    }

    /**
     * Collects customer stages into their distribution (revenue: the spend up to the as-of day).
     *
     * @param amountScale the amount scale of the revenues, 0..9 (the table's)
     * @return the collector; works on parallel streams
     */
    public static Collector<CustomerStage, ?, SegmentDistribution<LifecycleStage>> toStageDistribution(
            int amountScale) {
        return toDistribution(LifecycleStage.class, amountScale, s -> new Entry<>(s.stage(), s.revenue()));
    }

    /**
     * Collects RFM scores into the segment distribution (revenue: the monetary value).
     *
     * @param amountScale the amount scale of the revenues, 0..9 (the table's)
     * @return the collector; works on parallel streams
     */
    public static Collector<RfmScore, ?, SegmentDistribution<RfmSegment>> toRfmSegmentDistribution(int amountScale) {
        return toDistribution(RfmSegment.class, amountScale, s -> new Entry<>(s.segment(), s.monetary()));
    }

    /** A row's segment and revenue. */
    private record Entry<E extends Enum<E>>(E segment, java.math.BigDecimal revenue) {}

    private static <T, E extends Enum<E>> Collector<T, ?, SegmentDistribution<E>> toDistribution(
            Class<E> type, int amountScale, Function<T, Entry<E>> entry) {
        Money.checkScale(amountScale);
        return Collector.of(
                () -> new SegmentDistributionAccumulator<>(type, amountScale),
                (acc, row) -> {
                    Entry<E> e = entry.apply(row);
                    acc.add(e.segment(), Money.toMinorUnits(e.revenue(), amountScale));
                },
                SegmentDistributionAccumulator::merge,
                SegmentDistributionAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    private static void check(
            PurchaseTable table, List<SurveyResponse> responses, List<Review> reviews, Object asOf, Object options) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(responses, "responses must not be null");
        Objects.requireNonNull(reviews, "reviews must not be null");
        Objects.requireNonNull(asOf, "asOf (or range) must not be null");
        Objects.requireNonNull(options, "options must not be null");
    }
}
