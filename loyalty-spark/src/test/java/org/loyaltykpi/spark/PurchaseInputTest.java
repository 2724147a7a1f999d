package org.loyaltykpi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.domain.Granularity;

/** Purchases from a frame follow the core's input rules; a bad row is an error naming the column and the value. */
class PurchaseInputTest {
    private static final StructType STRINGS = new StructType()
            .add("customer_id", DataTypes.StringType, true)
            .add("date", DataTypes.StringType, true)
            .add("amount", DataTypes.StringType, true);

    private static Dataset<Row> frame(String[]... rows) {
        return LocalSpark.session()
                .createDataFrame(
                        Arrays.stream(rows)
                                .map(r -> RowFactory.create((Object[]) r))
                                .toList(),
                        STRINGS);
    }

    private static CohortMatrix cohorts(Dataset<Row> frame) {
        return SparkLoyalty.cohortMatrix(SparkPurchases.from(frame, PurchaseColumns.defaults(), 2), Granularity.MONTH);
    }

    @Nested
    class Definitions {
        @Test
        void aNullCustomerIsAnErrorNamingTheColumn() {
            assertThatThrownBy(() -> cohorts(
                            frame(new String[] {"c1", "2024-01-05", "10"}, new String[] {null, "2024-01-06", "5"})))
                    .isInstanceOf(PurchaseInputException.class)
                    .hasMessage("input: column customer_id: '' is missing (null customer id)");
        }

        @Test
        void anUnparseableDateIsAnErrorNamingTheColumnValueAndPattern() {
            assertThatThrownBy(() -> cohorts(frame(new String[] {"c1", "2024-13-45", "10"})))
                    .isInstanceOf(PurchaseInputException.class)
                    .hasMessage("input: column date: '2024-13-45' is not a date of pattern yyyy-MM-dd");
        }

        @Test
        void aNegativeAmountIsARefundAndAnError() {
            assertThatThrownBy(() -> cohorts(frame(new String[] {"c1", "2024-01-05", "-3.50"})))
                    .isInstanceOf(PurchaseInputException.class)
                    .hasMessage("input: column amount: '-3.50' is negative; refunds are not purchases");
        }

        @Test
        void anAmountWithMoreDecimalPlacesThanTheScaleIsAnError() {
            assertThatThrownBy(() -> cohorts(frame(new String[] {"c1", "2024-01-05", "1.005"})))
                    .isInstanceOf(PurchaseInputException.class)
                    .hasMessage("input: column amount: '1.005' has more than 2 decimal places; raise the amount"
                            + " scale to keep it exact");
        }

        @Test
        void aMissingColumnFailsBeforeAnyJobNamingTheColumnsThereAre() {
            assertThatThrownBy(() -> SparkPurchases.from(
                            frame(new String[] {"c1", "2024-01-05", "1"}),
                            PurchaseColumns.defaults().withAmount("total")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no amount column 'total': the frame has customer_id, date, amount, "
                            + "__loyalty_source_file");
        }
    }

    @Nested
    class Invariants {
        @Test
        void datesTimestampsAndIsoDateTimesGiveTheSameDay() {
            Dataset<Row> typed = LocalSpark.session()
                    .sql("SELECT * FROM VALUES ('a', DATE'2024-01-31', 10.5BD), ('b', DATE'2024-02-01', 3BD)"
                            + " AS t(customer_id, date, amount)");
            Dataset<Row> stamped = LocalSpark.session()
                    .sql("SELECT * FROM VALUES ('a', TIMESTAMP'2024-01-31 23:30:00', 10.5D),"
                            + " ('b', TIMESTAMP'2024-02-01 00:10:00', 3D) AS t(customer_id, date, amount)");
            CohortMatrix expected = cohorts(
                    frame(new String[] {"a", "2024-01-31", "10.50"}, new String[] {"b", "2024-02-01T00:10:00Z", "3"}));
            assertThat(cohorts(typed)).isEqualTo(expected);
            assertThat(cohorts(stamped)).isEqualTo(expected);
            assertThat(expected.size(0)).isEqualTo(1);
            assertThat(List.of(expected.cohortCount())).containsExactly(2);
        }
    }
}
