/**
 * The immutable domain model every family reads: customers ({@link org.loyaltykpi.domain.CustomerId}), purchases
 * ({@link org.loyaltykpi.domain.Purchase} and the columnar {@link org.loyaltykpi.domain.PurchaseTable}), half-open
 * date ranges ({@link org.loyaltykpi.domain.DateRange}, split by a {@link org.loyaltykpi.domain.Granularity}),
 * ratios with their counts ({@link org.loyaltykpi.domain.Ratio}) and every other input record: survey answers
 * ({@link org.loyaltykpi.domain.SurveyResponse} on a {@link org.loyaltykpi.domain.Scale}), reviews
 * ({@link org.loyaltykpi.domain.Review}), marketing spend ({@link org.loyaltykpi.domain.MarketingSpend}) and
 * loyalty-program events ({@link org.loyaltykpi.domain.ProgramEvent}).
 *
 * <p>Start with {@code PurchaseTable}: every purchase metric scans it. Records validate in their compact constructors
 * and reject a bad value with an {@link java.lang.IllegalArgumentException} naming the field and the value. Money
 * enters as {@link java.math.BigDecimal} and is kept exact as {@code long} minor units.
 *
 * <pre>{@code
 * PurchaseTable table = PurchaseTable.of(Purchase.of("c1", "2025-03-02", "19.90"), Purchase.of("c1", "2025-03-20", "5.00"));
 * DateRange march = DateRange.month(2025, 3);   // 2025-03-01/2025-04-01, toString() and parse() round trip
 * }</pre>
 *
 * <p>This package depends on nothing else of the library; see {@code docs/ARCHITECTURE.md} in the repository for the
 * whole map.
 */
package org.loyaltykpi.domain;
