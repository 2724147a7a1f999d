package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.SpendKind;

class MarketingSpendCsvTest {

    private static List<MarketingSpend> read(String csv) {
        return MarketingSpendCsv.read(new StringReader(csv), "spend.csv", Delimiter.COMMA);
    }

    private static CsvFormatException error(String csv) {
        return catchThrowableOfType(CsvFormatException.class, () -> read(csv));
    }

    @Test
    void periodsAreIsoIntervalsOrMonthsQuartersYearsAndAnEmptyKindIsAcquisition() {
        List<MarketingSpend> spends = read("period,amount,kind\n"
                + "2024-01-01/2024-02-01,1800.00,acquisition\n"
                + "2024-03,350.5,Retention\n"
                + "2024-Q2,900,\n"
                + "2025,12000,other\n");
        assertThat(spends)
                .containsExactly(
                        MarketingSpend.acquisition(DateRange.month(2024, 1), new BigDecimal("1800.00")),
                        new MarketingSpend(DateRange.month(2024, 3), new BigDecimal("350.5"), SpendKind.RETENTION),
                        MarketingSpend.acquisition(DateRange.quarter(2024, 2), new BigDecimal("900")),
                        new MarketingSpend(DateRange.year(2025), new BigDecimal("12000"), SpendKind.OTHER));
    }

    @Test
    void withoutAKindColumnEverySpendIsAcquisition() {
        assertThat(read("amount,period\n10,2024-05\n"))
                .containsExactly(MarketingSpend.acquisition(DateRange.month(2024, 5), BigDecimal.TEN));
    }

    @Test
    void badRowsNameTheFileLineColumnAndValue() {
        assertThat(error("period,amount\n2024-13,10\n").getMessage())
                .startsWith("spend.csv:2: column 'period' (#1): '2024-13' is not a period");
        assertThat(error("period,amount\n2024-01,10\n2024-02,-5\n").getMessage())
                .isEqualTo("spend.csv:3: column 'amount' (#2): '-5' is negative; a spend is >= 0");
        assertThat(error("period,amount\n2024-01,1.000.0\n").value()).isEqualTo("1.000.0");
        assertThat(error("period,amount,kind\n2024-01,10,brand\n").getMessage())
                .isEqualTo("spend.csv:2: column 'kind' (#3): 'brand' is not a spend kind: acquisition, retention or"
                        + " other");
    }

    @Test
    void aMissingAmountColumnIsAnErrorNamingTheHeader() {
        assertThatThrownBy(() -> read("period,cost\n2024-01,10\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no amount column 'amount'");
    }

    @Test
    void anEmptyFileGivesNoSpends() {
        assertThat(read("")).isEmpty();
        assertThat(read("period,amount\n")).isEmpty();
    }

    @Test
    void readGivesBackWhatWriteWrites() {
        List<MarketingSpend> spends = SampleShop.standard().withCustomers(200).marketingSpend();
        StringWriter out = new StringWriter();
        MarketingSpendCsv.write(spends, out);
        assertThat(out.toString()).startsWith("period,amount,kind\n2023-01,");
        assertThat(read(out.toString())).isEqualTo(spends);
    }
}
