/**
 * Reading inputs: purchases into a {@link org.loyaltykpi.domain.PurchaseTable} ({@link org.loyaltykpi.io.PurchaseCsv},
 * a parallel path for large files), survey answers, reviews, marketing spend and program events, all with one dialect
 * ({@link org.loyaltykpi.io.CsvOptions}: delimiter, header, columns by name or 1-based position, date pattern).
 *
 * <p>A bad row is a {@link org.loyaltykpi.io.CsvFormatException} naming the file, line, column and value;
 * {@code readSkippingBadRows} counts and reports what it skips instead of failing. This package depends on
 * {@code domain} only.
 *
 * <pre>{@code
 * PurchaseTable table = PurchaseCsv.read(Path.of("orders.csv"), CsvOptions.defaults());
 * }</pre>
 */
package org.loyaltykpi.io;
