package org.loyaltykpi.segment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.QuestionKind;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * The survey answers and reviews of customers, by id: the day each was first in contact (any answer or review: a
 * prospect), and, for loyalty levels, the winning attitude signal before the as-of day.
 *
 * <p>The winning signal is the one on the latest day; on a tie the NPS answer wins over the CSAT answer, which wins
 * over a review (NPS asks about loyalty itself, CSAT about one experience); among answers of the same kind on the same
 * day the lowest attitude wins, and of a customer's reviews the latest counts ({@link Review#latest}, the rule of
 * {@code FeedbackCalculator.latestSentiment}), so the result never depends on input order. Only the winner is kept.
 */
final class Signals {
    /** Source priority on a tie, higher wins. */
    private static final int REVIEW = 0;

    private static final int CSAT = 1;
    private static final int NPS = 2;

    /** One customer's contacts. */
    static final class Customer {
        int firstContact = Integer.MAX_VALUE;
        /** The winning signal before the as-of day so far: day, source, attitude ordinal; null if none. */
        private int[] winner;
        /** The latest review before the as-of day so far. */
        private Review latestReview;

        /** The winning attitude before the as-of day, or null. */
        Attitude attitude() {
            int[] best = winner;
            if (latestReview != null) {
                int[] review = {
                    Rows.day(latestReview.date()),
                    REVIEW,
                    Attitude.of(latestReview).ordinal()
                };
                best = best == null || wins(review, best) ? review : best;
            }
            return best == null ? null : Attitude.values()[best[2]];
        }

        private void offer(int[] signal) {
            if (winner == null || wins(signal, winner)) {
                winner = signal;
            }
        }

        private static boolean wins(int[] a, int[] b) {
            if (a[0] != b[0]) {
                return a[0] > b[0];
            }
            if (a[1] != b[1]) {
                return a[1] > b[1];
            }
            return a[2] < b[2];
        }
    }

    private final TreeMap<String, Customer> byId = new TreeMap<>();

    private Signals() {}

    /**
     * The contacts and each customer's winning attitude strictly before a day (loyalty levels). Every answer's
     * attitude is checked (an NPS answer off 0..10 is an error), whatever its day.
     */
    static Signals of(List<SurveyResponse> responses, List<Review> reviews, Attitude passive, int beforeDay) {
        Signals signals = new Signals();
        for (SurveyResponse r : responses) {
            int day = Rows.day(r.date());
            Customer c = signals.customer(r.respondent().value(), day);
            Optional<Attitude> attitude = Attitude.of(r, passive);
            if (day < beforeDay) {
                int source = r.kind().orElseThrow() == QuestionKind.NPS ? NPS : CSAT;
                attitude.ifPresent(a -> c.offer(new int[] {day, source, a.ordinal()}));
            }
        }
        for (Review r : reviews) {
            int day = Rows.day(r.date());
            Customer c = signals.customer(r.customer().value(), day);
            if (day < beforeDay) {
                c.latestReview = c.latestReview == null ? r : Review.latest(c.latestReview, r);
            }
        }
        return signals;
    }

    /** The contacts only: each customer's first answer or review day (lifecycle prospects); no attitude is read. */
    static Signals contacts(List<SurveyResponse> responses, List<Review> reviews) {
        Signals signals = new Signals();
        for (SurveyResponse r : responses) {
            signals.customer(r.respondent().value(), Rows.day(r.date()));
        }
        for (Review r : reviews) {
            signals.customer(r.customer().value(), Rows.day(r.date()));
        }
        return signals;
    }

    private Customer customer(String id, int day) {
        Customer c = byId.computeIfAbsent(id, k -> new Customer());
        c.firstContact = Math.min(c.firstContact, day);
        return c;
    }

    /** Visits one customer of the union of the table's customers and these, with either side absent. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param id the customer id
         * @param tableIndex its index in the table, or -1 if it has no purchase
         * @param contacts its contacts, or null if it has none
         */
        void visit(String id, int tableIndex, Customer contacts);
    }

    /**
     * The contacts of each table customer, by table index (null: none), for scans over ranges of the table; the
     * customers with contacts but no purchase go to {@code outside}, in id order.
     */
    Customer[] byTableIndex(PurchaseTable table, java.util.List<Customer> outside) {
        Customer[] byIndex = new Customer[table.customerCount()];
        for (Map.Entry<String, Customer> e : byId.entrySet()) {
            java.util.OptionalInt c = table.indexOf(new org.loyaltykpi.domain.CustomerId(e.getKey()));
            if (c.isPresent()) {
                byIndex[c.getAsInt()] = e.getValue();
            } else {
                outside.add(e.getValue());
            }
        }
        return byIndex;
    }

    /** Visits the union of the table's customers and the customers with contacts, in id order. */
    void forEachCustomer(PurchaseTable table, Visitor visitor) {
        java.util.Iterator<Map.Entry<String, Customer>> contacts =
                byId.entrySet().iterator();
        Map.Entry<String, Customer> next = contacts.hasNext() ? contacts.next() : null;
        for (int c = 0; c < table.customerCount(); c++) {
            String id = table.customer(c).value();
            while (next != null && next.getKey().compareTo(id) < 0) {
                visitor.visit(next.getKey(), -1, next.getValue());
                next = contacts.hasNext() ? contacts.next() : null;
            }
            Customer mine = null;
            if (next != null && next.getKey().equals(id)) {
                mine = next.getValue();
                next = contacts.hasNext() ? contacts.next() : null;
            }
            visitor.visit(id, c, mine);
        }
        while (next != null) {
            visitor.visit(next.getKey(), -1, next.getValue());
            next = contacts.hasNext() ? contacts.next() : null;
        }
    }
}
