package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;

class BgBbSummaryTest {
    private static final LocalDate END = LocalDate.parse("2024-03-31");

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    @Nested
    class Definitions {
        @Test
        void aCustomerIsCountedInWholeCalendarPeriodsAfterItsFirstOne() {
            PurchaseTable table = PurchaseTable.builder()
                    // a: born in January; February empty; March active -> n = 2, x = 1, t_x = 2
                    .add("a", day("2024-01-05"), 100, "", 1)
                    .add("a", day("2024-01-20"), 100, "", 1)
                    .add("a", day("2024-03-02"), 100, "", 1)
                    // b: born in February; two purchases in March are one transaction -> n = 1, x = 1, t_x = 1
                    .add("b", day("2024-02-10"), 100, "", 1)
                    .add("b", day("2024-03-01"), 100, "", 1)
                    .add("b", day("2024-03-15"), 100, "", 1)
                    // c: born in March, the last period: no opportunity yet
                    .add("c", day("2024-03-10"), 100, "", 1)
                    // d: born after the calibration end; e: a purchase after it is not read
                    .add("d", day("2024-04-01"), 100, "", 1)
                    .add("e", day("2024-01-31"), 100, "", 1)
                    .add("e", day("2024-04-02"), 100, "", 1)
                    .build();
            BgBbSummary s = BgBbSummary.of(table, END, Granularity.MONTH);
            assertThat(s.size()).isEqualTo(3);
            assertThat(s.customer(0)).contains(new CustomerId("a"));
            assertThat(List.of(s.frequency(0), s.recency(0), s.periods(0))).containsExactly(1, 2, 2);
            assertThat(List.of(s.frequency(1), s.recency(1), s.periods(1))).containsExactly(1, 1, 1);
            assertThat(s.customer(2)).contains(new CustomerId("e"));
            assertThat(List.of(s.frequency(2), s.recency(2), s.periods(2))).containsExactly(0, 0, 2);
            assertThat(s.withoutOpportunity()).isEqualTo(1);
            assertThat(s.patterns())
                    .containsExactly(
                            new BgBbModel.Row(1, 2, 2, 1),
                            new BgBbModel.Row(1, 1, 1, 1),
                            new BgBbModel.Row(0, 0, 2, 1));
            assertThat(s)
                    .hasToString("BgBbSummary[3 customers in 3 rows, 2 with repeat transactions, period MONTH,"
                            + " calibration end 2024-03-31, 1 without an opportunity yet]");
        }

        @Test
        void theCalibrationEndMustCloseAPeriodSoThatEveryOpportunityIsWhole() {
            PurchaseTable table = PurchaseTable.builder()
                    .add("a", day("2024-01-05"), 1, "", 1)
                    .build();
            assertThatThrownBy(() -> BgBbSummary.of(table, LocalDate.parse("2024-03-30"), Granularity.MONTH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("calibration end 2024-03-30 is not the last day of a month (one transaction"
                            + " opportunity per month): use 2024-02-29 or 2024-03-31");
        }
    }

    @Nested
    class Invariants {
        @Test
        void everyRowIsAValidPatternAndEveryCustomerUpToTheEndIsCountedOnce() {
            qt().withFixedSeed(1401L)
                    .forAll(lists().of(integers().between(0, 9_999_999)).ofSizeBetween(1, 80))
                    .checkAssert(codes -> {
                        PurchaseTable.Builder b = PurchaseTable.builder();
                        int base = (int) END.minusDays(400).toEpochDay();
                        for (int code : codes) {
                            b.add("c" + code % 13, base + (code / 13) % 430, 100, "", 1);
                        }
                        PurchaseTable table = b.build();
                        BgBbSummary s = BgBbSummary.of(table, END, Granularity.MONTH);
                        long born = 0;
                        for (int c = 0; c < table.customerCount(); c++) {
                            born += table.epochDay(table.firstRow(c)) <= END.toEpochDay() ? 1 : 0;
                        }
                        assertThat((long) s.customers() + s.withoutOpportunity())
                                .isEqualTo(born);
                        for (int i = 0; i < s.size(); i++) {
                            // the Row constructor checks 0 <= x <= t_x <= n, t_x = 0 iff x = 0
                            new BgBbModel.Row(s.frequency(i), s.recency(i), s.periods(i), s.weight(i));
                        }
                        double patterns = s.patterns().stream()
                                .mapToDouble(BgBbModel.Row::weight)
                                .sum();
                        assertThat(patterns).isEqualTo(s.customers());
                    });
        }
    }

    @Nested
    class SummaryFiles {
        @TempDir
        Path dir;

        @Test
        void theDonationsFileReadsAsTheWeightedPatternsThePaperFits() throws IOException {
            Path file = dir.resolve("donations.csv");
            try (var in = BgBbSummaryTest.class.getResourceAsStream("/donations/donations.csv")) {
                Files.write(file, in.readAllBytes());
            }
            BgBbSummary s = SummaryCsv.readBgBb(file);
            assertThat(s.hasCustomers()).isFalse();
            assertThat(s.customers()).isEqualTo(11_104);
            assertThat(s.patterns()).isEqualTo(BgBbModelTest.donations());
        }

        @Test
        void aSummaryFileWithIdsKeepsItsCustomersAndLifetimesFloats() throws IOException {
            Path file = dir.resolve("s.csv");
            Files.writeString(
                    file,
                    "customer_id,frequency,recency,T,monetary_value\n\"a,1\",2.0,30.43,38.86,22.35\n"
                            + "b,0.0,0.0,38.86,0.0\n");
            BtydSummary s = SummaryCsv.read(file, TimeScale.WEEKS);
            assertThat(s.size()).isEqualTo(2);
            assertThat(s.row(0)).isEqualTo(new BtydCustomer(new CustomerId("a,1"), 2, 30.43, 38.86, 22.35));
            assertThat(s.row(1)).isEqualTo(new BtydCustomer(new CustomerId("b"), 0, 0, 38.86, 0));
        }

        @Test
        void aBadFieldIsNamedByFileLineColumnAndValue() throws IOException {
            Path file = dir.resolve("s.csv");
            Files.writeString(file, "customer_id,frequency,recency,T\na,1.5,2,3\n");
            assertThatThrownBy(() -> SummaryCsv.read(file, TimeScale.WEEKS))
                    .hasMessage(file + ":2: column 'frequency' (#2): '1.5' must be a whole number >= 0");
            Files.writeString(file, "customer_id,frequency,recency,T\na,1,2,NaN\n");
            assertThatThrownBy(() -> SummaryCsv.read(file, TimeScale.WEEKS))
                    .hasMessage(file + ":2: column 'T' (#4): 'NaN' is not a finite number");
            Files.writeString(file, "customer_id,frequency,recency,T\na,1,5,3\n");
            assertThatThrownBy(() -> SummaryCsv.read(file, TimeScale.WEEKS))
                    .hasMessage(file + ":2: column 'T' (#4): '3' must be >= recency 5");
            Files.writeString(file, "frequency,recency,periods\n1,1,6\n");
            assertThatThrownBy(() -> SummaryCsv.readBgBb(file))
                    .hasMessageStartingWith(file + ":1: no column 'customer_id' (or 'id') and no column 'weights'");
        }

        @Test
        void aMessageShowsControlCharactersInValuesAndColumnNamesEscapedOnOneLine() throws IOException {
            Path file = dir.resolve("s.csv");
            Files.writeString(file, "customer_id,frequency,recency,T,x\u0000y\na,\"1\t\u0007\",2,3,0\n");
            assertThatThrownBy(() -> SummaryCsv.read(file, TimeScale.WEEKS))
                    .hasMessage(file + ":2: column 'frequency' (#2): '1\\t\\u0007' must be a whole number >= 0");
            Files.writeString(file, "id\u0000,frequency,recency\n1,0,0\n");
            assertThatThrownBy(() -> SummaryCsv.read(file, TimeScale.WEEKS))
                    .hasMessageContaining("the header is [id\\u0000, frequency, recency]")
                    .message()
                    .doesNotContain("\u0000");
        }
    }
}
