package org.loyaltykpi.clv;

import java.util.OptionalDouble;
import org.loyaltykpi.domain.CustomerId;

/**
 * A customer's predictions over a horizon.
 *
 * @param customer the customer
 * @param probabilityAlive P(alive) at the end of the calibration period
 * @param expectedPurchases expected purchases over the horizon
 * @param expectedSpend expected spend per purchase (Gamma-Gamma), empty without a spend model
 * @param clv the discounted customer lifetime value over the horizon, empty without a spend model
 */
public record CustomerPrediction(
        CustomerId customer,
        double probabilityAlive,
        double expectedPurchases,
        OptionalDouble expectedSpend,
        OptionalDouble clv) {}
