package org.loyaltykpi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.SeededRandom;

/**
 * A deterministic, realistic sample shop: the data behind the CLI's default report, the documentation examples and
 * the benchmarks.
 *
 * <p>The model, per customer (a "buy till you die" process with heterogeneity, as in the BG/NBD literature):
 *
 * <ul>
 *   <li>acquired on a day in {@code [start, start + years)}, with acquisitions growing over time (density rising
 *       linearly to twice its starting level);
 *   <li>buys at a personal rate drawn from a gamma distribution (mean one purchase every 20 days), slowing by 3% with
 *       every purchase (declining activity);
 *   <li>after each purchase drops out for good with a personal probability drawn from a beta distribution (mean 7%);
 *   <li>spends around a personal level drawn from a log-normal distribution (median 30.00), each purchase log-normal
 *       around it, so amounts have a long right tail; amounts are in cents;
 *   <li>buys mostly in a favourite category (65%), otherwise in any of six; one to a few items per purchase.
 * </ul>
 *
 * <p>Customers number about one tenth of the purchases. The same parameters give the same purchases on every JDK and
 * machine: every draw comes from a seeded SplitMix64 stream with distributions implemented in this library.
 *
 * <pre>{@code
 * PurchaseTable shop = SampleShop.standard().purchases();   // 2,000 customers, 2023..2025
 * PurchaseCsv.write(SampleShop.standard().purchases(), Path.of("sample-shop.csv"));
 * SampleShop.withPurchasesAbout(10_000_000).purchases();    // about 10M purchases for benchmarks
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the random seed
 * @param customers how many customers are acquired, at least 1
 * @param start the first day of the shop
 * @param years how many years the shop runs, at least 1
 */
public record SampleShop(long seed, int customers, LocalDate start, int years) {

    /** The six product categories of the shop. */
    public static final List<String> CATEGORIES = List.of("books", "music", "games", "electronics", "home", "garden");

    private static final double[] CATEGORY_POPULARITY = {0.30, 0.24, 0.17, 0.13, 0.10, 0.06};

    /** The CSI attributes of the sample survey, asked as {@code csi:ATTRIBUTE} on 0..10. */
    public static final List<String> CSI_ATTRIBUTES = List.of("delivery", "price", "range", "service");

    private static final double[] CSI_LEVELS = {7.1, 5.9, 7.4, 7.6};

    /** Mixed into the seed for the survey answers, so they have their own stream. */
    private static final long SURVEY_STREAM = 0x5EED_0F5A_7157_AC75L;

    /** Validates the parameters. */
    public SampleShop {
        Objects.requireNonNull(start, "start must not be null");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1: " + customers);
        }
        if (years < 1 || years > 100) {
            throw new IllegalArgumentException("years must be 1..100: " + years);
        }
    }

    /**
     * The standard shop: seed 42, 2,000 customers, three years from 2023-01-01.
     *
     * @return the shop
     */
    public static SampleShop standard() {
        return new SampleShop(42, 2_000, LocalDate.of(2023, 1, 1), 3);
    }

    /**
     * A shop of the standard kind with about {@code purchases} purchases ({@code purchases / 10} customers).
     *
     * @param purchases the approximate number of purchases
     * @return the shop
     */
    public static SampleShop withPurchasesAbout(long purchases) {
        long customers = Math.max(1, purchases / 10);
        if (customers > Integer.MAX_VALUE / 16) {
            throw new IllegalArgumentException("too many purchases for one table: " + purchases);
        }
        return standard().withCustomers((int) customers);
    }

    /**
     * This shop with another number of customers.
     *
     * @param count the customers
     * @return a copy
     */
    public SampleShop withCustomers(int count) {
        return new SampleShop(seed, count, start, years);
    }

    /**
     * This shop with another seed.
     *
     * @param value the seed
     * @return a copy
     */
    public SampleShop withSeed(long value) {
        return new SampleShop(value, customers, start, years);
    }

    /**
     * The period the shop runs.
     *
     * @return {@code [start, start + years)}
     */
    public DateRange period() {
        return DateRange.of(start, start.plusYears(years));
    }

    /**
     * Generates the purchases.
     *
     * @return the table; the same for the same parameters
     */
    public PurchaseTable purchases() {
        SeededRandom random = new SeededRandom(seed);
        PurchaseTable.Builder table = PurchaseTable.builder();
        int firstDay = Math.toIntExact(start.toEpochDay());
        int days = Math.toIntExact(start.plusYears(years).toEpochDay()) - firstDay;
        int idDigits = Math.max(5, Integer.toString(customers).length());
        for (int c = 1; c <= customers; c++) {
            String id = customerId(c, idDigits);
            // Acquisition density 1 + t on [0, 1): inverse of its distribution function (t + t^2 / 2) / 1.5.
            double t = Math.sqrt(1 + 3 * random.nextDouble()) - 1;
            int day = firstDay + Math.min(days - 1, (int) (t * days));
            double rate = random.nextGamma(2.0, 1 / 40.0);
            double dropout = random.nextBeta(1.0, 13.0);
            double spendLevel = 30.0 * Math.exp(0.5 * random.nextGaussian());
            int favourite = pickCategory(random);
            while (true) {
                long cents = Math.max(99, Math.round(100 * spendLevel * Math.exp(0.55 * random.nextGaussian())));
                int category = random.nextDouble() < 0.65 ? favourite : random.nextInt(CATEGORIES.size());
                int quantity = 1 + (int) Math.floor(random.nextExponential(1.4));
                table.add(id, day, cents, CATEGORIES.get(category), quantity);
                if (random.nextDouble() < dropout) {
                    break;
                }
                rate *= 0.97;
                day += (int) Math.floor(random.nextExponential(rate));
                if (day >= firstDay + days) {
                    break;
                }
            }
        }
        return table.build();
    }

    /** {@code C} and the number zero-padded to {@code digits}, so ids sort in number order. */
    private static String customerId(int number, int digits) {
        char[] id = new char[digits + 1];
        id[0] = 'C';
        for (int i = digits, n = number; i >= 1; i--, n /= 10) {
            id[i] = (char) ('0' + n % 10);
        }
        return new String(id);
    }

    /**
     * Generates survey answers consistent with the purchases: about a third of the customers answer once, a few
     * days after one of their purchases, the NPS question ({@code nps}, 0..10), CSAT ({@code csat}, 1..5), CES ({@code
     * ces}, 1..7) and four CSI attributes ({@code csi:delivery}, {@code csi:price}, {@code csi:range}, {@code
     * csi:service}, 0..10). Each respondent has a channel segment, {@code web} (about 60%) or {@code store}.
     *
     * <p>The model: a respondent's attitude grows with the log of its number of purchases and is higher when it is
     * still active (a purchase in the last 180 days of the shop) than when it has lapsed; scores are the attitude
     * plus normal noise, rounded and clipped to the scale. So loyal customers score higher and detractors gather
     * among lapsed ones; price is the weakest CSI attribute. The answers come from their own seeded stream: the
     * purchases are exactly those of {@link #purchases()}.
     *
     * <pre>{@code
     * List<SurveyResponse> answers = SampleShop.standard().surveyResponses();
     * SurveyCalculator.summarize(answers, SurveyOptions.defaults()).nps();
     * }</pre>
     *
     * @return the answers, by respondent then question; the same for the same parameters
     */
    public List<SurveyResponse> surveyResponses() {
        return surveyResponses(purchases());
    }

    /**
     * Generates the survey answers of {@link #surveyResponses()} from purchases generated already, so a caller that
     * holds this shop's {@link #purchases()} does not generate them twice. Given other purchases, the answers follow
     * the same model over those customers.
     *
     * @param table the purchases the answers are about, normally this shop's {@link #purchases()}
     * @return the answers, by respondent then question; the same for the same parameters and purchases
     */
    public List<SurveyResponse> surveyResponses(PurchaseTable table) {
        Objects.requireNonNull(table, "table must not be null");
        SeededRandom random = new SeededRandom(seed ^ SURVEY_STREAM);
        int end = Math.toIntExact(start.plusYears(years).toEpochDay());
        List<SurveyResponse> answers = new ArrayList<>();
        for (int c = 0; c < table.customerCount(); c++) {
            String channel = random.nextDouble() < 0.6 ? "web" : "store";
            if (random.nextDouble() >= 0.35) {
                continue;
            }
            int first = table.firstRow(c);
            int count = table.endRow(c) - first;
            int row = first + random.nextInt(count);
            int day = Math.min(end - 1, table.epochDay(row) + 1 + random.nextInt(14));
            double attitude = attitude(table, c, end, random);
            CustomerId id = table.customer(c);
            LocalDate date = LocalDate.ofEpochDay(day);
            answers.add(
                    answer(id, date, "nps", 7.0 + 1.6 * attitude + 1.1 * random.nextGaussian(), Scale.NPS, channel));
            answers.add(
                    answer(id, date, "csat", 3.7 + 0.7 * attitude + 0.6 * random.nextGaussian(), Scale.CSAT, channel));
            answers.add(
                    answer(id, date, "ces", 5.0 + 0.6 * attitude + 1.0 * random.nextGaussian(), Scale.CES, channel));
            for (int a = 0; a < CSI_ATTRIBUTES.size(); a++) {
                double level = CSI_LEVELS[a] + 1.3 * attitude + 1.2 * random.nextGaussian();
                answers.add(answer(id, date, "csi:" + CSI_ATTRIBUTES.get(a), level, Scale.NPS, channel));
            }
        }
        return List.copyOf(answers);
    }

    /**
     * Generates loyalty-program events consistent with the purchases, as {@link #programEvents(PurchaseTable)} on
     * {@link #purchases()}.
     *
     * @return the events, by customer then date; the same for the same parameters
     */
    public List<ProgramEvent> programEvents() {
        return programEvents(purchases());
    }

    /**
     * Generates loyalty-program events for already generated purchases of this shop.
     *
     * <p>The model: a customer enrols (in bronze) at one of its first three purchases with a probability rising with
     * its number of purchases (9 % for a one-time buyer, up to 80 %), so about a third of the customers are members
     * and frequent buyers join more often; from its enrolment on it earns 1 point per whole currency unit of each
     * purchase, moves to silver at 500 and gold at 2,000 points earned, and after a purchase redeems some hundreds
     * of points with probability 35 % when it holds 200 or more (so the balance never goes negative); one member in
     * five refers a customer acquired after its enrolment (not referred by anyone else), a few days before that
     * customer's first purchase. The events come from their own seeded stream: the purchases and survey answers are
     * unchanged.
     *
     * <pre>{@code
     * SampleShop shop = SampleShop.standard();
     * PurchaseTable table = shop.purchases();
     * ProgramCalculator.points(shop.programEvents(table)).outstanding();
     * }</pre>
     *
     * @param table the purchases, {@link #purchases()} of this shop
     * @return the events, by customer then date; the same for the same parameters
     */
    public List<ProgramEvent> programEvents(PurchaseTable table) {
        return SampleProgram.events(seed, table, start.plusYears(years));
    }

    /**
     * Generates reviews consistent with the purchases: about one customer in five reviews, once or twice, a few
     * days after one of its purchases; frequent and still active customers rate higher, lapsed ones lower (the
     * attitude model of {@link #surveyResponses()}). Some reviews carry only a sentiment label. The reviews come from
     * their own seeded stream.
     *
     * <pre>{@code
     * List<Review> reviews = SampleShop.standard().reviews();
     * FeedbackCalculator.series(reviews, Granularity.QUARTER).trend();
     * }</pre>
     *
     * @return the reviews, by customer; the same for the same parameters
     */
    public List<Review> reviews() {
        return reviews(purchases());
    }

    /**
     * As {@link #reviews()}, from purchases already generated.
     *
     * @param table this shop's {@link #purchases()}
     * @return the reviews
     */
    public List<Review> reviews(PurchaseTable table) {
        return SampleFeedback.reviews(this, table);
    }

    /**
     * Generates monthly marketing spend: acquisition spend roughly proportional to the month's new customers (a CAC
     * of about 20..45, around 30) and a smaller retention spend proportional to the month's active customers. From its
     * own seeded stream.
     *
     * <pre>{@code
     * List<MarketingSpend> spend = SampleShop.standard().marketingSpend();
     * }</pre>
     *
     * @return the spends, month by month; the same for the same parameters
     */
    public List<MarketingSpend> marketingSpend() {
        return marketingSpend(purchases());
    }

    /**
     * As {@link #marketingSpend()}, from purchases already generated.
     *
     * @param table this shop's {@link #purchases()}
     * @return the spends
     */
    public List<MarketingSpend> marketingSpend(PurchaseTable table) {
        return SampleFeedback.marketingSpend(this, table);
    }

    /**
     * A customer's attitude, shared by the survey answers and the reviews: growing with the log of its number of
     * purchases, higher when it is still active (a purchase in the last 180 days before {@code endDay}) than when it
     * has lapsed, plus normal noise (one draw).
     */
    static double attitude(PurchaseTable table, int c, int endDay, SeededRandom random) {
        int count = table.endRow(c) - table.firstRow(c);
        boolean active = table.epochDay(table.endRow(c) - 1) >= endDay - 180;
        return 0.55 * Math.log(count) + (active ? 0.5 : -0.7) + 0.8 * random.nextGaussian();
    }

    private static SurveyResponse answer(
            CustomerId id, LocalDate date, String question, double level, Scale scale, String channel) {
        int score = (int) Math.max(scale.min(), Math.min(scale.max(), Math.round(level)));
        return SurveyResponse.of(id, date, question, score, scale).withSegment(channel);
    }

    private static int pickCategory(SeededRandom random) {
        double u = random.nextDouble();
        for (int k = 0; k < CATEGORY_POPULARITY.length - 1; k++) {
            u -= CATEGORY_POPULARITY[k];
            if (u < 0) {
                return k;
            }
        }
        return CATEGORY_POPULARITY.length - 1;
    }
}
