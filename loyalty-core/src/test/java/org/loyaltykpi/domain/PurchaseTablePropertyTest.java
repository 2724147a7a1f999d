package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltykpi.domain.PurchaseGenerators.purchaseLists;
import static org.loyaltykpi.domain.PurchaseGenerators.seeds;
import static org.loyaltykpi.domain.PurchaseGenerators.shuffled;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PurchaseTablePropertyTest {

    private static final Comparator<Purchase> BY_CUSTOMER_THEN_DAY =
            Comparator.comparing(Purchase::customer).thenComparing(Purchase::date);

    private static Map<Purchase, Long> counts(List<Purchase> purchases) {
        return purchases.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The table's date range: from the earliest purchase's day to the day after the latest's; none when empty. */
    private static void assertDateRangeOfThePurchases(PurchaseTable table, List<Purchase> purchases) {
        if (purchases.isEmpty()) {
            assertThat(table.dateRange()).isEmpty();
            return;
        }
        LocalDate first = purchases.stream()
                .map(Purchase::date)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate last = purchases.stream()
                .map(Purchase::date)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(table.dateRange()).contains(DateRange.of(first, last.plusDays(1)));
    }

    @Nested
    class Invariants {

        @Test
        void rowsAreSortedByCustomerThenDay() {
            qt().withFixedSeed(302L).forAll(purchaseLists()).checkAssert(purchases -> {
                PurchaseTable table = PurchaseTable.of(purchases);
                for (int row = 1; row < table.size(); row++) {
                    int before = table.customerIndex(row - 1);
                    int now = table.customerIndex(row);
                    assertThat(now).isGreaterThanOrEqualTo(before);
                    if (now == before) {
                        assertThat(table.epochDay(row)).isGreaterThanOrEqualTo(table.epochDay(row - 1));
                    }
                }
            });
        }

        @Test
        void firstAndEndRowsPartitionTheRowsByCustomer() {
            qt().withFixedSeed(303L).forAll(purchaseLists()).checkAssert(purchases -> {
                PurchaseTable table = PurchaseTable.of(purchases);
                int expectedFirst = 0;
                for (int c = 0; c < table.customerCount(); c++) {
                    assertThat(table.firstRow(c)).isEqualTo(expectedFirst);
                    assertThat(table.endRow(c))
                            .as("every customer has a purchase")
                            .isGreaterThan(table.firstRow(c));
                    for (int row = table.firstRow(c); row < table.endRow(c); row++) {
                        assertThat(table.customerIndex(row)).isEqualTo(c);
                    }
                    expectedFirst = table.endRow(c);
                }
                assertThat(expectedFirst).isEqualTo(table.size());
            });
        }

        @Test
        void streamGivesBackTheSamePurchases() {
            qt().withFixedSeed(304L).forAll(purchaseLists()).checkAssert(purchases -> {
                PurchaseTable table = PurchaseTable.of(purchases);

                assertThat(counts(table.stream().toList())).isEqualTo(counts(purchases));
                assertThat(PurchaseTable.from(table.stream())).isEqualTo(table);
            });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void theInputOrderDoesNotMatterBeyondTheOrderWithinACustomersDay() {
            qt().withFixedSeed(301L).forAll(purchaseLists(), seeds()).checkAssert((purchases, seed) -> {
                List<Purchase> shuffled = shuffled(purchases, seed);
                // List.sort is stable: purchases of one customer on one day keep their shuffled order.
                List<Purchase> sorted =
                        shuffled.stream().sorted(BY_CUSTOMER_THEN_DAY).toList();

                assertThat(PurchaseTable.of(shuffled)).isEqualTo(PurchaseTable.of(sorted));
                assertThat(PurchaseTable.of(shuffled).stream().toList()).isEqualTo(sorted);
            });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void customersCategoriesAndDateRangeAreThoseOfThePurchases() {
            qt().withFixedSeed(306L).forAll(purchaseLists()).checkAssert(purchases -> {
                PurchaseTable table = PurchaseTable.of(purchases);
                Set<CustomerId> customers =
                        purchases.stream().map(Purchase::customer).collect(Collectors.toCollection(TreeSet::new));
                Set<String> categories = purchases.stream()
                        .flatMap(p -> p.category().stream())
                        .collect(Collectors.toCollection(TreeSet::new));

                assertThat(table.size()).isEqualTo(purchases.size());
                assertThat(table.customerCount()).isEqualTo(customers.size());
                assertThat(table.categories()).containsExactlyElementsOf(categories);
                int c = 0;
                for (CustomerId id : customers) {
                    assertThat(table.customer(c)).isEqualTo(id);
                    assertThat(table.indexOf(id)).hasValue(c);
                    c++;
                }
                assertDateRangeOfThePurchases(table, purchases);
            });
        }
    }

    @Nested
    class SplitAndMerge {

        @Test
        void aBuilderSizedForMoreRowsThanItGetsBuildsAnEqualTable() {
            qt().withFixedSeed(308L)
                    .forAll(purchaseLists(), integers().between(0, 40))
                    .checkAssert((purchases, spare) -> {
                        // the loader sizes its builder a little over its estimate: the table keeps those columns
                        PurchaseTable.Builder sized = PurchaseTable.builder(2, purchases.size() + spare);
                        purchases.forEach(sized::add);
                        PurchaseTable table = sized.build();
                        PurchaseTable expected = PurchaseTable.of(purchases);

                        assertThat(table).isEqualTo(expected).hasSameHashCodeAs(expected);
                        assertThat(table.size()).isEqualTo(purchases.size());
                        assertThat(table.stream().toList())
                                .isEqualTo(expected.stream().toList());
                    });
        }

        @Test
        void buildingInManySmallTasksGivesTheSameTableAsInOne() {
            qt().withFixedSeed(307L)
                    .forAll(
                            purchaseLists(),
                            integers().between(1, 4),
                            integers().between(0, 2))
                    .checkAssert((purchases, rowsPerTask, order) -> {
                        // in customer order (0: the build's run counting), shuffled (1) or as generated (2)
                        List<Purchase> rows = new java.util.ArrayList<>(purchases);
                        if (order == 0) {
                            rows.sort(Comparator.comparing(Purchase::customer));
                        } else if (order == 1) {
                            rows = shuffled(rows, rowsPerTask);
                        }
                        PurchaseTable.Builder inOne = PurchaseTable.builder();
                        PurchaseTable.Builder inMany = PurchaseTable.builder();
                        rows.forEach(inOne::add);
                        rows.forEach(inMany::add);

                        assertThat(inMany.build(rowsPerTask)).isEqualTo(inOne.build(Integer.MAX_VALUE));
                    });
        }

        @Test
        void theCollectorGivesTheSameTableOnParallelAndSequentialStreams() {
            qt().withFixedSeed(305L).forAll(purchaseLists()).checkAssert(purchases -> {
                PurchaseTable expected = PurchaseTable.of(purchases);

                assertThat(purchases.stream().collect(PurchaseTable.toPurchaseTable()))
                        .isEqualTo(expected);
                assertThat(purchases.parallelStream().collect(PurchaseTable.toPurchaseTable()))
                        .isEqualTo(expected);
            });
        }

        /**
         * Rows as generated (0), in customer order (1), or in customer then day order (2: the table order, which a
         * build takes as it is), added in chunks, some before a first build and the rest after it: the table of the
         * records, with their date range.
         */
        @Test
        void addingColumnsInChunksWithLocalDictionariesEqualsAddingRecords() {
            qt().withFixedSeed(4_242L)
                    .forAll(
                            PurchaseGenerators.purchaseLists(),
                            integers().between(1, 5),
                            integers().between(0, 2),
                            integers().between(0, 5))
                    .checkAssert((purchases, chunks, sortFirst, buildAfter) -> {
                        List<Purchase> rows = new java.util.ArrayList<>(purchases);
                        if (sortFirst == 1) {
                            rows.sort(java.util.Comparator.comparing(
                                    (Purchase p) -> p.customer().value()));
                        } else if (sortFirst == 2) {
                            rows.sort(BY_CUSTOMER_THEN_DAY);
                        }
                        PurchaseTable.Builder builder = PurchaseTable.builder();
                        int size = rows.size();
                        for (int c = 0; c < chunks; c++) {
                            if (c == buildAfter) {
                                builder.build(); // the builder goes on from the table order
                            }
                            List<Purchase> chunk = rows.subList(size * c / chunks, size * (c + 1) / chunks);
                            List<String> ids = new java.util.ArrayList<>();
                            List<String> categories = new java.util.ArrayList<>();
                            int n = chunk.size();
                            int[] customer = new int[n];
                            int[] day = new int[n];
                            long[] amount = new long[n];
                            int[] category = new int[n];
                            int[] quantity = new int[n];
                            for (int r = 0; r < n; r++) {
                                Purchase p = chunk.get(r);
                                if (!ids.contains(p.customer().value())) {
                                    ids.add(p.customer().value());
                                }
                                customer[r] = ids.indexOf(p.customer().value());
                                day[r] = (int) p.date().toEpochDay();
                                amount[r] = p.amount().movePointRight(2).longValueExact();
                                category[r] = p.category()
                                        .map(k -> {
                                            if (!categories.contains(k)) {
                                                categories.add(k);
                                            }
                                            return categories.indexOf(k);
                                        })
                                        .orElse(PurchaseTable.NO_CATEGORY);
                                quantity[r] = p.quantity();
                            }
                            builder.addColumns(ids, customer, day, amount, categories, category, quantity, n);
                        }
                        PurchaseTable table = builder.build();
                        assertThat(table).isEqualTo(PurchaseTable.of(purchases));
                        assertThat(table.stream().toList())
                                .isEqualTo(PurchaseTable.of(purchases).stream().toList());
                        assertDateRangeOfThePurchases(table, purchases);
                    });
        }
    }
}
