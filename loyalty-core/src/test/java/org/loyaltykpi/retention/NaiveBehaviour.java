package org.loyaltykpi.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Purchase;

/**
 * The reference model of {@link PurchaseBehaviour}: the definitions written out plainly with maps and sets over a
 * list of purchases, with no cleverness, so that a reader can check it against the javadoc line by line.
 */
final class NaiveBehaviour {

    private NaiveBehaviour() {}

    static PurchaseBehaviour of(List<Purchase> purchases, DateRange previousPeriod, DateRange period) {
        Map<CustomerId, LocalDate> firstPurchase = new HashMap<>();
        for (Purchase p : purchases) {
            firstPurchase.merge(p.customer(), p.date(), (a, b) -> a.isBefore(b) ? a : b);
        }

        Set<CustomerId> activeBefore = new HashSet<>();
        for (Purchase p : purchases) {
            if (previousPeriod.contains(p.date())) {
                activeBefore.add(p.customer());
            }
        }

        Set<CustomerId> active = new HashSet<>();
        Map<CustomerId, Set<LocalDate>> days = new HashMap<>();
        Map<CustomerId, Set<String>> categories = new HashMap<>();
        long purchaseCount = 0;
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        for (Purchase p : purchases) {
            if (period.contains(p.date())) {
                active.add(p.customer());
                days.computeIfAbsent(p.customer(), c -> new HashSet<>()).add(p.date());
                if (p.category().isPresent()) {
                    categories
                            .computeIfAbsent(p.customer(), c -> new HashSet<>())
                            .add(p.category().get());
                }
                purchaseCount++;
                revenue = revenue.add(p.amount());
            }
        }

        Set<CustomerId> fresh = new HashSet<>();
        for (CustomerId c : active) {
            if (period.contains(firstPurchase.get(c))) {
                fresh.add(c);
            }
        }
        long newPurchases = 0;
        BigDecimal newRevenue = BigDecimal.ZERO.setScale(2);
        for (Purchase p : purchases) {
            if (period.contains(p.date()) && fresh.contains(p.customer())) {
                newPurchases++;
                newRevenue = newRevenue.add(p.amount());
            }
        }

        long retained = active.stream().filter(activeBefore::contains).count();
        long repeat = days.values().stream().filter(d -> d.size() >= 2).count();
        long categorized = categories.size();
        long multiCategory =
                categories.values().stream().filter(k -> k.size() >= 2).count();

        return new PurchaseBehaviour(
                period,
                previousPeriod,
                activeBefore.size(),
                active.size(),
                fresh.size(),
                retained,
                repeat,
                categorized,
                multiCategory,
                purchaseCount,
                newPurchases,
                revenue,
                newRevenue);
    }
}
