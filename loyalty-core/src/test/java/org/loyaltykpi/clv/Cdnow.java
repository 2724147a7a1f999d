package org.loyaltykpi.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.loyaltykpi.domain.PurchaseTable;

/** The CDNOW test files of {@code src/test/resources/cdnow} (see the README there for the source). */
final class Cdnow {
    static final LocalDate CALIBRATION_END = LocalDate.parse("1997-09-30");

    private Cdnow() {}

    static List<String[]> lines(String name) {
        InputStream in = Cdnow.class.getResourceAsStream("/cdnow/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /cdnow/" + name);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.strip().split(line.contains(",") ? "," : "\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** {@code cdnow_customers_summary.csv}: {@code ID,frequency,recency,T} in weeks, rounded to 2 decimals. */
    static BtydSummary summary() {
        BtydSummary.Builder builder = BtydSummary.builder(TimeScale.WEEKS);
        for (String[] f : lines("cdnow_customers_summary.csv").subList(1, 2358)) {
            builder.add(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), 0);
        }
        return builder.build();
    }

    /** {@code cdnow_customers_summary_with_transactions.csv}: {@code ID,x,t_x,T,zbar}. */
    static BtydSummary summaryWithSpend() {
        BtydSummary.Builder builder = BtydSummary.builder(TimeScale.WEEKS);
        for (String[] f : lines("cdnow_customers_summary_with_transactions.csv").subList(1, 2358)) {
            builder.add(
                    f[0],
                    Integer.parseInt(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]));
        }
        return builder.build();
    }

    /** {@code CDNOW_sample.txt} as a purchase table, customers by their sample id (column 2). */
    static PurchaseTable sample() {
        return purchases("CDNOW_sample.txt", 1, 2, 4, false);
    }

    /** {@code CDNOW_master.txt} as a purchase table. */
    static PurchaseTable master() {
        return purchases("CDNOW_master.txt", 0, 1, 3, true);
    }

    private static PurchaseTable purchases(String file, int idCol, int dateCol, int amountCol, boolean header) {
        DateTimeFormatter yyyyMMdd = DateTimeFormatter.BASIC_ISO_DATE;
        PurchaseTable.Builder builder = PurchaseTable.builder();
        List<String[]> rows = lines(file);
        for (String[] f : header ? rows.subList(1, rows.size()) : rows) {
            builder.add(
                    f[idCol],
                    Math.toIntExact(LocalDate.parse(f[dateCol], yyyyMMdd).toEpochDay()),
                    new BigDecimal(f[amountCol]).movePointRight(2).longValueExact(),
                    "",
                    1);
        }
        return builder.build();
    }
}
