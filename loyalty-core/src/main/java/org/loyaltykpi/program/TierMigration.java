package org.loyaltykpi.program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.Tier;

/**
 * Where the members of one day are on a later day: a matrix of counts, rows the tier on the first day, columns the
 * tier on the second. Levels are {@link #LEVELS}: no tier (untiered), then the tiers lowest first.
 *
 * <p>Rows cover the members on the first day only (members who join later are not in the matrix; they show in the
 * later {@link TierDistribution}), and membership does not end, so each row sums to that tier's count in the first
 * day's distribution. Upgrades lie right of the diagonal, downgrades left of it.
 *
 * <pre>{@code
 * TierMigration m = ProgramCalculator.tierMigration(events, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31));
 * m.count(Optional.of(Tier.SILVER), Optional.of(Tier.GOLD));   // silver members who reached gold
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first day (inclusive)
 * @param to the second day (inclusive), not before {@code from}
 * @param counts the {@code 5 x 5} counts in {@link #LEVELS} order, row = level on {@code from}; copied
 */
public record TierMigration(LocalDate from, LocalDate to, List<List<Long>> counts) {

    /** The row and column levels: empty for untiered, then bronze, silver, gold, platinum. */
    public static final List<Optional<Tier>> LEVELS = levels();

    /** Validates and copies. */
    public TierMigration {
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from: " + from + " / " + to);
        }
        if (counts.size() != LEVELS.size()
                || counts.stream()
                        .anyMatch(r -> r.size() != LEVELS.size() || r.stream().anyMatch(c -> c < 0))) {
            throw new IllegalArgumentException("counts must be 5 x 5 and >= 0: " + counts);
        }
        List<List<Long>> copy = new ArrayList<>();
        counts.forEach(r -> copy.add(List.copyOf(r)));
        counts = List.copyOf(copy);
    }

    private static List<Optional<Tier>> levels() {
        List<Optional<Tier>> levels = new ArrayList<>();
        levels.add(Optional.empty());
        for (Tier t : Tier.values()) {
            levels.add(Optional.of(t));
        }
        return List.copyOf(levels);
    }

    static int index(Optional<Tier> level) {
        return level.map(t -> t.ordinal() + 1).orElse(0);
    }

    /**
     * Members who moved from one level to another.
     *
     * @param fromLevel the level on {@code from} (empty: untiered)
     * @param toLevel the level on {@code to}
     * @return the count
     */
    public long count(Optional<Tier> fromLevel, Optional<Tier> toLevel) {
        return counts.get(index(fromLevel)).get(index(toLevel));
    }

    /**
     * Members at a level on the first day.
     *
     * @param fromLevel the level (empty: untiered)
     * @return the row sum
     */
    public long rowTotal(Optional<Tier> fromLevel) {
        return counts.get(index(fromLevel)).stream().mapToLong(Long::longValue).sum();
    }
}
