package org.loyaltykpi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.PurchaseTable;

class SampleShopTest {

    private static PurchaseTable standard;

    @BeforeAll
    static void generate() {
        standard = SampleShop.standard().purchases();
    }

    @Test
    void theStandardShopHas2000CustomersOverThreeYearsFrom2023() {
        SampleShop shop = SampleShop.standard();

        assertThat(shop.seed()).isEqualTo(42);
        assertThat(shop.customers()).isEqualTo(2_000);
        assertThat(shop.period()).isEqualTo(DateRange.parse("2023-01-01/2026-01-01"));
        assertThat(standard.customerCount()).isEqualTo(2_000);
        assertThat(standard.customer(0)).isEqualTo(CustomerId.of("C00001"));
        assertThat(standard.customer(1_999)).isEqualTo(CustomerId.of("C02000"));
    }

    @Test
    void generationIsDeterministic() {
        assertThat(SampleShop.standard().purchases()).isEqualTo(standard);
        assertThat(SampleShop.standard().withSeed(7).purchases())
                .isEqualTo(SampleShop.standard().withSeed(7).purchases())
                .isNotEqualTo(standard);
    }

    @Test
    void customersBuyAboutTenTimesEach() {
        double perCustomer = (double) standard.size() / standard.customerCount();

        assertThat(perCustomer).isBetween(8.0, 12.0);
        assertThat(standard.size()).isBetween(16_000, 24_000);
    }

    @Test
    void everyPurchaseLiesInTheShopPeriodWithAPositiveAmountOneOfTheSixCategoriesAndAtLeastOneItem() {
        DateRange shop = SampleShop.standard().period();

        assertThat(standard.dateRange()).hasValueSatisfying(range -> {
            assertThat(range.start()).isAfterOrEqualTo(shop.start());
            assertThat(range.endExclusive()).isBeforeOrEqualTo(shop.endExclusive());
        });
        assertThat(SampleShop.CATEGORIES).containsAll(standard.categories());
        assertThat(standard.categories()).hasSize(6);
        standard.stream().forEach(p -> {
            assertThat(p.amount()).isGreaterThan(BigDecimal.ZERO);
            assertThat(p.category()).isPresent();
            assertThat(p.quantity()).isPositive();
        });
    }

    @Test
    void theCustomerCountAndStartDayAreParameters() {
        SampleShop small = new SampleShop(1, 50, LocalDate.of(2020, 6, 1), 1);
        PurchaseTable table = small.purchases();

        assertThat(table.customerCount()).isEqualTo(50);
        assertThat(table.dateRange().orElseThrow().start()).isAfterOrEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(table.dateRange().orElseThrow().endExclusive()).isBeforeOrEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(SampleShop.standard().withCustomers(120).purchases().customerCount())
                .isEqualTo(120);
        assertThat(SampleShop.withPurchasesAbout(1_000).customers()).isEqualTo(100);
    }

    @Test
    void invalidParametersAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> SampleShop.standard().withCustomers(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customers must be >= 1: 0");
        assertThatThrownBy(() -> new SampleShop(1, 10, LocalDate.of(2020, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("years must be 1..100: 0");
    }
}
