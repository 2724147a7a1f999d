package org.loyaltykpi.cohort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.Money;

/**
 * Acquisition cohorts and what their customers did period by period after acquisition.
 *
 * <p>A customer's <b>cohort</b> is the period (of the matrix's {@link #granularity()}) of its first purchase. Cell
 * {@code (cohort c, offset k)} describes the customers of {@code c} in the {@code k}-th period after {@code c} ({@code k
 * = 0} is the acquisition period itself):
 *
 * <ul>
 *   <li>{@link #activeCustomers(int, int) active customers}: customers of {@code c} with a purchase in period {@code c +
 *       k}; at {@code k = 0} that is the whole cohort, {@link #size(int)};
 *   <li>{@link #retention(int, int, RetentionDefinition) retention}: retained / size, classic (active at {@code k}) or
 *       unbounded (active at {@code k} or later), and {@link #bracketedRetention(int, int) bracketed} (active in a range
 *       of offsets);
 *   <li>{@link #purchases(int, int) purchases} and {@link #revenue(int, int) revenue};
 *   <li>{@link #cumulativeRevenuePerCustomer(int, int) cumulative revenue per cohort customer} at offsets {@code 0..k},
 *       the LTV curve, in money per customer.
 * </ul>
 *
 * <p>Only cohorts that acquired at least one customer are listed. A cohort is observed up to the matrix's {@link
 * #lastPeriod() last period} (the period of the last purchase, which may be partial): cohort {@code c} has {@link
 * #observedOffsets(int)} offsets, and asking for a later one is an {@link IndexOutOfBoundsException} rather than a
 * misleading 0. {@link #averageRetention(RetentionDefinition)} averages the cohorts weighted by size.
 *
 * <pre>{@code
 * CohortMatrix m = CohortCalculator.matrix(table, Granularity.MONTH);
 * m.cohorts();                 // [1997-01-01/1997-02-01, 1997-02-01/1997-03-01, 1997-03-01/1997-04-01]
 * m.size(0);                   // 7846
 * m.retention(0, 1);           // 14.7% (1157/7846)
 * System.out.println(m);       // the retention matrix as an aligned table
 * }</pre>
 *
 * <p>Matrices of disjoint customer sets add up with {@link #plus(CohortMatrix)}. The empty matrix (no purchases) has
 * no cohorts. Immutable and thread-safe; serializable (its counters are plain arrays), so a distributed job ships
 * partial matrices to be added up (the {@code loyalty-spark} module's cohort scan does).
 */
public final class CohortMatrix implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_TEXT_OFFSETS = 12;

    private final Granularity granularity;
    private final long firstOrdinal;
    private final int periods;
    private final int amountScale;
    private final CohortTally tally;
    private final int[] cohortSlots;

    CohortMatrix(Granularity granularity, long firstOrdinal, int amountScale, CohortTally tally) {
        this.granularity = Objects.requireNonNull(granularity, "granularity must not be null");
        this.firstOrdinal = firstOrdinal;
        this.periods = tally.periods;
        this.amountScale = amountScale;
        this.tally = tally;
        this.cohortSlots = java.util.stream.IntStream.range(0, tally.cohortSize.length)
                .filter(slot -> tally.cohortSize[slot] != 0)
                .toArray();
    }

    /**
     * The matrix of no purchases.
     *
     * @param granularity the period length
     * @return a matrix with no cohorts
     */
    public static CohortMatrix empty(Granularity granularity) {
        return new CohortMatrix(
                granularity,
                0,
                org.loyaltykpi.domain.PurchaseTable.DEFAULT_AMOUNT_SCALE,
                new CohortTally(0, List.of()));
    }

    /**
     * The period length of cohorts and offsets.
     *
     * @return the granularity
     */
    public Granularity granularity() {
        return granularity;
    }

    /**
     * The cohorts that acquired customers, in time order.
     *
     * @return the acquisition periods
     */
    public List<DateRange> cohorts() {
        List<DateRange> list = new ArrayList<>(cohortSlots.length);
        for (int slot : cohortSlots) {
            list.add(granularity.period(firstOrdinal + slot));
        }
        return List.copyOf(list);
    }

    /**
     * The number of cohorts.
     *
     * @return the number of periods that acquired customers
     */
    public int cohortCount() {
        return cohortSlots.length;
    }

    /**
     * A cohort's acquisition period.
     *
     * @param cohort 0..{@code cohortCount()-1}
     * @return the period
     */
    public DateRange cohort(int cohort) {
        return granularity.period(firstOrdinal + slot(cohort));
    }

    /**
     * The last period with data; offsets of each cohort are observed up to it.
     *
     * @return the period of the last purchase, or empty for the empty matrix
     */
    public Optional<DateRange> lastPeriod() {
        return periods == 0 ? Optional.empty() : Optional.of(granularity.period(firstOrdinal + periods - 1));
    }

    /**
     * The number of offset columns: the observed offsets of the first cohort.
     *
     * @return the widest row, 0 for the empty matrix
     */
    public int offsetCount() {
        return cohortSlots.length == 0 ? 0 : periods - cohortSlots[0];
    }

    /**
     * The offsets observed for a cohort.
     *
     * @param cohort the cohort
     * @return offsets {@code 0..observedOffsets-1} are observed, at least 1
     */
    public int observedOffsets(int cohort) {
        return periods - slot(cohort);
    }

    /**
     * The customers acquired in a cohort.
     *
     * @param cohort the cohort
     * @return the cohort size, at least 1
     */
    public long size(int cohort) {
        return tally.cohortSize[slot(cohort)];
    }

    /**
     * Customers of a cohort active at an offset.
     *
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @return the count
     */
    public long activeCustomers(int cohort, int offset) {
        return tally.active[cell(cohort, offset)];
    }

    /**
     * Purchases of a cohort's customers at an offset.
     *
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @return the count
     */
    public long purchases(int cohort, int offset) {
        return tally.purchases[cell(cohort, offset)];
    }

    /**
     * Revenue of a cohort's customers at an offset.
     *
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @return money, exact
     */
    public BigDecimal revenue(int cohort, int offset) {
        return Money.fromMinorUnits(tally.revenue[cell(cohort, offset)], amountScale);
    }

    /**
     * Classic retention: active at the offset / cohort size.
     *
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @return the share, 100% at offset 0
     */
    public Ratio retention(int cohort, int offset) {
        return retention(cohort, offset, RetentionDefinition.CLASSIC);
    }

    /**
     * Retention in a definition.
     *
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @param definition classic (active at the offset) or unbounded (active at the offset or later)
     * @return retained / cohort size
     */
    public Ratio retention(int cohort, int offset, RetentionDefinition definition) {
        return Ratio.of(retained(cohort, offset, definition), size(cohort));
    }

    private long retained(int cohort, int offset, RetentionDefinition definition) {
        int cell = cell(cohort, offset);
        if (definition == RetentionDefinition.CLASSIC) {
            return tally.active[cell];
        }
        long later = 0;
        for (int k = offset; k < observedOffsets(cohort); k++) {
            later += tally.lastActive[cell + (k - offset)];
        }
        return later;
    }

    /**
     * Cumulative revenue per cohort customer up to an offset: the LTV curve.
     *
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @return revenue at offsets {@code 0..offset} / cohort size, in money per customer
     */
    public double cumulativeRevenuePerCustomer(int cohort, int offset) {
        int first = cell(cohort, 0);
        int last = cell(cohort, offset);
        long sum = 0;
        for (int c = first; c <= last; c++) {
            sum += tally.revenue[c];
        }
        return Money.fromMinorUnits(sum, amountScale).doubleValue() / size(cohort);
    }

    /**
     * The offset brackets this matrix was computed with.
     *
     * @return the brackets, empty unless given to the calculator
     */
    public List<OffsetBracket> brackets() {
        return tally.brackets;
    }

    /**
     * Bracketed retention: customers active in at least one offset of a bracket / cohort size.
     *
     * @param cohort the cohort
     * @param bracket index into {@link #brackets()}
     * @return the share, or empty when the bracket is not wholly observed for the cohort
     */
    public Optional<Ratio> bracketedRetention(int cohort, int bracket) {
        OffsetBracket range = tally.brackets.get(bracket);
        if (range.toOffset() >= observedOffsets(cohort)) {
            return Optional.empty();
        }
        return Optional.of(Ratio.of(tally.bracketActive[slot(cohort) * tally.brackets.size() + bracket], size(cohort)));
    }

    /**
     * The size-weighted average retention curve: at each offset, the retained customers of every cohort observed at
     * that offset over their total size.
     *
     * @param definition classic or unbounded
     * @return one share per offset, {@code offsetCount()} of them
     */
    public List<Ratio> averageRetention(RetentionDefinition definition) {
        List<Ratio> curve = new ArrayList<>(offsetCount());
        for (int k = 0; k < offsetCount(); k++) {
            long retained = 0;
            long size = 0;
            for (int c = 0; c < cohortSlots.length; c++) {
                if (k < observedOffsets(c)) {
                    retained += retained(c, k, definition);
                    size += size(c);
                }
            }
            curve.add(Ratio.of(retained, size));
        }
        return List.copyOf(curve);
    }

    /**
     * A cell's value in a metric, as a number.
     *
     * @param metric what to show
     * @param definition the retention definition, for {@link CohortMetric#RETENTION}
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @return the value; retention as a fraction 0..1
     */
    public double value(CohortMetric metric, RetentionDefinition definition, int cohort, int offset) {
        switch (metric) {
            case CUSTOMERS:
                return activeCustomers(cohort, offset);
            case RETENTION:
                return retention(cohort, offset, definition).value().orElseThrow();
            case PURCHASES:
                return purchases(cohort, offset);
            case REVENUE:
                return revenue(cohort, offset).doubleValue();
            case LTV:
                return cumulativeRevenuePerCustomer(cohort, offset);
            default:
                throw new AssertionError(metric);
        }
    }

    /**
     * An aligned text table of a metric: one row per cohort (label and size), one column per offset.
     *
     * @param metric what to show; retention in percent
     * @param definition the retention definition
     * @param maxOffsets at most this many offset columns, so the table fits a terminal
     * @return the table, ending with a line break
     */
    public String render(CohortMetric metric, RetentionDefinition definition, int maxOffsets) {
        if (maxOffsets < 1) {
            throw new IllegalArgumentException("maxOffsets must be >= 1: " + maxOffsets);
        }
        int columns = Math.min(offsetCount(), maxOffsets);
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[columns + 2];
        header[0] = "cohort";
        header[1] = "size";
        for (int k = 0; k < columns; k++) {
            header[k + 2] = "+" + k;
        }
        rows.add(header);
        for (int c = 0; c < cohortSlots.length; c++) {
            String[] row = new String[columns + 2];
            row[0] = cohort(c).label();
            row[1] = Long.toString(size(c));
            for (int k = 0; k < columns; k++) {
                row[k + 2] = k < observedOffsets(c) ? format(metric, value(metric, definition, c, k)) : "";
            }
            rows.add(row);
        }
        if (metric == CohortMetric.RETENTION && cohortSlots.length > 0) {
            List<Ratio> average = averageRetention(definition);
            String[] row = new String[columns + 2];
            row[0] = "average";
            row[1] = Long.toString(Arrays.stream(tally.cohortSize).sum());
            for (int k = 0; k < columns; k++) {
                row[k + 2] = format(metric, average.get(k).value().orElseThrow());
            }
            rows.add(row);
        }
        return align(rows);
    }

    private static String format(CohortMetric metric, double value) {
        switch (metric) {
            case RETENTION:
                return String.format(Locale.ROOT, "%.1f%%", 100 * value);
            case REVENUE:
            case LTV:
                return String.format(Locale.ROOT, "%.2f", value);
            default:
                return String.format(Locale.ROOT, "%.0f", value);
        }
    }

    private static String align(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? row[i] + pad : pad + row[i]).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * The matrix of a metric as CSV: {@code cohort,size,0,1,...}; unobserved cells are empty.
     *
     * @param metric what to write; retention as a fraction 0..1, money with the amount scale's decimals
     * @param definition the retention definition
     * @return the CSV text, with a header line
     */
    public String toCsv(CohortMetric metric, RetentionDefinition definition) {
        StringBuilder out = new StringBuilder("cohort,size");
        for (int k = 0; k < offsetCount(); k++) {
            out.append(',').append(k);
        }
        out.append('\n');
        for (int c = 0; c < cohortSlots.length; c++) {
            out.append(cohort(c).label()).append(',').append(size(c));
            for (int k = 0; k < offsetCount(); k++) {
                out.append(',');
                if (k < observedOffsets(c)) {
                    out.append(csvValue(metric, definition, c, k));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A cell's value as exact text: counts as integers, revenue as a plain decimal, shares and LTV as doubles.
     *
     * @param metric what to show
     * @param definition the retention definition
     * @param cohort the cohort
     * @param offset periods after acquisition
     * @return the text
     */
    public String csvValue(CohortMetric metric, RetentionDefinition definition, int cohort, int offset) {
        switch (metric) {
            case CUSTOMERS:
                return Long.toString(activeCustomers(cohort, offset));
            case PURCHASES:
                return Long.toString(purchases(cohort, offset));
            case REVENUE:
                return revenue(cohort, offset).toPlainString();
            default:
                return Double.toString(value(metric, definition, cohort, offset));
        }
    }

    /**
     * The matrix of two disjoint groups of customers (for example two partitions of a customer base).
     *
     * @param other a matrix of other customers, with the same granularity, amount scale and brackets
     * @return the matrix of both groups
     * @throws IllegalArgumentException if the matrices are not compatible
     */
    public CohortMatrix plus(CohortMatrix other) {
        if (granularity != other.granularity
                || amountScale != other.amountScale
                || !tally.brackets.equals(other.tally.brackets)) {
            throw new IllegalArgumentException("cannot add cohort matrices of " + granularity + "/scale " + amountScale
                    + "/brackets " + tally.brackets + " and " + other.granularity + "/scale " + other.amountScale
                    + "/brackets " + other.tally.brackets);
        }
        if (other.periods == 0) {
            return this;
        }
        if (periods == 0) {
            return other;
        }
        long first = Math.min(firstOrdinal, other.firstOrdinal);
        long last = Math.max(firstOrdinal + periods, other.firstOrdinal + other.periods) - 1;
        CohortTally sum = new CohortTally(Math.toIntExact(last - first + 1), tally.brackets);
        addShifted(sum, this, (int) (firstOrdinal - first));
        addShifted(sum, other, (int) (other.firstOrdinal - first));
        return new CohortMatrix(granularity, first, amountScale, sum);
    }

    private static void addShifted(CohortTally into, CohortMatrix from, int shift) {
        CohortTally t = from.tally;
        int brackets = t.brackets.size();
        for (int s = 0; s < t.periods; s++) {
            into.cohortSize[s + shift] += t.cohortSize[s];
            for (int k = 0; k < t.periods - s; k++) {
                int source = s * t.periods + k;
                int target = (s + shift) * into.periods + k;
                into.active[target] += t.active[source];
                into.purchases[target] += t.purchases[source];
                into.revenue[target] += t.revenue[source];
                into.lastActive[target] += t.lastActive[source];
            }
            for (int b = 0; b < brackets; b++) {
                into.bracketActive[(s + shift) * brackets + b] += t.bracketActive[s * brackets + b];
            }
        }
    }

    private int slot(int cohort) {
        Objects.checkIndex(cohort, cohortSlots.length);
        return cohortSlots[cohort];
    }

    private int cell(int cohort, int offset) {
        int slot = slot(cohort);
        if (offset < 0 || offset >= periods - slot) {
            throw new IndexOutOfBoundsException("offset " + offset + " is not observed for cohort "
                    + granularity.period(firstOrdinal + slot).label() + ": observed offsets are 0.."
                    + (periods - slot - 1));
        }
        return slot * periods + offset;
    }

    /** Equal when the same cohorts have the same cells; the observation range counts (it decides what is 0). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CohortMatrix)) {
            return false;
        }
        CohortMatrix m = (CohortMatrix) o;
        if (granularity != m.granularity
                || amountScale != m.amountScale
                || !tally.brackets.equals(m.tally.brackets)
                || !cohorts().equals(m.cohorts())
                || !lastPeriod().equals(m.lastPeriod())) {
            return false;
        }
        for (int c = 0; c < cohortSlots.length; c++) {
            if (size(c) != m.size(c)) {
                return false;
            }
            for (int k = 0; k < observedOffsets(c); k++) {
                if (activeCustomers(c, k) != m.activeCustomers(c, k)
                        || purchases(c, k) != m.purchases(c, k)
                        || tally.revenue[cell(c, k)] != m.tally.revenue[m.cell(c, k)]
                        || retained(c, k, RetentionDefinition.UNBOUNDED)
                                != m.retained(c, k, RetentionDefinition.UNBOUNDED)) {
                    return false;
                }
            }
            for (int b = 0; b < tally.brackets.size(); b++) {
                if (!bracketedRetention(c, b).equals(m.bracketedRetention(c, b))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        long h = granularity.hashCode();
        for (int c = 0; c < cohortSlots.length; c++) {
            h = 31 * h + cohort(c).hashCode();
            h = 31 * h + size(c);
        }
        return Long.hashCode(h);
    }

    /** The retention matrix (classic, percent, at most 12 offsets) under a one-line summary. */
    @Override
    public String toString() {
        if (cohortSlots.length == 0) {
            return "CohortMatrix[" + granularity + ", no cohorts]";
        }
        return "CohortMatrix[" + granularity + ", " + cohortCount() + " cohorts, " + offsetCount()
                + " offsets, retention (classic)]\n"
                + render(CohortMetric.RETENTION, RetentionDefinition.CLASSIC, DEFAULT_TEXT_OFFSETS);
    }
}
