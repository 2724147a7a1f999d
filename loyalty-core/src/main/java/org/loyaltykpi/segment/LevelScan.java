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
        int windowStart = day - options.behaviourWindowDays();
        int churnStart = day - options.churnWindowDays();
        int scale = table.amountScale();
        Signals signals = Signals.of(responses, reviews, options.passiveAttitude(), day);
        List<CustomerLevel> rows = new ArrayList<>();
        signals.forEachCustomer(table, (id, c, contacts) -> {
            boolean bought = c >= 0 && table.epochDay(table.firstRow(c)) < day;
            Attitude attitude = contacts == null ? null : contacts.attitude();
            if (!bought && attitude == null) {
                // Not a customer as of the day: no purchase and no attitude signal before it.
                return;
            }
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
            LoyaltyLevel level = level(attitude, purchaseDays >= options.minPurchaseDays(), boughtInChurnWindow);
            rows.add(new CustomerLevel(
                    new CustomerId(id),
                    level,
                    Optional.ofNullable(attitude),
                    purchaseDays,
                    Money.fromMinorUnits(revenue, scale)));
        });
        return new LoyaltyLevels(asOf, options, scale, rows);
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
