package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.TimeScale;

/** {@code clv predict --period month} with a weekly model: lifetimes' monthly CLV of a weekly model. */
class ClvPeriodCommandTest {
    // The published CDNOW fits (Fader, Hardie and Lee 2005; Fader and Hardie's Gamma-Gamma note), in weeks.
    private static final BgNbdModel BG = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS);
    private static final GammaGammaModel GG = GammaGammaModel.of(6.25, 3.74, 15.44);

    @TempDir
    Path dir;

    private Path modelFile(String name, String model, String unit, String params) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(
                file,
                "{\"format\": \"loyalty-clv-model\", \"formatVersion\": 1, \"model\": \"" + model
                        + "\", \"timeUnit\": \""
                        + unit + "\", \"customers\": 2357, \"params\": {" + params + "}, \"standardErrors\": {},"
                        + " \"logLikelihood\": -9582.4, \"converged\": true, \"warnings\": [], \"iterations\": 20,"
                        + " \"penalizer\": 0, \"covariance\": null, \"covariates\": [],"
                        + " \"calibration\": {\"source\": \"hand\", \"calibrationEnd\": null, \"periodLength\": null}}");
        return file;
    }

    /**
     * lifetimes' {@code customer_lifetime_value(model, x, t_x, T, zbar, time=12, discount_rate=0.01, freq="W")}: for
     * month k = 1..12, {@code zbar_gg * (E[Y(k m)] - E[Y((k - 1) m)]) / (1 + d)^k}, m the weeks of a month; lifetimes
     * takes m = 4.345, this library a twelfth of 365.25 days, 4.348 weeks.
     */
    private static double byHand(int x, double tx, double t, double zbar, double weeksPerMonth) {
        double clv = 0;
        for (int k = 1; k <= 12; k++) {
            double increment = BG.expectedPurchases(k * weeksPerMonth, x, tx, t)
                    - BG.expectedPurchases((k - 1) * weeksPerMonth, x, tx, t);
            clv += GG.expectedAverageSpend(x, zbar) * increment / Math.pow(1.01, k);
        }
        return clv;
    }

    @Test
    void aMonthlyClvOfAWeeklyModelCountsTheHorizonAndTheDiscountInMonths() throws IOException {
        Path bg = modelFile("bg.json", "bg-nbd", "WEEKS", "\"r\": 0.243, \"alpha\": 4.414, \"a\": 0.793, \"b\": 2.426");
        Path gg = modelFile("gg.json", "gamma-gamma", "WEEKS", "\"p\": 6.25, \"q\": 3.74, \"gamma\": 15.44");
        Path summary = dir.resolve("summary.csv");
        Files.writeString(
                summary,
                "customer_id,frequency,recency,T,monetary_value\n1,2,30.43,38.86,22.35\n2,1,1.71,38.86,11.77\n"
                        + "3,0,0,38.86,0\n4,14,36.0,38.86,44.0\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model-file",
                bg.toString(),
                "--spend-model-file",
                gg.toString(),
                "--summary",
                summary.toString(),
                "--period",
                "month",
                "--horizon",
                "12",
                "--discount-rate",
                "0.01");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).isEqualTo("customer_id,p_alive,expected_purchases,expected_spend,clv");
        double weeksPerMonth = 365.25 / 12 / 7;
        double[][] customers = {{2, 30.43, 38.86, 22.35}, {1, 1.71, 38.86, 11.77}, {0, 0, 38.86, 0}, {14, 36, 38.86, 44}
        };
        for (int i = 0; i < customers.length; i++) {
            double[] c = customers[i];
            String[] f = lines[i + 1].split(",");
            double expected = byHand((int) c[0], c[1], c[2], c[3], weeksPerMonth);
            // the CSV has the full precision of a double
            assertThat(Double.parseDouble(f[4])).as(lines[i + 1]).isCloseTo(expected, within(1e-9));
            assertThat(Double.parseDouble(f[2]))
                    .isCloseTo(BG.expectedPurchases(12 * weeksPerMonth, (int) c[0], c[1], c[2]), within(1e-12));
            // lifetimes' 4.345 weeks per month gives a CLV within 0.1% of this one
            double lifetimes = byHand((int) c[0], c[1], c[2], c[3], 4.345);
            assertThat(Math.abs(expected - lifetimes)).isLessThanOrEqualTo(1e-3 * lifetimes);
        }
        LoyaltyCliTest.Run weekly = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model-file",
                bg.toString(),
                "--spend-model-file",
                gg.toString(),
                "--summary",
                summary.toString(),
                "--horizon",
                "12",
                "--discount-rate",
                "0.01");
        assertThat(weekly.exitCode()).as(weekly.err()).isZero();
        assertThat(weekly.out()).isNotEqualTo(run.out());
    }

    @Test
    void aModelFileWithTheTimeUnitInUpperCaseAsWrittenBeforePredictsWhatTheLowerCaseOneDoes() throws IOException {
        String params = "\"r\": 0.243, \"alpha\": 4.414, \"a\": 0.793, \"b\": 2.426";
        Path before = modelFile("before.json", "bg-nbd", "WEEKS", params);
        Path now = modelFile("now.json", "bg-nbd", "weeks", params);
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, "customer_id,frequency,recency,T\n1,2,30.43,38.86\n2,0,0,38.86\n");
        LoyaltyCliTest.Run old = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model-file",
                before.toString(),
                "--summary",
                summary.toString(),
                "--horizon",
                "4",
                "--no-spend");
        LoyaltyCliTest.Run current = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model-file",
                now.toString(),
                "--summary",
                summary.toString(),
                "--horizon",
                "4",
                "--no-spend");
        assertThat(old.exitCode()).as(old.err()).isZero();
        assertThat(current.exitCode()).as(current.err()).isZero();
        assertThat(old.out()).isEqualTo(current.out()).startsWith("customer_id,p_alive,expected_purchases\n1,");
    }
}
