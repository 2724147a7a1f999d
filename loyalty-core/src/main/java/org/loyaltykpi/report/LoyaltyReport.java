package org.loyaltykpi.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.loyaltykpi.clv.ClvOverview;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.LimitExceededException;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.feedback.FeedbackCalculator;
import org.loyaltykpi.feedback.ReviewSeries;
import org.loyaltykpi.internal.ParallelScans;
import org.loyaltykpi.program.ProgramOverview;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.segment.ChurnRiskOptions;
import org.loyaltykpi.segment.ChurnRiskSummary;
import org.loyaltykpi.segment.LevelOptions;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.LoyaltyLevel;
import org.loyaltykpi.segment.RfmSegment;
import org.loyaltykpi.segment.SegmentCalculator;
import org.loyaltykpi.segment.SegmentDistribution;
import org.loyaltykpi.segment.SegmentOverview;
import org.loyaltykpi.survey.SurveyCalculator;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveyOptions;
import org.loyaltykpi.target.KpiSeries;
import org.loyaltykpi.target.KpiTargets;
import org.loyaltykpi.target.TargetEvaluation;
import org.loyaltykpi.value.ValueCalculator;
import org.loyaltykpi.value.ValueOptions;
import org.loyaltykpi.value.ValueSummary;

/**
 * The whole loyalty report, computed once: every section's typed results from the same inputs and options.
 *
 * <p>Sections: purchase behaviour (whole range and per period), acquisition cohorts, the customer survey, customer
 * lifetime value (the best purchase model by BIC and Gamma-Gamma), loyalty levels, lifecycle stages, RFM segments, churn risk, review
 * feedback, acquisition value (CAC, LTV, payback), the loyalty program and the KPI targets. Segment sections are as of
 * the day after the last purchase, with the default thresholds.
 *
 * <p>Scans are shared: the behaviour series feeds the value section and the retention target, the cohort matrix the
 * value section, the survey's per-period groups the NPS and satisfaction targets, the review series the
 * positive-review target. Independent sections run in parallel, each on a thread of its own. A section whose input is
 * absent, or that a calculator or model fit rejects, is an {@link Outcome} with a note; the rest of the report stands.
 * A section that would pass a bound of the library ({@link LimitExceededException}: more periods than a breakdown
 * holds, for example one purchase dated 0001-01-01 and one 9999-12-31 at a monthly granularity) is such an outcome too,
 * its note naming the bound and the earliest and latest purchases.
 *
 * <pre>{@code
 * LoyaltyReport r = LoyaltyReport.compute(ReportInputs.of(SampleShop.purchases()), ReportOptions.defaults());
 * r.cohorts().get().cohortCount();
 * r.clv();        // ClvOverview[...] or "unavailable: ..."
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LoyaltyReport {
    private final ReportOptions options;
    private final long purchases;
    private final long customers;
    private final Optional<DateRange> dateRange;
    private final Outcome<BehaviourResults> behaviour;
    private final Outcome<CohortMatrix> cohorts;
    private final Outcome<SurveyResults> survey;
    private final Outcome<ClvOverview> clv;
    private final Outcome<RepeatTracking> clvTracking;
    private final Outcome<ClvValidation> clvValidation;
    private final Outcome<SegmentDistribution<LoyaltyLevel>> loyaltyLevels;
    private final Outcome<LifecycleResults> lifecycle;
    private final Outcome<SegmentDistribution<RfmSegment>> rfm;
    private final Outcome<ChurnRiskSummary> churnRisk;
    private final Outcome<FeedbackResults> feedback;
    private final Outcome<ValueSummary> value;
    private final Outcome<ProgramOverview> program;
    private final Outcome<List<TargetEvaluation>> targets;
    private final boolean attitudeKnown;
    private final Optional<LocalDate> segmentsAsOf;

    private LoyaltyReport(Builder b) {
        this.options = b.options;
        this.purchases = b.purchases;
        this.customers = b.customers;
        this.dateRange = b.dateRange;
        this.behaviour = b.behaviour;
        this.cohorts = b.cohorts;
        this.survey = b.survey;
        this.clv = b.clv;
        this.clvTracking = b.clvTracking;
        this.clvValidation = b.clvValidation;
        this.loyaltyLevels = b.loyaltyLevels;
        this.lifecycle = b.lifecycle;
        this.rfm = b.rfm;
        this.churnRisk = b.churnRisk;
        this.feedback = b.feedback;
        this.value = b.value;
        this.program = b.program;
        this.targets = b.targets;
        this.attitudeKnown = b.attitudeKnown;
        this.segmentsAsOf = b.segmentsAsOf;
    }

    /** The fields while they are computed. */
    private static final class Builder {
        ReportOptions options;
        long purchases;
        long customers;
        Optional<DateRange> dateRange;
        Outcome<BehaviourResults> behaviour;
        Outcome<CohortMatrix> cohorts;
        Outcome<SurveyResults> survey;
        Outcome<ClvOverview> clv;
        Outcome<RepeatTracking> clvTracking;
        Outcome<ClvValidation> clvValidation;
        Outcome<SegmentDistribution<LoyaltyLevel>> loyaltyLevels;
        Outcome<LifecycleResults> lifecycle;
        Outcome<SegmentDistribution<RfmSegment>> rfm;
        Outcome<ChurnRiskSummary> churnRisk;
        Outcome<FeedbackResults> feedback;
        Outcome<ValueSummary> value;
        Outcome<ProgramOverview> program;
        Outcome<List<TargetEvaluation>> targets;
        boolean attitudeKnown;
        Optional<LocalDate> segmentsAsOf;
    }

    /**
     * Computes every section.
     *
     * @param inputs the purchases and the optional inputs
     * @param options granularity, CLV horizon and list length
     * @return the report
     */
    public static LoyaltyReport compute(ReportInputs inputs, ReportOptions options) {
        Objects.requireNonNull(inputs, "inputs must not be null");
        Objects.requireNonNull(options, "options must not be null");
        PurchaseTable table = inputs.purchases();
        Builder b = new Builder();
        b.options = options;
        b.purchases = table.size();
        b.customers = table.customerCount();
        b.dateRange = table.dateRange();
        List<SurveyResponse> answers = inputs.answers().orElse(List.of());
        List<Review> reviews = inputs.reviews().orElse(List.of());
        b.attitudeKnown = inputs.answers().isPresent() || inputs.reviews().isPresent();
        Optional<LocalDate> asOf = table.isEmpty()
                ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(table.maxEpochDay()).plusDays(1));

        String span = table.describeSpan();

        // the long, independent sections first, in parallel
        CompletableFuture<Outcome<ClvOverview>> clv = async(() -> table.isEmpty()
                ? Outcome.unavailable("no purchases")
                : guarded(() -> ClvOverview.compute(table, options.clvHorizonWeeks(), options.listed()), span));
        CompletableFuture<Outcome<ClvValidation>> validation = async(() -> options.clvHoldoutWeeks() == 0
                ? Outcome.unavailable("no holdout asked")
                : guarded(() -> ClvValidation.of(table, options.clvHoldoutWeeks()), span));
        CompletableFuture<Outcome<CohortMatrix>> cohorts =
                async(() -> guarded(() -> CohortCalculator.matrix(table, options.granularity()), span));
        CompletableFuture<Segments> segments = ParallelScans.async(() -> asOf.isEmpty()
                ? Segments.unavailable("no purchases")
                : segments(table, answers, reviews, asOf.get(), options, span));
        CompletableFuture<Outcome<ProgramOverview>> program = async(() -> inputs.events()
                        .isEmpty()
                ? Outcome.unavailable("no program events")
                : guarded(
                        () -> ProgramOverview.of(table, inputs.events().get(), options.granularity())
                                .orElseThrow(() -> new IllegalArgumentException("no purchases and no program events")),
                        span));

        // the shared scans, on this thread
        Outcome<List<PurchaseBehaviour>> seriesOutcome = table.dateRange()
                .map(r -> guarded(() -> RetentionCalculator.series(table, r, options.granularity()), span))
                .orElseGet(() -> Outcome.of(List.of()));
        List<PurchaseBehaviour> series = seriesOutcome.value().orElse(List.of());
        b.behaviour = table.dateRange()
                .map(r -> seriesOutcome.isAvailable()
                        ? Outcome.of(new BehaviourResults(RetentionCalculator.behaviour(table, r), series))
                        : Outcome.<BehaviourResults>unavailable(
                                seriesOutcome.note().orElseThrow()))
                .orElseGet(() -> Outcome.unavailable("no purchases"));
        SurveyOptions surveyOptions = SurveyOptions.defaults();
        Optional<Outcome<List<SurveyGroup>>> surveyByPeriodOutcome = inputs.answers()
                .map(a -> guarded(() -> SurveyCalculator.byPeriod(a, options.granularity(), surveyOptions), ""));
        Optional<List<SurveyGroup>> surveyByPeriod = surveyByPeriodOutcome.flatMap(Outcome::value);
        b.survey = inputs.answers()
                .map(a -> guarded(
                        () -> new SurveyResults(
                                SurveyCalculator.summarize(a, surveyOptions),
                                SurveyCalculator.bySegment(a, surveyOptions),
                                surveyByPeriodOutcome.orElseThrow().get()),
                        ""))
                .orElseGet(() -> Outcome.unavailable("no survey answers"));
        Optional<Outcome<ReviewSeries>> reviewSeriesOutcome = inputs.reviews()
                .map(r -> guarded(
                        () -> table.dateRange().isPresent()
                                ? FeedbackCalculator.series(r, table.dateRange().get(), options.granularity())
                                : FeedbackCalculator.series(r, options.granularity()),
                        table.isEmpty() ? "" : span));
        Optional<ReviewSeries> reviewSeries = reviewSeriesOutcome.flatMap(Outcome::value);
        b.feedback = inputs.reviews()
                .map(r -> reviewSeriesOutcome.orElseThrow().isAvailable()
                        ? Outcome.of(new FeedbackResults(
                                reviewSeries.orElseThrow(),
                                table.dateRange().map(range -> FeedbackCalculator.reviewerRepeat(table, r, range)),
                                table.dateRange()
                                        .map(range -> FeedbackCalculator.outside(r, range, options.granularity()))
                                        .orElse(0L)))
                        : Outcome.<FeedbackResults>unavailable(
                                reviewSeriesOutcome.orElseThrow().note().orElseThrow()))
                .orElseGet(() -> Outcome.unavailable("no reviews"));
        b.targets = seriesOutcome.isAvailable()
                ? guarded(
                        () -> KpiTargets.seedDefaults()
                                .evaluate(
                                        KpiSeries.of(series, surveyByPeriod, reviewSeries),
                                        table.dateRange()
                                                .map(options.granularity()::periodsCovering)
                                                .orElse(List.of())),
                        span)
                : Outcome.unavailable(seriesOutcome.note().orElseThrow());
        b.cohorts = join(cohorts);
        List<MarketingSpend> spend = inputs.spend().orElse(List.of());
        b.value = table.dateRange()
                .map(range -> b.cohorts.isAvailable() && seriesOutcome.isAvailable()
                        ? guarded(() -> value(table, spend, b.cohorts.get(), series, options), span)
                        : Outcome.<ValueSummary>unavailable(
                                b.cohorts.note().or(seriesOutcome::note).orElseThrow()))
                .orElseGet(() -> Outcome.unavailable("no purchases"));
        b.clv = join(clv);
        b.clvTracking = b.clv.isAvailable() && table.dateRange().isPresent()
                ? guarded(
                        () -> RepeatTracking.of(
                                b.clv.get().purchases(),
                                table,
                                options.granularity()
                                        .periodsCovering(table.dateRange().get())),
                        span)
                : Outcome.unavailable(b.clv.note().orElse("no purchases"));
        b.clvValidation = join(validation);
        Segments segmentResults = join(segments);
        b.segmentsAsOf = asOf;
        b.loyaltyLevels = segmentResults.levels();
        b.lifecycle = segmentResults.lifecycle();
        b.rfm = segmentResults.rfm();
        b.churnRisk = segmentResults.churn();
        b.program = join(program);
        return new LoyaltyReport(b);
    }

    /** The four segment sections, computed together. */
    private record Segments(
            Outcome<SegmentDistribution<LoyaltyLevel>> levels,
            Outcome<LifecycleResults> lifecycle,
            Outcome<SegmentDistribution<RfmSegment>> rfm,
            Outcome<ChurnRiskSummary> churn) {
        static Segments unavailable(String note) {
            return new Segments(
                    Outcome.unavailable(note),
                    Outcome.unavailable(note),
                    Outcome.unavailable(note),
                    Outcome.unavailable(note));
        }
    }

    /**
     * The segment sections from one shared pass over each customer's purchases ({@link SegmentCalculator#overview});
     * when that is rejected (an answer whose attitude cannot be read fails the loyalty levels only), each family on
     * its own, so that one family's note leaves the others standing.
     */
    private static Segments segments(
            PurchaseTable table,
            List<SurveyResponse> answers,
            List<Review> reviews,
            LocalDate asOf,
            ReportOptions options,
            String span) {
        LocalDate first = LocalDate.ofEpochDay(table.minEpochDay());
        if (!first.isBefore(asOf)) {
            first = asOf.minusDays(1);
        }
        DateRange range = DateRange.of(first, asOf);
        Outcome<List<DateRange>> periods = guarded(() -> options.granularity().periodsCovering(range), span);
        // without a series (too many periods) the pass runs with a one-day range and its series is left out
        DateRange seriesRange = periods.isAvailable() ? range : DateRange.of(asOf.minusDays(1), asOf);
        SegmentOverview overview;
        try {
            overview = SegmentCalculator.overview(
                    table, answers, reviews, asOf, seriesRange, options.granularity(), options.listed());
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return new Segments(
                    guarded(
                            () -> SegmentCalculator.loyaltyLevels(
                                            table, answers, reviews, asOf, LevelOptions.defaults())
                                    .distribution(),
                            span),
                    guarded(
                            () -> new LifecycleResults(
                                    asOf,
                                    SegmentCalculator.lifecycle(
                                                    table, answers, reviews, asOf, LifecycleOptions.defaults())
                                            .distribution(),
                                    SegmentCalculator.lifecycleSeries(
                                            table,
                                            answers,
                                            reviews,
                                            asOf,
                                            options.granularity(),
                                            LifecycleOptions.defaults())),
                            span),
                    guarded(() -> SegmentCalculator.rfmScores(table, asOf).distribution(), span),
                    guarded(
                            () -> ChurnRiskSummary.of(
                                    SegmentCalculator.churnRisk(
                                            table, asOf, ChurnRiskOptions.defaults(), Optional.empty()),
                                    options.listed()),
                            span));
        }
        return new Segments(
                Outcome.of(overview.levels()),
                periods.isAvailable()
                        ? Outcome.of(new LifecycleResults(asOf, overview.stages(), overview.lifecycleSeries()))
                        : Outcome.unavailable(periods.note().orElseThrow()),
                Outcome.of(overview.rfm()),
                Outcome.of(overview.churn()));
    }

    /** The value section from the shared cohort matrix and behaviour series (the same as ValueCalculator.summarize). */
    private static ValueSummary value(
            PurchaseTable table,
            List<MarketingSpend> spend,
            CohortMatrix cohorts,
            List<PurchaseBehaviour> series,
            ReportOptions options) {
        ValueOptions valueOptions = ValueOptions.defaults()
                .withGranularity(options.granularity())
                .withSpendWithoutNewCustomersAllowed(true);
        return new ValueSummary(
                valueOptions,
                ValueCalculator.acquisitionCost(cohorts, spend, valueOptions),
                ValueCalculator.simpleLtv(table, valueOptions.expectedYears()),
                ValueCalculator.marginLtv(series, valueOptions.grossMargin()),
                ValueCalculator.payback(cohorts, spend, valueOptions),
                ValueCalculator.repeatRevenue(series));
    }

    private static <T> CompletableFuture<Outcome<T>> async(Supplier<Outcome<T>> section) {
        return ParallelScans.async(section);
    }

    private static <T> T join(CompletableFuture<T> future) {
        return ParallelScans.join(future);
    }

    /**
     * A section that a calculator or a model fit may reject: the rejection becomes the section's note. A bound of the
     * library that is hit names the earliest and latest purchases ({@code span}) unless its message names them.
     */
    private static <T> Outcome<T> guarded(Supplier<T> section, String span) {
        try {
            return Outcome.of(section.get());
        } catch (LimitExceededException e) {
            String message = String.valueOf(e.getMessage());
            return Outcome.unavailable(
                    span.isEmpty() || message.contains(span) ? message : message + "; " + span + " are too far apart");
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return Outcome.unavailable(String.valueOf(e.getMessage()));
        }
    }

    /**
     * The options the report was computed with.
     *
     * @return the options
     */
    public ReportOptions options() {
        return options;
    }

    /**
     * The number of purchases.
     *
     * @return the count
     */
    public long purchases() {
        return purchases;
    }

    /**
     * The number of customers.
     *
     * @return the count
     */
    public long customers() {
        return customers;
    }

    /**
     * The purchases' date range.
     *
     * @return the range, empty without purchases
     */
    public Optional<DateRange> dateRange() {
        return dateRange;
    }

    /**
     * Purchase behaviour over the whole range and per period.
     *
     * @return the results, unavailable without purchases
     */
    public Outcome<BehaviourResults> behaviour() {
        return behaviour;
    }

    /**
     * The acquisition cohorts at the report's granularity.
     *
     * @return the matrix (no cohorts without purchases), unavailable when the purchases span more periods than a
     *     cohort matrix holds
     */
    public Outcome<CohortMatrix> cohorts() {
        return cohorts;
    }

    /**
     * The customer survey.
     *
     * @return the results, unavailable without survey answers
     */
    public Outcome<SurveyResults> survey() {
        return survey;
    }

    /**
     * Customer lifetime value.
     *
     * @return the overview, unavailable without purchases or when a model cannot be fitted
     */
    public Outcome<ClvOverview> clv() {
        return clv;
    }

    /**
     * The CLV section's purchase model against the actual repeat purchases, period by period (in-sample: the model is
     * fitted on every purchase).
     *
     * @return the tracking, or why there is none (as the CLV section)
     */
    public Outcome<RepeatTracking> clvTracking() {
        return clvTracking;
    }

    /**
     * The CLV section's purchase model validated on a holdout, when {@link ReportOptions#clvHoldoutWeeks()} asks for
     * one.
     *
     * @return the validation, or why there is none ("no holdout asked", or why it could not be fitted)
     */
    public Outcome<ClvValidation> clvValidation() {
        return clvValidation;
    }

    /**
     * The day of the segment sections (loyalty levels, lifecycle stages, RFM segments, churn risk): the day after the
     * last purchase, data strictly before it.
     *
     * @return the day, empty without purchases
     */
    public Optional<LocalDate> segmentsAsOf() {
        return segmentsAsOf;
    }

    /**
     * Loyalty levels as of {@link #segmentsAsOf()}: customers and behaviour-window revenue per level (the distribution
     * of {@link SegmentCalculator#loyaltyLevels} with the default thresholds).
     *
     * @return the distribution, unavailable without purchases
     */
    public Outcome<SegmentDistribution<LoyaltyLevel>> loyaltyLevels() {
        return loyaltyLevels;
    }

    /**
     * Whether the loyalty levels and lifecycle know attitudes (the report has survey answers or reviews); without
     * them every attitude is unknown.
     *
     * @return whether attitudes are known
     */
    public boolean attitudeKnown() {
        return attitudeKnown;
    }

    /**
     * Lifecycle stages and their series.
     *
     * @return the results, unavailable without purchases
     */
    public Outcome<LifecycleResults> lifecycle() {
        return lifecycle;
    }

    /**
     * RFM segments as of {@link #segmentsAsOf()}: customers and spend per segment (the distribution of {@link
     * SegmentCalculator#rfmScores}).
     *
     * @return the distribution, unavailable without purchases
     */
    public Outcome<SegmentDistribution<RfmSegment>> rfm() {
        return rfm;
    }

    /**
     * Churn risk flags as of {@link #segmentsAsOf()}: the counts per reason and the first {@link ReportOptions#listed()}
     * flagged customers (of {@link SegmentCalculator#churnRisk} with the default thresholds, no BTYD model).
     *
     * @return the summary, unavailable without purchases
     */
    public Outcome<ChurnRiskSummary> churnRisk() {
        return churnRisk;
    }

    /**
     * Review feedback.
     *
     * @return the results, unavailable without reviews
     */
    public Outcome<FeedbackResults> feedback() {
        return feedback;
    }

    /**
     * Acquisition value: CAC, LTV, payback, repeat revenue.
     *
     * @return the summary, unavailable without purchases
     */
    public Outcome<ValueSummary> value() {
        return value;
    }

    /**
     * The loyalty program.
     *
     * @return the overview, unavailable without program events
     */
    public Outcome<ProgramOverview> program() {
        return program;
    }

    /**
     * The seed KPI targets judged on every period of the purchases' range.
     *
     * @return one evaluation per target (none without purchases), unavailable when the purchases span more periods
     *     than a breakdown holds
     */
    public Outcome<List<TargetEvaluation>> targets() {
        return targets;
    }

    @Override
    public String toString() {
        return "LoyaltyReport[" + purchases + " purchases, " + customers + " customers, "
                + dateRange.map(DateRange::toString).orElse("no purchases") + ", by "
                + options.granularity().name().toLowerCase(java.util.Locale.ROOT) + "\n  behaviour: " + behaviour
                + "\n  cohorts: "
                + cohorts.value().map(c -> c.cohortCount() + " cohorts").orElse(cohorts.toString())
                + "\n  survey: " + survey + "\n  clv: " + clv
                + "\n  loyalty levels: " + loyaltyLevels + "\n  lifecycle: " + lifecycle
                + "\n  rfm: " + rfm + "\n  churn risk: " + churnRisk + "\n  feedback: " + feedback + "\n  value: "
                + value + "\n  program: " + program + "\n  targets: "
                + targets.value().map(t -> t.size() + " targets").orElse(targets.toString()) + "]";
    }
}
