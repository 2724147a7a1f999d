package org.loyaltykpi.cli;

import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.io.LoadSummary;

/**
 * One input a command has read (purchases, survey answers, reviews, marketing spend, program events), where it came
 * from and, for purchases read from a file or a query, what the load did to it. The one loaded-input type of every
 * command and option group.
 *
 * @param value what was read
 * @param source the file name (with the count of bad rows skipped, if any) or the sample shop's description
 * @param summary what was read, grouped, skipped, excluded and netted; empty but for purchases from a file or query
 * @param <T> the type of what was read
 */
record Loaded<T>(T value, String source, Optional<LoadSummary> summary) {
    Loaded {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(summary, "summary");
    }

    /** An input without a load summary. */
    static <T> Loaded<T> of(T value, String source) {
        return new Loaded<>(value, source, Optional.empty());
    }

    /** The source and, for a file, the load summary: {@code orders.csv: 13 rows: 8 order lines in 5 orders; ...}. */
    String sourceText() {
        return summary.map(s -> source + ": " + s).orElse(source);
    }
}
