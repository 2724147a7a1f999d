package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.Tier;

class ProgramEventCsvTest {

    private static List<ProgramEvent> read(String text) {
        return ProgramEventCsv.read(new StringReader(text), "events.csv");
    }

    @Test
    void readsEveryKindWithEmptyCellsWhereAFieldDoesNotApply() {
        List<ProgramEvent> events = read(String.join(
                "\n",
                "customer_id,date,event,points,tier,referred_customer_id",
                "C1,2025-03-04,enrol,,bronze,",
                "C1,2025-03-04,earn,42,,",
                "C1,2025-03-09,REDEEM,20,,",
                "C1,2025-04-01,tier_change,,Silver,",
                "C1,2025-05-10,referral,,,C9",
                ""));
        CustomerId c1 = CustomerId.of("C1");
        assertThat(events)
                .containsExactly(
                        ProgramEvent.enrol(c1, LocalDate.of(2025, 3, 4), Tier.BRONZE),
                        ProgramEvent.earn(c1, LocalDate.of(2025, 3, 4), 42),
                        ProgramEvent.redeem(c1, LocalDate.of(2025, 3, 9), 20),
                        ProgramEvent.tierChange(c1, LocalDate.of(2025, 4, 1), Tier.SILVER),
                        ProgramEvent.referral(c1, LocalDate.of(2025, 5, 10), CustomerId.of("C9")));
    }

    @Test
    void anEmptyFileOrAHeaderAloneGivesNoEvents() {
        assertThat(read("")).isEmpty();
        assertThat(read("customer_id,date,event\n")).isEmpty();
    }

    @Test
    void anUnknownEventKindNamesFileLineColumnAndValue() {
        assertThatThrownBy(() -> read("customer_id,date,event,points\nC1,2025-01-01,enrol,\nC1,2025-01-02,join,\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("events.csv:3: column 'event' (#3): 'join' is not a program event: enrol, earn, redeem,"
                        + " tier_change or referral");
    }

    @Test
    void badPointsTiersAndReferralsNameTheirColumn() {
        String header = "customer_id,date,event,points,tier,referred_customer_id\n";
        assertThatThrownBy(() -> read(header + "C1,2025-01-01,earn,-3,,\n"))
                .hasMessage("events.csv:2: column 'points' (#4): '-3' is not a whole number of points > 0 for a earn");
        assertThatThrownBy(() -> read(header + "C1,2025-01-01,tier_change,,diamond,\n"))
                .hasMessageContaining("column 'tier' (#5): 'diamond' is not a tier");
        assertThatThrownBy(() -> read(header + "C1,2025-01-01,tier_change,,,\n"))
                .hasMessageContaining("events.csv:2: column 'tier' (#5): '' is not a tier");
        assertThatThrownBy(() -> read(header + "C1,2025-01-01,referral,,,\n"))
                .hasMessageContaining("column 'referred_customer_id' (#6): '' is not a customer id");
        assertThatThrownBy(() -> read(header + "C1,2025-01-01,referral,,,C1\n"))
                .hasMessageContaining("'C1' is the referring customer itself");
        assertThatThrownBy(() -> read("customer_id,date,event\nC1,2025-01-01,earn\n"))
                .hasMessageContaining("events.csv:2: '' is not a whole number of points")
                .hasMessageContaining("no 'points' column");
        assertThatThrownBy(() -> read(header + "C1,2025-02-30,enrol,,,\n"))
                .hasMessageContaining("column 'date' (#2): '2025-02-30'");
    }

    @Test
    void writingThenReadingGivesTheSameEvents() {
        List<ProgramEvent> events = SampleShop.standard().withCustomers(200).programEvents();
        StringWriter out = new StringWriter();
        ProgramEventCsv.write(events, out);
        assertThat(read(out.toString())).isEqualTo(events);
    }
}
