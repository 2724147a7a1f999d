package org.loyaltykpi.cohort;

import java.util.List;

/**
 * The counters behind a cohort matrix over periods {@code 0..periods-1} (relative to the first period), the one place
 * where customers' activity becomes cells. The columnar scan and the record accumulator both feed it, customer by
 * customer; tallies over disjoint customers merge by adding. Memory: O(periods^2 + periods x brackets). Not
 * thread-safe.
 */
final class CohortTally implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Periods of a cohort matrix (a triangle of cells, one per cohort and period after it): at most 4,096. */
    static final int MAX_PERIODS = 4096;
    /** 16M cells (4 arrays of 128 MiB): about 4,000 periods, more than 10 years of weeks. */
    static final long MAX_CELLS = (long) MAX_PERIODS * MAX_PERIODS;

    final int periods;
    final List<OffsetBracket> brackets;
    final long[] cohortSize;
    /** Cell {@code cohort * periods + offset}: customers active. */
    final long[] active;
    /** Cell: purchases. */
    final long[] purchases;
    /** Cell: revenue in minor units. */
    final long[] revenue;
    /** Cell: customers whose last active offset is this one (suffix sums give unbounded retention). */
    final long[] lastActive;
    /** {@code cohort * brackets + b}: customers active in at least one offset of bracket b. */
    final long[] bracketActive;
    /** Bit b set at offset k if bracket b holds k. */
    final long[] bracketMaskByOffset;

    CohortTally(int periods, List<OffsetBracket> brackets) {
        if (brackets.size() > 64) {
            throw new IllegalArgumentException("at most 64 offset brackets: " + brackets.size());
        }
        this.periods = periods;
        this.brackets = brackets;
        long cells = (long) periods * periods;
        if (cells > MAX_CELLS) {
            throw new org.loyaltykpi.domain.LimitExceededException("a cohort matrix of " + periods
                    + " periods: it has at most " + MAX_PERIODS
                    + " periods; choose a coarser granularity or leave out the outlying dates");
        }
        cohortSize = new long[periods];
        active = new long[(int) cells];
        purchases = new long[(int) cells];
        revenue = new long[(int) cells];
        lastActive = new long[(int) cells];
        bracketActive = new long[periods * brackets.size()];
        bracketMaskByOffset = new long[periods];
        for (int b = 0; b < brackets.size(); b++) {
            for (int k = brackets.get(b).fromOffset(); k <= brackets.get(b).toOffset() && k < periods; k++) {
                bracketMaskByOffset[k] |= 1L << b;
            }
        }
    }

    /** A customer acquired in period {@code cohort}. */
    void customer(int cohort) {
        cohortSize[cohort]++;
    }

    /**
     * A customer of cohort {@code cohort} was active at offset {@code k} with these purchases; called once per customer
     * and offset.
     */
    void activity(int cohort, int k, long purchaseCount, long revenueMinorUnits) {
        int cell = cohort * periods + k;
        active[cell]++;
        purchases[cell] += purchaseCount;
        revenue[cell] += revenueMinorUnits;
    }

    /** The customer's last active offset, once its history is scanned. */
    void lastActiveAt(int cohort, int k) {
        lastActive[cohort * periods + k]++;
    }

    /** Adds a tally over other customers and the same periods. */
    CohortTally merge(CohortTally other) {
        add(cohortSize, other.cohortSize);
        add(active, other.active);
        add(purchases, other.purchases);
        add(revenue, other.revenue);
        add(lastActive, other.lastActive);
        add(bracketActive, other.bracketActive);
        return this;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /**
     * Counts a customer's brackets once its history is scanned.
     *
     * @param cohort the customer's cohort
     * @param bracketsHit bit b set if the customer was active in bracket b
     */
    void addBrackets(int cohort, long bracketsHit) {
        int base = cohort * brackets.size();
        for (long bits = bracketsHit; bits != 0; bits &= bits - 1) {
            bracketActive[base + Long.numberOfTrailingZeros(bits)]++;
        }
    }
}
