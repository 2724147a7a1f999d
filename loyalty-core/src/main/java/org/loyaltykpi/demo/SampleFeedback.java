package org.loyaltykpi.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.domain.SpendKind;
import org.loyaltykpi.internal.SeededRandom;

/**
 * The sample shop's reviews and marketing spend, generated from its purchases with their own seeded streams, so the
 * purchases and survey answers stay exactly what they are without them.
 */
final class SampleFeedback {
    /** Mixed into the seed for the reviews. */
    private static final long REVIEW_STREAM = 0x2E71_E3F5_0A11_B00CL;

    /** Mixed into the seed for the marketing spend. */
    private static final long SPEND_STREAM = 0x5BE2_DCAC_0FF1_CE55L;

    private SampleFeedback() {}

    /**
     * Reviews: a customer reviews with a probability growing with its purchases (about one in five overall), once or
     * twice, a few days after one of its purchases. The rating follows the same attitude as the survey answers
     * (higher for frequent and still active customers, lower for lapsed ones); a quarter of the reviews carry only a
     * sentiment label and a tenth both a rating and its label.
     */
    static List<Review> reviews(SampleShop shop, PurchaseTable table) {
        SeededRandom random = new SeededRandom(shop.seed() ^ REVIEW_STREAM);
        int end = Math.toIntExact(shop.period().endExclusive().toEpochDay());
        List<Review> reviews = new ArrayList<>();
        for (int c = 0; c < table.customerCount(); c++) {
            int first = table.firstRow(c);
            int count = table.endRow(c) - first;
            if (random.nextDouble() >= Math.min(0.4, 0.06 + 0.015 * count)) {
                continue;
            }
            double attitude = SampleShop.attitude(table, c, end, random);
            int times = random.nextDouble() < 0.25 ? 2 : 1;
            for (int t = 0; t < times; t++) {
                int row = first + random.nextInt(count);
                int day = Math.min(end - 1, table.epochDay(row) + 1 + random.nextInt(10));
                long rounded = Math.round(3.4 + 0.9 * attitude + 0.7 * random.nextGaussian());
                int rating = (int) Math.max(Review.MIN_RATING, Math.min(Review.MAX_RATING, rounded));
                double form = random.nextDouble();
                Sentiment label = Sentiment.ofRating(rating);
                reviews.add(new Review(
                        table.customer(c),
                        LocalDate.ofEpochDay(day),
                        form < 0.25 ? OptionalInt.empty() : OptionalInt.of(rating),
                        form < 0.35 ? Optional.of(label) : Optional.empty()));
            }
        }
        return List.copyOf(reviews);
    }

    /**
     * Marketing spend per calendar month of the shop: acquisition spend of about 30 per new customer of the month,
     * with noise (a log-normal factor, about 20..45 per customer), only in months with new customers (a customer is new
     * in the month of their first purchase); and a retention spend of about 0.8 per customer active in the month.
     */
    static List<MarketingSpend> marketingSpend(SampleShop shop, PurchaseTable table) {
        SeededRandom random = new SeededRandom(shop.seed() ^ SPEND_STREAM);
        List<MarketingSpend> spends = new ArrayList<>();
        List<DateRange> months = Granularity.MONTH.periodsCovering(shop.period());
        long firstMonth = Granularity.MONTH.ordinal(months.get(0).start());
        int[] active = new int[months.size()];
        int[] fresh = new int[months.size()];
        for (int c = 0; c < table.customerCount(); c++) {
            long previous = Long.MIN_VALUE;
            for (int row = table.firstRow(c); row < table.endRow(c); row++) {
                long month = Granularity.MONTH.ordinal(table.date(row));
                if (month != previous) {
                    int slot = Math.toIntExact(month - firstMonth);
                    active[slot]++;
                    if (previous == Long.MIN_VALUE) {
                        fresh[slot]++;
                    }
                    previous = month;
                }
            }
        }
        for (int m = 0; m < months.size(); m++) {
            double cacFactor = 30 * Math.exp(0.15 * random.nextGaussian());
            double retentionFactor = 0.8 * (0.8 + 0.4 * random.nextDouble());
            if (fresh[m] > 0) {
                spends.add(MarketingSpend.acquisition(months.get(m), cents(fresh[m] * cacFactor)));
            }
            spends.add(new MarketingSpend(months.get(m), cents(active[m] * retentionFactor), SpendKind.RETENTION));
        }
        return List.copyOf(spends);
    }

    private static BigDecimal cents(double amount) {
        return BigDecimal.valueOf(Math.round(amount * 100), 2);
    }
}
