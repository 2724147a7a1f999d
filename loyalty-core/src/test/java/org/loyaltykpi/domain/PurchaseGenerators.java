package org.loyaltykpi.domain;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of small purchase sets, shared by the property tests of every package.
 *
 * <p>The sets are small on purpose (0..60 purchases of 1..8 customers over about four months from {@link #BASE}) so
 * that customers meet each other in the same periods and on the same days, and a failing case shrinks to something a
 * reader can check by hand.
 */
public final class PurchaseGenerators {
    /** The first day purchases are generated on. */
    public static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    /** The days after {@link #BASE} purchases are generated on: 0..{@code DAYS - 1}. */
    public static final int DAYS = 120;

    /** The categories generated purchases may have. */
    public static final List<String> CATEGORIES = List.of("books", "games", "music");

    private PurchaseGenerators() {}

    /**
     * One purchase of one of {@code customers} customers ({@code C1..Cn}), on a day in {@code [BASE, BASE + DAYS)},
     * with an amount of 0.00..500.00, no category or one of {@link #CATEGORIES}, and 1..3 items.
     */
    public static Gen<Purchase> purchase(int customers) {
        Gen<Integer> customer = integers().between(1, customers);
        Gen<Integer> day = integers().between(0, DAYS - 1);
        Gen<Integer> cents = integers().between(0, 50_000);
        Gen<Integer> category = integers().between(-1, CATEGORIES.size() - 1);
        Gen<Integer> quantity = integers().between(1, 3);
        return in -> {
            int k = category.generate(in);
            return new Purchase(
                    CustomerId.of("C" + customer.generate(in)),
                    BASE.plusDays(day.generate(in)),
                    BigDecimal.valueOf(cents.generate(in), 2),
                    k < 0 ? Optional.empty() : Optional.of(CATEGORIES.get(k)),
                    quantity.generate(in));
        };
    }

    /** 0..60 purchases of 1..8 customers. */
    public static Gen<List<Purchase>> purchaseLists() {
        return integers().between(1, 8).flatMap(n -> lists().of(purchase(n)).ofSizeBetween(0, 60));
    }

    /** A seed for {@link #shuffled(List, long)} and other derived random choices. */
    public static Gen<Long> seeds() {
        return integers().all().map(Integer::longValue);
    }

    /** A copy of the purchases in a random order decided by the seed. */
    public static <T> List<T> shuffled(List<T> items, long seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    /**
     * The purchases with customers renamed by a random bijection of C1..C8 decided by the seed; the new names also
     * sort in another order, so relabelling changes the customers' table order too.
     */
    public static List<Purchase> relabelled(List<Purchase> purchases, long seed) {
        List<Integer> targets = shuffled(List.of(1, 2, 3, 4, 5, 6, 7, 8), seed);
        return purchases.stream()
                .map(p -> new Purchase(
                        CustomerId.of("customer-"
                                + (9
                                        - targets.get(Integer.parseInt(
                                                        p.customer().value().substring(1))
                                                - 1))),
                        p.date(),
                        p.amount(),
                        p.category(),
                        p.quantity()))
                .toList();
    }
}
