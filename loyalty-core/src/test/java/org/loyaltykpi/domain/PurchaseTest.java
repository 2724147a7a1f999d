package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PurchaseTest {

    @Test
    void ofReadsIdDateAndAmountFromStringsWithoutCategoryAndOneItem() {
        Purchase p = Purchase.of("C1", "2024-01-05", "20.00");

        assertThat(p.customer()).isEqualTo(CustomerId.of("C1"));
        assertThat(p.date()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(p.amount()).isEqualByComparingTo("20");
        assertThat(p.category()).isEmpty();
        assertThat(p.quantity()).isEqualTo(1);
    }

    @Test
    void withCategoryAndWithQuantityReturnCopies() {
        Purchase p = Purchase.of("C1", "2024-01-05", "20.00");

        Purchase books = p.withCategory("books").withQuantity(3);

        assertThat(books.category()).contains("books");
        assertThat(books.quantity()).isEqualTo(3);
        assertThat(books.withCategory("music").category()).contains("music");
        assertThat(p.category()).isEmpty();
        assertThat(p.quantity()).isEqualTo(1);
    }

    @Test
    void aFreeItemIsAPurchase() {
        assertThat(Purchase.of("C1", "2024-01-05", "0").amount()).isZero();
    }

    @Test
    void negativeAmountsAreRejectedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> Purchase.of("C1", "2024-01-05", "-1.50"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount must be >= 0 (refunds are not purchases): -1.50");
    }

    @Test
    void blankCategoriesAreRejectedNamingTheFieldAndValue() {
        Purchase p = Purchase.of("C1", "2024-01-05", "1.00");

        assertThatThrownBy(() -> p.withCategory("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category must not be blank: '  '");
    }

    @Test
    void aRejectedValueIsShownEscapedSoTheMessageStaysOneLine() {
        Purchase p = Purchase.of("C1", "2024-01-05", "1.00");

        assertThatThrownBy(() -> p.withCategory("\n\u001C")).hasMessage("category must not be blank: '\\n\\u001C'");
        assertThatThrownBy(() -> Purchase.of("C1", "2024-01-05\r\n", "1.00"))
                .hasMessage("date is not an ISO date (yyyy-MM-dd): '2024-01-05\\r\\n'");
        assertThatThrownBy(() -> Purchase.of("C1", "2024-01-05", "x".repeat(100)))
                .hasMessage("amount is not a decimal number: '" + "x".repeat(80) + "... (100 characters)'");
    }

    @Test
    void quantitiesBelowOneAreRejectedNamingTheFieldAndValue() {
        Purchase p = Purchase.of("C1", "2024-01-05", "1.00");

        assertThatThrownBy(() -> p.withQuantity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must be >= 1: 0");
        assertThatThrownBy(() -> p.withQuantity(-2))
                .hasMessageContaining("quantity")
                .hasMessageContaining("-2");
    }

    @Test
    void unreadableDatesAndAmountsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> Purchase.of("C1", "05.01.2024", "1.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date is not an ISO date (yyyy-MM-dd): '05.01.2024'");
        assertThatThrownBy(() -> Purchase.of("C1", "2024-02-30", "1.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2024-02-30'");
        assertThatThrownBy(() -> Purchase.of("C1", "2024-01-05", "12,50"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount is not a decimal number: '12,50'");
        assertThatThrownBy(() -> Purchase.of(" C1", "2024-01-05", "1.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("' C1'");
    }

    @Test
    void missingFieldsAreRejectedNamingTheField() {
        CustomerId c = CustomerId.of("C1");
        LocalDate d = LocalDate.of(2024, 1, 5);
        assertThatThrownBy(() -> new Purchase(null, d, BigDecimal.ONE, Optional.empty(), 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("customer");
        assertThatThrownBy(() -> new Purchase(c, null, BigDecimal.ONE, Optional.empty(), 1))
                .hasMessageContaining("date");
        assertThatThrownBy(() -> new Purchase(c, d, null, Optional.empty(), 1)).hasMessageContaining("amount");
        assertThatThrownBy(() -> new Purchase(c, d, BigDecimal.ONE, null, 1)).hasMessageContaining("category");
    }
}
