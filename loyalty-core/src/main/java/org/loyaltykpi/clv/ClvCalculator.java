package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Customer lifetime value from a purchase model and a spend model.
 *
 * <p>Over a horizon of {@code H} periods of length {@code u} ({@link ClvOptions}), with {@code E[Y(t)]} the model's
 * conditional expected purchases and {@code E[Z]} the Gamma-Gamma expected spend per purchase:
 *
 * <pre>
 * CLV = margin * E[Z] * sum_{k=1..ceil(H)} (E[Y(min(k, H) u)] - E[Y((k-1) u)]) / (1 + d)^k
 * </pre>
 *
 * that is, each period's expected purchases valued at the expected spend and discounted at the end of the period
 * (the convention of the BTYD libraries). With {@code d = 0} it is {@code margin * E[Z] * E[Y(H u)]}; a horizon of 0
 * gives 0.
 *
 * <pre>{@code
 * double clv = ClvCalculator.customerValue(bgNbd, gammaGamma, summary.row(0),
 *         new ClvOptions(12, TimeScale.MONTHS, 0.3, 0.01));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ClvCalculator {
    private ClvCalculator() {}

    /**
     * The lifetime value of a customer over a horizon.
     *
     * @param purchases the purchase model
     * @param spend the spend model
     * @param customer the customer's summary, in the purchase model's time unit
     * @param options horizon, margin and discount rate
     * @return the discounted value, in the currency of the monetary values
     */
    public static double customerValue(
            TransactionModel purchases, GammaGammaModel spend, BtydCustomer customer, ClvOptions options) {
        double perPurchase = spend.expectedAverageSpend(customer.frequency(), customer.monetaryValue());
        return options.margin() * perPurchase * discountedPurchases(purchases, customer, options);
    }

    /**
     * The discounted expected purchases of a customer over a horizon: {@code sum_k (E[Y(t_k)] - E[Y(t_{k-1})]) /
     * (1+d)^k}.
     *
     * @param purchases the purchase model
     * @param customer the customer's summary
     * @param options horizon and discount rate (the margin is not used)
     * @return the discounted expected purchases
     */
    public static double discountedPurchases(TransactionModel purchases, BtydCustomer customer, ClvOptions options) {
        double step = purchases.timeUnit().convert(1, options.unit());
        int periods = (int) Math.ceil(options.horizon());
        double previous = 0;
        double total = 0;
        double discount = 1;
        for (int k = 1; k <= periods; k++) {
            double t = Math.min(k, options.horizon()) * step;
            double cumulative =
                    purchases.expectedPurchases(t, customer.frequency(), customer.recency(), customer.age());
            discount /= 1 + options.discountRate();
            total += (cumulative - previous) * discount;
            previous = cumulative;
        }
        return total;
    }

    /**
     * Predictions for every customer of a summary over a horizon.
     *
     * @param purchases the purchase model
     * @param spend the spend model, or empty to predict purchases only
     * @param summary the calibration summary, in the purchase model's time unit
     * @param options the horizon (for the expected purchases and the CLV), margin and discount rate
     * @return one prediction per customer, in summary order
     */
    public static List<CustomerPrediction> predict(
            TransactionModel purchases, Optional<GammaGammaModel> spend, BtydSummary summary, ClvOptions options) {
        ModelSupport.checkUnit(purchases.name(), purchases.timeUnit(), summary);
        double horizon = purchases.timeUnit().convert(options.horizon(), options.unit());
        List<CustomerPrediction> out = new ArrayList<>(summary.size());
        for (int i = 0; i < summary.size(); i++) {
            BtydCustomer c = summary.row(i);
            double pAlive = purchases.probabilityAlive(c.frequency(), c.recency(), c.age());
            double expected = purchases.expectedPurchases(horizon, c.frequency(), c.recency(), c.age());
            OptionalDouble perPurchase = OptionalDouble.empty();
            OptionalDouble clv = OptionalDouble.empty();
            if (spend.isPresent()) {
                double z = spend.get().expectedAverageSpend(c.frequency(), c.monetaryValue());
                perPurchase = OptionalDouble.of(z);
                clv = OptionalDouble.of(options.margin() * z * discountedPurchases(purchases, c, options));
            }
            out.add(new CustomerPrediction(c.customer(), pAlive, expected, perPurchase, clv));
        }
        return out;
    }
}
