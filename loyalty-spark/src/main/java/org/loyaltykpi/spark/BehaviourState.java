package org.loyaltykpi.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.retention.PurchaseBehaviour;

/** A {@link PurchaseBehaviour}'s components as plain serializable values, to ship from executors to the driver. */
final class BehaviourState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LocalDate start;
    private final LocalDate end;
    private final LocalDate previousStart;
    private final LocalDate previousEnd;
    private final long[] counts;
    private final BigDecimal revenue;
    private final BigDecimal newCustomerRevenue;

    private BehaviourState(PurchaseBehaviour b) {
        start = b.period().start();
        end = b.period().endExclusive();
        previousStart = b.previousPeriod().start();
        previousEnd = b.previousPeriod().endExclusive();
        counts = new long[] {
            b.customersAtStart(),
            b.activeCustomers(),
            b.newCustomers(),
            b.retainedCustomers(),
            b.repeatCustomers(),
            b.categorizedCustomers(),
            b.multiCategoryCustomers(),
            b.purchases(),
            b.newCustomerPurchases()
        };
        revenue = b.revenue();
        newCustomerRevenue = b.newCustomerRevenue();
    }

    static BehaviourState of(PurchaseBehaviour behaviour) {
        return new BehaviourState(behaviour);
    }

    PurchaseBehaviour behaviour() {
        return new PurchaseBehaviour(
                DateRange.of(start, end),
                DateRange.of(previousStart, previousEnd),
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                counts[5],
                counts[6],
                counts[7],
                counts[8],
                revenue,
                newCustomerRevenue);
    }
}
