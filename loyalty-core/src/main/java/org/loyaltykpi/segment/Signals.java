package org.loyaltykpi.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * The survey answers and reviews of customers, by id: the day each was first in contact (any answer or review: a
 * prospect), and the attitude signals (NPS, CSAT, reviews) with their days.
 *
 * <p>The latest attitude before a day: the signal on the latest day; on a tie the NPS answer wins over the CSAT answer,
 * which wins over a review (NPS asks about loyalty itself, CSAT about one experience); among signals of the same kind
 * on the same day the lowest attitude wins, so the result never depends on input order.
 */
final class Signals {
    /** Source priority on a tie, higher wins. */
    private static final int REVIEW = 0;

    private static final int CSAT = 1;
    private static final int NPS = 2;

    /** One customer's contacts. */
    static final class Customer {
        int firstContact = Integer.MAX_VALUE;
        final List<int[]> attitudes = new ArrayList<>(2);

        /** The latest attitude strictly before {@code day}, or null. */
        Attitude attitudeBefore(int day) {
            int[] best = null;
            for (int[] a : attitudes) {
                if (a[0] < day && (best == null || wins(a, best))) {
                    best = a;
                }
            }
            return best == null ? null : Attitude.values()[best[2]];
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

    static Signals of(List<SurveyResponse> responses, List<Review> reviews, Attitude passive) {
        Signals signals = new Signals();
        for (SurveyResponse r : responses) {
            int day = Rows.day(r.date());
            Customer c = signals.customer(r.respondent().value(), day);
            Attitude.of(r, passive)
                    .ifPresent(a -> c.attitudes.add(new int[] {
                        day, r.kind().orElseThrow() == org.loyaltykpi.domain.QuestionKind.NPS ? NPS : CSAT, a.ordinal()
                    }));
        }
        for (Review r : reviews) {
            int day = Rows.day(r.date());
            signals.customer(r.customer().value(), day)
                    .attitudes
                    .add(new int[] {day, REVIEW, Attitude.of(r).ordinal()});
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
