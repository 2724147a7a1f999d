package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.Money;

/** The loyalty-level classification behind {@link SegmentCalculator#loyaltyLevels}. */
final class LevelScan {
    private LevelScan() {}

    static LoyaltyLevels levels(
            PurchaseTable table,
            List<SurveyResponse> responses,
            List<Review> reviews,
            LocalDate asOf,
            LevelOptions options) {
        int day = Rows.day(asOf);
        int scale = table.amountScale();
        Signals signals = Signals.of(responses, reviews, options.passiveAttitude(), day);
        List<CustomerLevel> rows = new ArrayList<>();
        long[] behaviour = new long[2];
        signals.forEachCustomer(table, (id, c, contacts) -> {
            Attitude attitude = contacts == null ? null : contacts.attitude();
            LoyaltyLevel level = classify(table, c, attitude, day, options, behaviour);
            if (level == null) {
                return;
            }
            rows.add(new CustomerLevel(
                    new CustomerId(id),
                    level,
                    Optional.ofNullable(attitude),
                    (int) behaviour[0],
                    Money.fromMinorUnits(behaviour[1], scale)));
        });
        return new LoyaltyLevels(asOf, options, scale, rows);
    }

    /**
     * One customer's level as of a day, or null when it is no customer then (no purchase and no attitude signal
     * before the day).
     *
     * @param c the customer's table index, or -1 without purchases
     * @param attitude its winning attitude before the day, or null
     * @param behaviour receives the purchase days and the net revenue (minor units) of the behaviour window
     */
    static LoyaltyLevel classify(
            PurchaseTable table, int c, Attitude attitude, int day, LevelOptions options, long[] behaviour) {
        boolean bought = c >= 0 && table.epochDay(table.firstRow(c)) < day;
        if (!bought && attitude == null) {
            return null;
        }
        int windowStart = day - options.behaviourWindowDays();
        int churnStart = day - options.churnWindowDays();
        int purchaseDays = 0;
        long revenue = 0;
        boolean boughtInChurnWindow = false;
        if (bought) {
            int from = Rows.atOrAfter(table, c, windowStart);
            int to = Rows.atOrAfter(table, c, day);
            purchaseDays = Rows.distinctDays(table, from, to);
            revenue = Rows.netAmount(table, c, from, to, windowStart, day);
            boughtInChurnWindow = to > table.firstRow(c) && table.epochDay(to - 1) >= churnStart;
        }
        behaviour[0] = purchaseDays;
        behaviour[1] = revenue;
        return level(attitude, purchaseDays >= options.minPurchaseDays(), boughtInChurnWindow);
    }

    /** The matrix cell; a churned negative customer is NEGATIVE, no attitude is UNKNOWN. */
    static LoyaltyLevel level(Attitude attitude, boolean highBehaviour, boolean boughtInChurnWindow) {
        if (attitude == null) {
            return LoyaltyLevel.UNKNOWN;
        }
        if (attitude == Attitude.NEGATIVE && !boughtInChurnWindow) {
            return LoyaltyLevel.NEGATIVE;
        }
        if (attitude.isHigh()) {
            return highBehaviour ? LoyaltyLevel.TRUE : LoyaltyLevel.LATENT;
        }
        return highBehaviour ? LoyaltyLevel.SPURIOUS : LoyaltyLevel.ABSENT;
    }
}
