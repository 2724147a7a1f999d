package org.loyaltykpi.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.domain.Granularity;

/**
 * A cohort matrix as a sorted list of non-empty cells, the common form in which our engine's and DuckDB's results
 * are compared.
 *
 * @param cells each {@code {cohort month ordinal, offset, active customers, purchases, revenue in cents}}, sorted
 */
record CohortCells(List<long[]> cells) {

    static CohortCells of(List<long[]> cells) {
        List<long[]> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.<long[]>comparingLong(c -> c[0]).thenComparingLong(c -> c[1]));
        return new CohortCells(List.copyOf(sorted));
    }

    /** The cells of our matrix that have at least one active customer (DuckDB only returns those). */
    static CohortCells of(CohortMatrix matrix) {
        List<long[]> cells = new ArrayList<>();
        for (int c = 0; c < matrix.cohortCount(); c++) {
            long cohort = Granularity.MONTH.ordinal(matrix.cohort(c).start());
            for (int k = 0; k < matrix.observedOffsets(c); k++) {
                if (matrix.activeCustomers(c, k) > 0) {
                    cells.add(new long[] {
                        cohort,
                        k,
                        matrix.activeCustomers(c, k),
                        matrix.purchases(c, k),
                        matrix.revenue(c, k).movePointRight(2).longValueExact()
                    });
                }
            }
        }
        return of(cells);
    }

    /** Throws, naming the first differing cell, unless both hold the same cells. */
    void requireEqual(CohortCells other, String what) {
        if (cells.size() != other.cells.size()) {
            throw new IllegalStateException(what + ": " + cells.size() + " cells, expected " + other.cells.size());
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!java.util.Arrays.equals(cells.get(i), other.cells.get(i))) {
                throw new IllegalStateException(what + ": cell " + java.util.Arrays.toString(cells.get(i))
                        + " differs from " + java.util.Arrays.toString(other.cells.get(i)));
            }
        }
    }
}
