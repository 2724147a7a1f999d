package org.loyaltykpi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Tier;

/** Calibration of the sample shop's loyalty program: examples on the standard shop, not laws. */
class SampleProgramTest {

    @Test
    void aboutAThirdOfTheSampleShopsCustomersAreMembersAndFrequentBuyersJoinMoreOften() {
        SampleShop shop = SampleShop.standard();
        PurchaseTable table = shop.purchases();
        List<ProgramEvent> events = shop.programEvents(table);
        assertThat(events).isEqualTo(shop.programEvents());
        Set<CustomerId> members = events.stream().map(ProgramEvent::customer).collect(Collectors.toSet());
        assertThat((double) members.size() / table.customerCount()).isBetween(0.30, 0.40);
        long frequent = 0;
        long frequentMembers = 0;
        for (int c = 0; c < table.customerCount(); c++) {
            if (table.endRow(c) - table.firstRow(c) >= 10) {
                frequent++;
                frequentMembers += members.contains(table.customer(c)) ? 1 : 0;
            }
        }
        assertThat((double) frequentMembers / frequent).isGreaterThan(0.5);
        assertThat(events).anyMatch(e -> e.kind() == ProgramEvent.Kind.REFERRAL);
        assertThat(events).anyMatch(e -> e.tier().equals(Optional.of(Tier.GOLD)));
    }
}
