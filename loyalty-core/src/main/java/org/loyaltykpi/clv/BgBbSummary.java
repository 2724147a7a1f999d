package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The discrete-time summary the {@link BgBbModel} is fitted to: per customer (or per weighted pattern) {@code x}
 * (transactions in the opportunities after the first), {@code t_x} (the opportunity of the last one, 0 when {@code x =
 * 0}) and {@code n} (the opportunities after the first transaction).
 *
 * <p>From purchases ({@link #of(PurchaseTable, LocalDate, Granularity)}): one transaction opportunity per calendar
 * period of a {@link Granularity} (ISO week, month, quarter, year; the donations data of Fader, Hardie and Shang are
 * yearly). A customer's first purchase falls in its period 0; periods {@code 1..n} are the whole periods after it up to
 * the one that ends on the calibration end day, which must be the last day of a period (a partial period is no whole
 * opportunity). {@code x} is the number of those periods with at least one purchase (several purchases in one period
 * are one transaction), {@code t_x} the number of the last of them. A customer whose first purchase is in the last
 * period has no opportunity yet ({@code n = 0}): it is not in the summary, and {@link #withoutOpportunity()} counts
 * it. Purchases after the calibration end are not read.
 *
 * <pre>{@code
 * BgBbSummary s = BgBbSummary.of(table, LocalDate.parse("2001-12-31"), Granularity.YEAR);
 * BgBbModel m = BgBbModel.fit(s.patterns());
 * m.probabilityAlive(s.frequency(0), s.recency(0), s.periods(0));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbSummary {
    private final String[] ids;
    private final int[] frequency;
    private final int[] recency;
    private final int[] periods;
    private final double[] weight;
    private final long withoutOpportunity;
    private final Optional<Granularity> period;
    private final Optional<LocalDate> calibrationEnd;

    private BgBbSummary(
            String[] ids,
            int[] frequency,
            int[] recency,
            int[] periods,
            double[] weight,
            long withoutOpportunity,
            Optional<Granularity> period,
            Optional<LocalDate> calibrationEnd) {
        this.ids = ids;
        this.frequency = frequency;
        this.recency = recency;
        this.periods = periods;
        this.weight = weight;
        this.withoutOpportunity = withoutOpportunity;
        this.period = period;
        this.calibrationEnd = calibrationEnd;
    }

    /**
     * The summary of the purchases up to a calibration end, one opportunity per calendar period.
     *
     * @param table the purchases
     * @param calibrationEnd the last day of the calibration, the last day of a period of {@code period}
     * @param period the length of one transaction opportunity
     * @return one row per customer whose first purchase is before the calibration end's period, in customer order
     * @throws IllegalArgumentException if the calibration end is not the last day of a period
     */
    public static BgBbSummary of(PurchaseTable table, LocalDate calibrationEnd, Granularity period) {
        LocalDate periodEnd =
                period.periodContaining(calibrationEnd).endExclusive().minusDays(1);
        if (!periodEnd.equals(calibrationEnd)) {
            throw new IllegalArgumentException("calibration end " + calibrationEnd + " is not the last day of a "
                    + period.name().toLowerCase(java.util.Locale.ROOT) + " (one transaction opportunity per "
                    + period.name().toLowerCase(java.util.Locale.ROOT) + "): use "
                    + period.periodContaining(calibrationEnd).start().minusDays(1) + " or " + periodEnd);
        }
        long last = period.ordinal(calibrationEnd);
        int cutoff = Math.toIntExact(calibrationEnd.toEpochDay());
        List<String> ids = new ArrayList<>();
        int[] xs = new int[table.customerCount()];
        int[] txs = new int[table.customerCount()];
        int[] ns = new int[table.customerCount()];
        int size = 0;
        long without = 0;
        for (int c = 0; c < table.customerCount(); c++) {
            int row = table.firstRow(c);
            int firstDay = table.epochDay(row);
            if (firstDay > cutoff) {
                continue;
            }
            long birth = period.ordinal(LocalDate.ofEpochDay(firstDay));
            long n = last - birth;
            if (n == 0) {
                without++;
                continue;
            }
            int x = 0;
            long lastActive = birth;
            for (row++; row < table.endRow(c); row++) {
                int day = table.epochDay(row);
                if (day > cutoff) {
                    break;
                }
                long p = period.ordinal(LocalDate.ofEpochDay(day));
                if (p != lastActive) {
                    x++;
                    lastActive = p;
                }
            }
            ids.add(table.customer(c).value());
            xs[size] = x;
            txs[size] = Math.toIntExact(lastActive - birth);
            ns[size] = Math.toIntExact(n);
            size++;
        }
        double[] weights = new double[size];
        Arrays.fill(weights, 1);
        return new BgBbSummary(
                ids.toArray(String[]::new),
                Arrays.copyOf(xs, size),
                Arrays.copyOf(txs, size),
                Arrays.copyOf(ns, size),
                weights,
                without,
                Optional.of(period),
                Optional.of(calibrationEnd));
    }

    /**
     * A summary of weighted patterns without customer ids (lifetimes' {@code frequency, recency, periods, weights}).
     *
     * @param patterns the patterns, each validated by {@link BgBbModel.Row}
     * @return the summary
     */
    public static BgBbSummary of(List<BgBbModel.Row> patterns) {
        int n = patterns.size();
        int[] xs = new int[n];
        int[] txs = new int[n];
        int[] ns = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            BgBbModel.Row r = patterns.get(i);
            xs[i] = r.frequency();
            txs[i] = r.recency();
            ns[i] = r.periods();
            weights[i] = r.weight();
        }
        return new BgBbSummary(new String[0], xs, txs, ns, weights, 0, Optional.empty(), Optional.empty());
    }

    /**
     * A builder of a summary with one row per customer (for example read from a summary file).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of rows (customers, or weighted patterns).
     *
     * @return the rows
     */
    public int size() {
        return frequency.length;
    }

    /**
     * The number of customers: the sum of the weights.
     *
     * @return the customers
     */
    public double customers() {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        return total;
    }

    /**
     * Whether the rows are customers with ids (from purchases or a file with a customer column), not anonymous
     * patterns.
     *
     * @return whether {@link #customer(int)} has a value
     */
    public boolean hasCustomers() {
        return ids.length == frequency.length;
    }

    /**
     * The customer of a row.
     *
     * @param i the row
     * @return the customer, or empty for an anonymous pattern
     */
    public Optional<CustomerId> customer(int i) {
        java.util.Objects.checkIndex(i, frequency.length);
        return ids.length == 0 ? Optional.empty() : Optional.of(new CustomerId(ids[i]));
    }

    /**
     * {@code x} of a row.
     *
     * @param i the row
     * @return transactions in the opportunities after the first
     */
    public int frequency(int i) {
        return frequency[i];
    }

    /**
     * {@code t_x} of a row.
     *
     * @param i the row
     * @return the opportunity of the last transaction, 0 when none
     */
    public int recency(int i) {
        return recency[i];
    }

    /**
     * {@code n} of a row.
     *
     * @param i the row
     * @return the opportunities after the first transaction
     */
    public int periods(int i) {
        return periods[i];
    }

    /**
     * The weight of a row: 1 for a customer.
     *
     * @param i the row
     * @return how many customers share the row
     */
    public double weight(int i) {
        return weight[i];
    }

    /**
     * The customers first seen in the calibration end's period: they have had no opportunity yet, so they are not in
     * the summary (0 for a summary given as rows).
     *
     * @return their number
     */
    public long withoutOpportunity() {
        return withoutOpportunity;
    }

    /**
     * The period of one opportunity, when built from purchases.
     *
     * @return the granularity, or empty for rows given directly
     */
    public Optional<Granularity> period() {
        return period;
    }

    /**
     * The calibration end, when built from purchases.
     *
     * @return the day, or empty for rows given directly
     */
    public Optional<LocalDate> calibrationEnd() {
        return calibrationEnd;
    }

    /**
     * The rows as weighted patterns, equal {@code (x, t_x, n)} merged (what the fit needs: its likelihood is a sum
     * over customers), in first-seen order.
     *
     * @return the patterns
     */
    public List<BgBbModel.Row> patterns() {
        Map<List<Integer>, double[]> merged = new LinkedHashMap<>();
        for (int i = 0; i < frequency.length; i++) {
            merged.computeIfAbsent(List.of(frequency[i], recency[i], periods[i]), k -> new double[1])[0] += weight[i];
        }
        List<BgBbModel.Row> rows = new ArrayList<>(merged.size());
        merged.forEach((k, w) -> rows.add(new BgBbModel.Row(k.get(0), k.get(1), k.get(2), w[0])));
        return List.copyOf(rows);
    }

    /** For example {@code BgBbSummary[11104 customers in 22 rows, 5640 with repeat transactions, period YEAR]}. */
    @Override
    public String toString() {
        double repeat = 0;
        for (int i = 0; i < frequency.length; i++) {
            repeat += frequency[i] > 0 ? weight[i] : 0;
        }
        return "BgBbSummary[" + (long) customers() + " customers in " + size() + " rows, " + (long) repeat
                + " with repeat transactions"
                + period.map(p -> ", period " + p).orElse("")
                + calibrationEnd.map(d -> ", calibration end " + d).orElse("")
                + (withoutOpportunity > 0 ? ", " + withoutOpportunity + " without an opportunity yet" : "") + "]";
    }

    /** Collects one row per customer; rows keep their order. Not thread-safe. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final List<BgBbModel.Row> rows = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a customer.
         *
         * @param customer the customer id
         * @param x transactions after the first
         * @param tx the opportunity of the last one, 0 when {@code x = 0}
         * @param n opportunities
         * @return this builder
         * @throws IllegalArgumentException naming the customer and the invalid value
         */
        public Builder add(String customer, int x, int tx, int n) {
            new CustomerId(customer);
            try {
                rows.add(new BgBbModel.Row(x, tx, n, 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(customer + ": " + e.getMessage(), e);
            }
            ids.add(customer);
            return this;
        }

        /**
         * The summary.
         *
         * @return the summary of the customers added
         */
        public BgBbSummary build() {
            BgBbSummary anonymous = BgBbSummary.of(rows);
            return new BgBbSummary(
                    ids.toArray(String[]::new),
                    anonymous.frequency,
                    anonymous.recency,
                    anonymous.periods,
                    anonymous.weight,
                    0,
                    Optional.empty(),
                    Optional.empty());
        }
    }
}
