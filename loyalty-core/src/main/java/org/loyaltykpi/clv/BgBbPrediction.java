package org.loyaltykpi.clv;

import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.CustomerId;

/**
 * The BG/BB predictions of one row of a {@link BgBbSummary}: a customer, or a weighted pattern of a summary without
 * ids.
 *
 * @param customer the customer, or empty for a weighted pattern
 * @param frequency {@code x}
 * @param recency {@code t_x}
 * @param periods {@code n}
 * @param weight the customers of the row (1 for a customer)
 * @param probabilityAlive P(alive at the next opportunity, {@code n + 1}) (the paper's eq. 11)
 * @param expectedTransactions expected transactions in the next {@code n*} opportunities (eq. 13)
 * @param discountedResidualTransactions DERT at the discount rate per opportunity (eq. 14), empty without discounting
 */
public record BgBbPrediction(
        Optional<CustomerId> customer,
        int frequency,
        int recency,
        int periods,
        double weight,
        double probabilityAlive,
        double expectedTransactions,
        OptionalDouble discountedResidualTransactions) {}
