package org.loyaltykpi.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-row budget of one read: strict (none allowed: the first bad row fails the read) or lenient up to a number
 * of skipped rows. Readers wrap the reading of each row's fields in {@code try { ... } catch (CsvFormatException e) {
 * badRows.skip(e); }}; errors of the file's structure are thrown outside that and always fail.
 */
final class BadRows {
    private final long allowed;
    private final List<CsvFormatException> kept = new ArrayList<>();
    private final Map<String, LoadSummary.Skipped> reasons = new LinkedHashMap<>();
    private long skipped;

    private BadRows(long allowed) {
        this.allowed = allowed;
    }

    static BadRows strict() {
        return new BadRows(0);
    }

    static BadRows upTo(long allowed) {
        if (allowed < 0) {
            throw new IllegalArgumentException("the number of bad rows to skip must be >= 0: " + allowed);
        }
        return new BadRows(allowed);
    }

    /** Counts a bad row, or throws its error when the budget is spent (at once when reading strictly). */
    void skip(CsvFormatException error) {
        if (skipped == allowed) {
            if (allowed == 0) {
                throw error;
            }
            throw error.withProblem(error.problem() + " (bad row " + (allowed + 1) + ": more than the " + allowed
                    + " allowed to skip)");
        }
        skipped++;
        reasons.merge(LoadSummary.badRowReason(error), new LoadSummary.Skipped(1, error.line()), (a, b) -> a.plusOne());
        if (kept.size() < CsvRead.KEPT_ERRORS) {
            kept.add(error);
        }
    }

    <T> CsvRead<T> result(T value) {
        return new CsvRead<>(value, skipped, kept, reasons);
    }
}
