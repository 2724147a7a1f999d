/**
 * The sample shop: a seeded generator of purchases, survey answers, reviews, marketing spend and program events, the
 * same on every JDK (normals are drawn with the library's own code from uniform bits). The CLI runs on it when given no
 * input, and the docs and benchmarks use it.
 *
 * <pre>{@code
 * PurchaseTable shop = SampleShop.standard().purchases();   // 20,028 purchases of 2,000 customers, 2023..2025
 * }</pre>
 *
 * <p>This package depends on {@code domain} only.
 */
package org.loyaltykpi.demo;
