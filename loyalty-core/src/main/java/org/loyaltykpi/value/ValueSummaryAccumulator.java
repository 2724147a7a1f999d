package org.loyaltykpi.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMatrixAccumulator;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.Money;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.PurchaseBehaviourAccumulator;

/**
 * Builds a {@link ValueSummary} from purchases one at a time, in any order, and merges with other accumulators of the
 * same range, spends and options: split the purchases anywhere (by customer, as a cluster partitions them, or even
 * one customer's purchases across accumulators), merge, and the snapshot is the same as from one accumulator over all
 * of them, and the same as {@link ValueCalculator#summarize} of a table of them whose {@link PurchaseTable#dateRange()}
 * is the range.
 *
 * <p>The value metrics are additive per customer: the state is the acquisition cohorts' ({@link
 * CohortMatrixAccumulator}), the purchase behaviour of every period of the options' granularity over the range and of
 * the simple-LTV window ({@link PurchaseBehaviourAccumulator}); the spends are not per customer and are fixed when the
 * accumulator is made. Memory grows with customers times periods, not with purchases. Not thread-safe; use one per
 * thread and {@link #merge(ValueSummaryAccumulator)}, or {@link ValueCalculator#toValueSummary} on a parallel stream.
 *
 * <pre>{@code
 * var acc = new ValueSummaryAccumulator(table.dateRange().orElseThrow(), spends, ValueOptions.defaults());
 * table.stream().forEach(acc::add);
 * acc.snapshot().acquisitionCost().overall();   // as ValueCalculator.summarize(table, spends, options)
 * }</pre>
 */
public final class ValueSummaryAccumulator {
    private final DateRange range;
    private final List<MarketingSpend> spends;
    private final ValueOptions options;
    private final int amountScale;
    private final CohortMatrixAccumulator cohorts;
    private final List<PurchaseBehaviourAccumulator> series;
    private final PurchaseBehaviourAccumulator lastYear;

    /**
     * An empty accumulator at the default amount scale (2 decimal places).
     *
     * @param range the purchases' date range (decides the periods of the series and the simple-LTV window)
     * @param spends the marketing spends
     * @param options granularity, margin, expected years, and whether spend without new customers is accepted
     */
    public ValueSummaryAccumulator(DateRange range, Collection<MarketingSpend> spends, ValueOptions options) {
        this(range, spends, options, PurchaseTable.DEFAULT_AMOUNT_SCALE);
    }

    /**
     * An empty accumulator.
     *
     * @param range the purchases' date range (decides the periods of the series and the simple-LTV window)
     * @param spends the marketing spends
     * @param options granularity, margin, expected years, and whether spend without new customers is accepted
     * @param amountScale decimal places kept exactly in revenue sums, 0..9
     */
    public ValueSummaryAccumulator(
            DateRange range, Collection<MarketingSpend> spends, ValueOptions options, int amountScale) {
        this.range = Objects.requireNonNull(range, "range must not be null");
        this.spends = List.copyOf(spends);
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.amountScale = Money.checkScale(amountScale);
        Granularity g = options.granularity();
        this.cohorts = new CohortMatrixAccumulator(g, List.of(), amountScale);
        // As RetentionCalculator.series: every whole period over the range, each against the calendar period before.
        List<DateRange> periods = g.periodsCovering(range);
        this.series = new ArrayList<>(periods.size());
        DateRange previous = g.period(g.ordinal(periods.get(0).start()) - 1);
        for (DateRange period : periods) {
            series.add(new PurchaseBehaviourAccumulator(previous, period, amountScale));
            previous = period;
        }
        DateRange window = ValueCalculator.lastYear(range);
        this.lastYear = new PurchaseBehaviourAccumulator(window.previous(), window, amountScale);
    }

    /**
     * Adds a purchase.
     *
     * @param purchase the purchase
     * @return this accumulator
     * @throws IllegalArgumentException if the amount has more decimal places than the amount scale
     */
    public ValueSummaryAccumulator add(Purchase purchase) {
        cohorts.add(purchase);
        for (PurchaseBehaviourAccumulator period : series) {
            period.add(purchase);
        }
        lastYear.add(purchase);
        return this;
    }

    /**
     * Adds purchases.
     *
     * @param purchases the purchases
     * @return this accumulator
     */
    public ValueSummaryAccumulator addAll(Iterable<Purchase> purchases) {
        purchases.forEach(this::add);
        return this;
    }

    /**
     * Adds everything another accumulator of the same range, spends, options and amount scale has seen.
     *
     * @param other the other accumulator; unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the range, spends, options or amount scale differ
     */
    public ValueSummaryAccumulator merge(ValueSummaryAccumulator other) {
        if (!range.equals(other.range)
                || !spends.equals(other.spends)
                || !options.equals(other.options)
                || amountScale != other.amountScale) {
            throw new IllegalArgumentException("cannot merge value accumulators of different ranges, spends, options"
                    + " or amount scales: " + range + " " + options + " and " + other.range + " " + other.options);
        }
        cohorts.merge(other.cohorts);
        for (int i = 0; i < series.size(); i++) {
            series.get(i).merge(other.series.get(i));
        }
        lastYear.merge(other.lastYear);
        return this;
    }

    /**
     * The value summary of everything added so far; the accumulator stays usable.
     *
     * @return the summary
     * @throws IllegalArgumentException if a spend is bad for the purchases seen (see {@link ValueCalculator})
     */
    public ValueSummary snapshot() {
        CohortMatrix matrix = cohorts.snapshot();
        List<PurchaseBehaviour> behaviour =
                series.stream().map(PurchaseBehaviourAccumulator::snapshot).toList();
        return new ValueSummary(
                options,
                ValueCalculator.acquisitionCost(matrix, spends, options),
                ValueCalculator.simpleLtv(lastYear.snapshot(), options.expectedYears()),
                ValueCalculator.marginLtv(behaviour, options.grossMargin()),
                ValueCalculator.payback(matrix, spends, options),
                ValueCalculator.repeatRevenue(behaviour));
    }
}
