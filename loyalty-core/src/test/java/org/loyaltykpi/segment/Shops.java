package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.domain.SurveyResponse;

/** Short constructors for the hand-made shops of the segment tests. */
final class Shops {
    private Shops() {}

    static Purchase buy(String customer, String date, String amount) {
        return Purchase.of(customer, date, amount);
    }

    static SurveyResponse nps(String customer, String date, int score) {
        return SurveyResponse.of(CustomerId.of(customer), LocalDate.parse(date), "nps", score, Scale.NPS);
    }

    static SurveyResponse csat(String customer, String date, int score) {
        return SurveyResponse.of(CustomerId.of(customer), LocalDate.parse(date), "csat", score, Scale.CSAT);
    }

    static SurveyResponse ces(String customer, String date, int score) {
        return SurveyResponse.of(CustomerId.of(customer), LocalDate.parse(date), "ces", score, Scale.CES);
    }

    static Review review(String customer, String date, Sentiment sentiment) {
        return Review.ofSentiment(CustomerId.of(customer), LocalDate.parse(date), sentiment);
    }

    /** Rows by customer id value. */
    static <T> Map<String, T> byId(List<T> rows, Function<T, CustomerId> id) {
        return rows.stream().collect(Collectors.toMap(r -> id.apply(r).value(), r -> r));
    }
}
