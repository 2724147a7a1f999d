package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PurchaseTableTest {

    private final PurchaseTable example = PurchaseTable.of(
            Purchase.of("C1", "2024-01-05", "20.00"),
            Purchase.of("C1", "2024-02-11", "35.50"),
            Purchase.of("C2", "2024-01-20", "12.00"));

    @Test
    void aTableCountsPurchasesCustomersAndItsDateRange() {
        assertThat(example.size()).isEqualTo(3);
        assertThat(example.isEmpty()).isFalse();
        assertThat(example.customerCount()).isEqualTo(2);
        assertThat(example.dateRange()).contains(DateRange.parse("2024-01-05/2024-02-12"));
        assertThat(example.minEpochDay()).isEqualTo(LocalDate.of(2024, 1, 5).toEpochDay());
        assertThat(example.maxEpochDay()).isEqualTo(LocalDate.of(2024, 2, 11).toEpochDay());
        assertThat(example.amountScale()).isEqualTo(PurchaseTable.DEFAULT_AMOUNT_SCALE);
        assertThat(example)
                .hasToString("PurchaseTable[3 purchases, 2 customers, 2024-01-05/2024-02-12, 0 categories,"
                        + " amount scale 2]");
    }

    @Test
    void columnsHoldDaysMinorUnitsCategoryIndexesAndQuantities() {
        PurchaseTable table = PurchaseTable.of(
                Purchase.of("C1", "2024-01-05", "19.99").withCategory("music").withQuantity(2),
                Purchase.of("C1", "2024-01-06", "5").withCategory("books"));

        assertThat(table.categories()).containsExactly("books", "music");
        assertThat(table.epochDay(0)).isEqualTo(LocalDate.of(2024, 1, 5).toEpochDay());
        assertThat(table.date(0)).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(table.amountMinorUnits(0)).isEqualTo(1999);
        assertThat(table.amount(1)).isEqualTo(new BigDecimal("5.00"));
        assertThat(table.categoryIndex(0)).isEqualTo(1);
        assertThat(table.category(0)).contains("music");
        assertThat(table.quantity(0)).isEqualTo(2);
        assertThat(table.categoryIndex(1)).isEqualTo(0);
        assertThat(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "1.00")).categoryIndex(0))
                .isEqualTo(PurchaseTable.NO_CATEGORY);
    }

    @Test
    void customersAreIndexedInTheOrderOfTheirIdsAsStrings() {
        PurchaseTable table = PurchaseTable.of(
                Purchase.of("C2", "2024-01-01", "1.00"),
                Purchase.of("C10", "2024-01-01", "1.00"),
                Purchase.of("C1", "2024-01-01", "1.00"));

        assertThat(List.of(table.customer(0), table.customer(1), table.customer(2)))
                .extracting(CustomerId::value)
                .containsExactly("C1", "C10", "C2");
        assertThat(table.indexOf(CustomerId.of("C2"))).isEqualTo(OptionalInt.of(2));
        assertThat(table.indexOf(CustomerId.of("C3"))).isEmpty();
    }

    @Test
    void idsBeyondAsciiComeBackAsGivenInTheOrderOfStringCompareTo() {
        // one, two and three bytes a character in the table's byte array; an emoji (a surrogate pair) sorts before
        // U+FFFD as String.compareTo has it, though its code point is greater
        PurchaseTable table = PurchaseTable.of(
                Purchase.of("\uFFFD-1", "2024-01-01", "1.00"),
                Purchase.of("Zoë", "2024-01-01", "1.00"),
                Purchase.of("\uD83D\uDE00-1", "2024-01-01", "1.00"),
                Purchase.of("€-7", "2024-01-01", "1.00"),
                Purchase.of("Zoe", "2024-01-01", "1.00"));

        assertThat(IntStream.range(0, table.customerCount()).mapToObj(table::customer))
                .extracting(CustomerId::value)
                .containsExactly("Zoe", "Zoë", "€-7", "\uD83D\uDE00-1", "\uFFFD-1");
        assertThat(table.indexOf(CustomerId.of("€-7"))).isEqualTo(OptionalInt.of(2));
        assertThat(table.indexOf(CustomerId.of("Zoë2"))).isEmpty();
    }

    @Test
    void rowsAreSortedByCustomerThenDayKeepingInputOrderWithinADay() {
        PurchaseTable table = PurchaseTable.of(
                Purchase.of("C2", "2024-01-03", "3.00"),
                Purchase.of("C1", "2024-01-09", "1.00"),
                Purchase.of("C1", "2024-01-02", "2.00"),
                Purchase.of("C1", "2024-01-09", "0.50"),
                Purchase.of("C1", "2024-01-02", "1.50"));

        assertThat(table.stream().toList())
                .containsExactly(
                        Purchase.of("C1", "2024-01-02", "2.00"),
                        Purchase.of("C1", "2024-01-02", "1.50"),
                        Purchase.of("C1", "2024-01-09", "1.00"),
                        Purchase.of("C1", "2024-01-09", "0.50"),
                        Purchase.of("C2", "2024-01-03", "3.00"));
        assertThat(table.firstRow(0)).isZero();
        assertThat(table.endRow(0)).isEqualTo(4);
        assertThat(table.firstRow(1)).isEqualTo(4);
        assertThat(table.endRow(1)).isEqualTo(5);
        assertThat(table.customerIndex(4)).isEqualTo(1);
    }

    @Test
    void theEmptyTableHasNoRowsCustomersOrDates() {
        PurchaseTable empty = PurchaseTable.empty();

        assertThat(empty.size()).isZero();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.customerCount()).isZero();
        assertThat(empty.categories()).isEmpty();
        assertThat(empty.dateRange()).isEmpty();
        assertThat(empty.stream()).isEmpty();
        assertThat(empty.minEpochDay()).isEqualTo(Integer.MAX_VALUE);
        assertThat(empty.maxEpochDay()).isEqualTo(Integer.MIN_VALUE);
        assertThat(empty.indexOf(CustomerId.of("C1"))).isEmpty();
        assertThat(empty)
                .hasToString("PurchaseTable[0 purchases, 0 customers, no dates, 0 categories, amount scale 2]");
        assertThat(PurchaseTable.of()).isEqualTo(empty);
        assertThat(PurchaseTable.builder().build()).isEqualTo(empty).hasSameHashCodeAs(empty);
        assertThat(PurchaseTable.builder(3).build()).isNotEqualTo(empty);
    }

    @Test
    void amountsWithMoreDecimalsThanTheScaleAreRejectedNamingTheValue() {
        Purchase tooPrecise = Purchase.of("C1", "2024-01-05", "20.001");

        assertThatThrownBy(() -> PurchaseTable.of(tooPrecise))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20.001")
                .hasMessageContaining("more than 2 decimal places");
        assertThat(PurchaseTable.builder(3).add(tooPrecise).build().amountMinorUnits(0))
                .isEqualTo(20_001);
        assertThat(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "20.0000")).amountMinorUnits(0))
                .as("trailing zeros are not decimals that matter")
                .isEqualTo(2_000);
    }

    @Test
    void theAmountScaleIsTheNumberOfDecimalsKept() {
        PurchaseTable whole = PurchaseTable.builder(0)
                .add(Purchase.of("C1", "2024-01-05", "1200"))
                .build();

        assertThat(whole.amountScale()).isZero();
        assertThat(whole.amount(0)).isEqualTo(new BigDecimal("1200"));
        assertThatThrownBy(() -> PurchaseTable.builder(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount scale must be 0..9: 10");
        assertThatThrownBy(() -> PurchaseTable.builder(2).addAll(PurchaseTable.builder(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2")
                .hasMessageContaining("3");
    }

    @Test
    void thePrimitiveAddValidatesEveryFieldNamingTheValue() {
        PurchaseTable.Builder builder = PurchaseTable.builder();

        assertThatThrownBy(() -> builder.add("C1", 0, -150, "", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount must be >= 0 (refunds are not purchases): -1.50");
        assertThatThrownBy(() -> builder.add("C1", 0, 150, "", 0)).hasMessage("quantity must be >= 1: 0");
        assertThatThrownBy(() -> builder.add(" C1", 0, 150, "", 1)).hasMessageContaining("' C1'");
        assertThatThrownBy(() -> builder.add("C1", 0, 150, " ", 1)).hasMessage("category must not be blank: ' '");
        assertThat(builder.size()).as("rejected rows are not added").isZero();
        assertThat(builder.add("C1", 0, 150, "", 1).build().purchase(0))
                .isEqualTo(new Purchase(
                        CustomerId.of("C1"), LocalDate.EPOCH, new BigDecimal("1.50"), Optional.empty(), 1));
    }

    @Test
    void tablesAreEqualByContent() {
        PurchaseTable same = PurchaseTable.of(
                Purchase.of("C2", "2024-01-20", "12.00"),
                Purchase.of("C1", "2024-02-11", "35.50"),
                Purchase.of("C1", "2024-01-05", "20.00"));

        assertThat(same).isEqualTo(example).hasSameHashCodeAs(example);
        assertThat(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "20.00").withCategory("books")))
                .isNotEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "20.00")));
        assertThat(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "20.00").withQuantity(2)))
                .isNotEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "20.00")));
    }

    @Test
    void aBuilderThatHandedItsColumnsToATableCopiesThemBeforeAddingMore() {
        PurchaseTable.Builder builder = PurchaseTable.builder(2, 2);
        builder.add(Purchase.of("C1", "2024-01-05", "20.00"));
        builder.add(Purchase.of("C2", "2024-01-06", "30.00"));
        PurchaseTable first = builder.build();
        PurchaseTable copy = PurchaseTable.of(first.stream().toList());
        builder.add(Purchase.of("C3", "2024-01-07", "40.00"));
        PurchaseTable second = builder.build();
        assertThat(first).isEqualTo(copy);
        assertThat(first.size()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(3);
    }

    @Test
    void rowsInCustomerOrderWithUnsortedCategoriesGetTheSortedCategoryIndexes() {
        // in customer and day order already, so no row moves: only the category indexes follow the sorted names
        PurchaseTable.Builder builder = PurchaseTable.builder(2, 100)
                .add("C1", 10, 100, "music", 1)
                .add("C1", 11, 200, "books", 2)
                .add("C2", 10, 300, "", 1)
                .add("C2", 12, 400, "music", 1);

        PurchaseTable table = builder.build();

        assertThat(table.categories()).containsExactly("books", "music");
        assertThat(List.of(table.category(0), table.category(1), table.category(2), table.category(3)))
                .containsExactly(Optional.of("music"), Optional.of("books"), Optional.empty(), Optional.of("music"));
        assertThat(builder.build()).isEqualTo(table);
    }

    @Test
    void aTableBuiltKeepsItsRowsWhenTheBuilderGetsNewCategoriesAndBuildsAgain() {
        PurchaseTable.Builder builder =
                PurchaseTable.builder(2, 2).add("C1", 10, 100, "music", 1).add("C2", 11, 200, "books", 1);
        PurchaseTable first = builder.build();
        List<Purchase> before = first.stream().toList();

        // no row, but a new category that sorts first: the next build must not rewrite the first table's columns
        builder.addColumns(List.of(), new int[0], new int[0], new long[0], List.of("art"), new int[0], new int[0], 0);
        PurchaseTable second = builder.build();

        assertThat(first.stream().toList()).isEqualTo(before);
        assertThat(first.categories()).containsExactly("books", "music");
        assertThat(second.categories()).containsExactly("art", "books", "music");
        assertThat(second.stream().toList()).isEqualTo(before);
    }
}
