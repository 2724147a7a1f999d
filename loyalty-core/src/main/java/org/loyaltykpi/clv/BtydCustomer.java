package org.loyaltykpi.clv;

import org.loyaltykpi.domain.CustomerId;

/**
 * One customer's row of an {@link BtydSummary}, in the notation of the BTYD papers.
 *
 * @param customer the customer
 * @param frequency {@code x}: repeat purchase days in the calibration period (distinct purchase days - 1), {@code >= 0}
 * @param recency {@code t_x}: time from the first to the last purchase day, in the summary's time unit
 * @param age {@code T}: time from the first purchase day to the end of the calibration period, {@code >= recency}
 * @param monetaryValue {@code zbar}: the mean value of the repeat purchase days (a day's purchases summed, the first
 *     day excluded), 0 when {@code frequency == 0}
 */
public record BtydCustomer(CustomerId customer, int frequency, double recency, double age, double monetaryValue) {
    /** Validates: non-negative frequency, {@code 0 <= recency <= age}, finite values. */
    public BtydCustomer {
        BtydSummary.check(customer.value(), frequency, recency, age, monetaryValue);
    }
}
