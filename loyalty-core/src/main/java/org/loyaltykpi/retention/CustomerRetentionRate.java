package org.loyaltykpi.retention;

import java.util.OptionalDouble;
import org.loyaltykpi.domain.Ratio;

/**
 * The customer retention rate (CRR) of a period from three counts, the way a CRM reports them.
 *
 * <p>{@code CRR = (CE - CN) / CS x 100}, where {@code CS} is the number of customers at the start of the period,
 * {@code CE} at its end and {@code CN} the new customers acquired during it. {@code CE - CN} are the customers of the
 * start still there at the end. Churn rate = {@code 100 - CRR} = lost customers / {@code CS}.
 *
 * <p>One of the source articles prints the formula as {@code (CS - CN) / CS}; that is a misprint (it would not depend
 * on the end count at all), and this class uses {@code (CE - CN) / CS}.
 *
 * <p>Edge cases: with {@code CS = 0} (no customers at the start) the rate is undefined and {@link #rate()} is empty.
 * Counts that cannot happen are rejected: negative counts, {@code CN > CE}, or more customers kept ({@code CE - CN})
 * than there were at the start.
 *
 * <pre>{@code
 * CustomerRetentionRate crr = CustomerRetentionRate.of(200, 210, 30);
 * crr.rate();        // (210 - 30) / 200 -> OptionalDouble[0.9]
 * crr.percent();     // OptionalDouble[90.0]
 * crr.churnRate();   // 10.0% (20/200)
 * }</pre>
 *
 * <p>For purchase data, where nobody reports "customers at the start", {@link PurchaseBehaviour#retention()} counts
 * retention from purchases instead. Immutable and thread-safe.
 *
 * @param customersAtStart {@code CS}
 * @param customersAtEnd {@code CE}
 * @param newCustomers {@code CN}
 */
public record CustomerRetentionRate(long customersAtStart, long customersAtEnd, long newCustomers) {

    /** Validates the counts. */
    public CustomerRetentionRate {
        if (customersAtStart < 0 || customersAtEnd < 0 || newCustomers < 0) {
            throw new IllegalArgumentException("customer counts must be >= 0: CS=" + customersAtStart + ", CE="
                    + customersAtEnd + ", CN=" + newCustomers);
        }
        if (newCustomers > customersAtEnd) {
            throw new IllegalArgumentException("new customers (CN=" + newCustomers
                    + ") cannot exceed the customers at the end (CE=" + customersAtEnd + ")");
        }
        if (customersAtEnd - newCustomers > customersAtStart) {
            throw new IllegalArgumentException("customers kept (CE - CN = " + (customersAtEnd - newCustomers)
                    + ") cannot exceed the customers at the start (CS=" + customersAtStart + ")");
        }
    }

    /**
     * The rate of three counts.
     *
     * @param customersAtStart {@code CS}
     * @param customersAtEnd {@code CE}
     * @param newCustomers {@code CN}
     * @return the rate
     */
    public static CustomerRetentionRate of(long customersAtStart, long customersAtEnd, long newCustomers) {
        return new CustomerRetentionRate(customersAtStart, customersAtEnd, newCustomers);
    }

    /**
     * The customers of the start still there at the end.
     *
     * @return {@code CE - CN}
     */
    public long retainedCustomers() {
        return customersAtEnd - newCustomers;
    }

    /**
     * The customers of the start gone by the end.
     *
     * @return {@code CS - (CE - CN)}
     */
    public long lostCustomers() {
        return customersAtStart - retainedCustomers();
    }

    /**
     * Retained out of the start, with its counts.
     *
     * @return {@code (CE - CN) / CS}
     */
    public Ratio retention() {
        return Ratio.of(retainedCustomers(), customersAtStart);
    }

    /**
     * The CRR as a fraction.
     *
     * @return {@code (CE - CN) / CS} in 0..1, empty when {@code CS = 0}
     */
    public OptionalDouble rate() {
        return retention().value();
    }

    /**
     * The CRR in percent.
     *
     * @return {@code (CE - CN) / CS x 100} in 0..100, empty when {@code CS = 0}
     */
    public OptionalDouble percent() {
        return retention().percent();
    }

    /**
     * The churn rate: lost customers out of those at the start.
     *
     * @return {@code (CS - (CE - CN)) / CS}
     */
    public Ratio churnRate() {
        return retention().complement();
    }

    /** For example {@code CRR 90.0% (180/200) [CS=200, CE=210, CN=30]}. */
    @Override
    public String toString() {
        return "CRR " + retention() + " [CS=" + customersAtStart + ", CE=" + customersAtEnd + ", CN=" + newCustomers
                + "]";
    }
}
