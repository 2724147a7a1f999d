package org.loyaltykpi.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * What a report is computed from: the purchases, and each optional input when the shop has it. An absent input
 * leaves its section unavailable (with a note); an empty one is data with nothing in it.
 *
 * <pre>{@code
 * ReportInputs in = ReportInputs.of(table).withAnswers(answers).withReviews(reviews);
 * }</pre>
 *
 * @param purchases the purchases
 * @param answers survey answers, if any
 * @param reviews reviews, if any
 * @param spend marketing spend, if any
 * @param events loyalty-program events, if any
 */
public record ReportInputs(
        PurchaseTable purchases,
        Optional<List<SurveyResponse>> answers,
        Optional<List<Review>> reviews,
        Optional<List<MarketingSpend>> spend,
        Optional<List<ProgramEvent>> events) {

    /** Copies the lists. */
    public ReportInputs {
        Objects.requireNonNull(purchases, "purchases must not be null");
        answers = answers.map(List::copyOf);
        reviews = reviews.map(List::copyOf);
        spend = spend.map(List::copyOf);
        events = events.map(List::copyOf);
    }

    /**
     * Purchases only.
     *
     * @param purchases the purchases
     * @return the inputs
     */
    public static ReportInputs of(PurchaseTable purchases) {
        return new ReportInputs(purchases, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * These inputs with survey answers.
     *
     * @param list the answers
     * @return the inputs
     */
    public ReportInputs withAnswers(List<SurveyResponse> list) {
        return new ReportInputs(purchases, Optional.of(list), reviews, spend, events);
    }

    /**
     * These inputs with reviews.
     *
     * @param list the reviews
     * @return the inputs
     */
    public ReportInputs withReviews(List<Review> list) {
        return new ReportInputs(purchases, answers, Optional.of(list), spend, events);
    }

    /**
     * These inputs with marketing spend.
     *
     * @param list the spend
     * @return the inputs
     */
    public ReportInputs withSpend(List<MarketingSpend> list) {
        return new ReportInputs(purchases, answers, reviews, Optional.of(list), events);
    }

    /**
     * These inputs with loyalty-program events.
     *
     * @param list the events
     * @return the inputs
     */
    public ReportInputs withEvents(List<ProgramEvent> list) {
        return new ReportInputs(purchases, answers, reviews, spend, Optional.of(list));
    }

    @Override
    public String toString() {
        return "ReportInputs[" + purchases.size() + " purchases, answers " + size(answers) + ", reviews "
                + size(reviews) + ", spend " + size(spend) + ", events " + size(events) + "]";
    }

    private static String size(Optional<? extends List<?>> list) {
        return list.map(l -> String.valueOf(l.size())).orElse("none");
    }
}
