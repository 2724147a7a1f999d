package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltykpi.domain.PurchaseGenerators.purchaseLists;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PurchaseCsvPropertyTest {

    /** Characters that need care in CSV: delimiters, quotes, line breaks, spaces, tabs and non-ASCII. */
    private static final List<Character> TRICKY =
            List.of('a', 'B', '7', ',', ';', '"', ' ', '\t', '\n', '\r', 'é', '€');

    /** Non-blank texts without surrounding white space (valid ids and categories) made of tricky characters. */
    private static final Gen<String> TEXTS = lists().of(Generate.pick(TRICKY))
            .ofSizeBetween(1, 6)
            .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()))
            .map(s -> "x" + s + "y");

    private static String writeToString(PurchaseTable table) {
        StringWriter out = new StringWriter();
        PurchaseCsv.write(table, out);
        return out.toString();
    }

    private static PurchaseTable readString(String csv, CsvOptions options) {
        return PurchaseCsv.read(new StringReader(csv), "round-trip.csv", options);
    }

    @Nested
    class Invariants {

        @Test
        void writtenTablesReadBackEqual() {
            qt().withFixedSeed(401L).forAll(purchaseLists()).checkAssert(purchases -> {
                PurchaseTable table = PurchaseTable.of(purchases);

                assertThat(readString(writeToString(table), CsvOptions.defaults()))
                        .isEqualTo(table);
            });
        }

        @Test
        void idsAndCategoriesWithDelimitersQuotesAndLineBreaksSurviveTheRoundTrip() {
            qt().withFixedSeed(402L)
                    .forAll(purchaseLists(), TEXTS, TEXTS, integers().between(0, 2))
                    .checkAssert((purchases, id, category, which) -> {
                        List<Purchase> renamed = purchases.stream()
                                .map(p -> p.customer().value().equals("C1")
                                        ? new Purchase(
                                                CustomerId.of(id),
                                                p.date(),
                                                p.amount(),
                                                which == 0 ? p.category() : Optional.of(category),
                                                p.quantity())
                                        : p)
                                .toList();
                        PurchaseTable table = PurchaseTable.of(renamed);

                        assertThat(readString(writeToString(table), CsvOptions.defaults()))
                                .isEqualTo(table);
                    });
        }

        @Test
        void anyAmountScaleRoundTripsWhenReadAtThatScale() {
            qt().withFixedSeed(403L)
                    .forAll(purchaseLists(), integers().between(2, 9))
                    .checkAssert((purchases, scale) -> {
                        PurchaseTable.Builder builder = PurchaseTable.builder(scale);
                        purchases.forEach(builder::add);
                        PurchaseTable table = builder.build();

                        assertThat(readString(
                                        writeToString(table),
                                        CsvOptions.defaults().withAmountScale(scale)))
                                .isEqualTo(table);
                    });
        }
    }
}
