package org.loyaltykpi.io;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Generators of hostile input files for the readers' property tests: random bytes, valid-looking rows with one field
 * mutated to a hostile value, and rows of extreme numbers and dates. Shared with the command line's hostile suite.
 */
public final class HostileInputs {
    private HostileInputs() {}

    /** Values a field may be mutated to: signs, other scripts' digits, white space, quotes, bad bytes, extremes. */
    public static final List<byte[]> MUTATIONS = List.of(
            bytes(""),
            bytes("+5"),
            bytes("+5.00"),
            bytes("-1"),
            bytes("-0.00"),
            bytes("1e5"),
            bytes("NaN"),
            bytes("Infinity"),
            bytes("0x10"),
            bytes("\u0662"),
            bytes("\u2003a"),
            bytes("a\u00a0"),
            bytes("\u00a0"),
            bytes("\t"),
            bytes("\""),
            bytes("\"a\"\"b\""),
            bytes("\"a\"b"),
            bytes("a\rb"),
            bytes("a,b"),
            bytes("\ufeff"),
            bytes("\u0000"),
            new byte[] {'a', (byte) 0xff},
            new byte[] {(byte) 0xc3},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            bytes("9223372036854775807"),
            bytes("92233720368547758.07"),
            bytes("92233720368547758.08"),
            bytes("99999999999999999999999"),
            bytes("0.001"),
            bytes("0"),
            bytes("1.7976931348623157E308"),
            bytes("4.9E-324"),
            bytes("0001-01-01"),
            bytes("9999-12-31"),
            bytes("+10000-01-01"),
            bytes("2024-02-30"),
            bytes("2023-02-29"),
            bytes("20240101"),
            bytes("x".repeat(300)));

    /** Column values that are valid, one list per column of {@code customer_id,date,amount,category,quantity}. */
    private static final List<List<String>> VALID = List.of(
            List.of("c1", "c2", "c3", "C10", "x-9"),
            List.of("2024-01-05", "2024-02-29", "2023-12-31", "2024-07-14"),
            List.of("0.00", "1", "10.5", "99.99", "1234.56"),
            List.of("", "books", "music"),
            List.of("1", "2", "12"));

    /** The header of the generated purchase files. */
    public static final String PURCHASE_HEADER = "customer_id,date,amount,category,quantity";

    /** Random bytes, biased toward the bytes that matter to a CSV reader. */
    public static Gen<byte[]> randomBytes() {
        Gen<Integer> oneByte = integers()
                .between(0, 31)
                .mix(integers().between(0, 255), 60)
                .map(b -> b < 16 ? ",\"\n\r\t 0123456789".charAt(b) : b);
        return lists().of(oneByte).ofSizeBetween(0, 200).map(HostileInputs::toBytes);
    }

    /** A purchase file (with header) of valid rows, one field of one row mutated. */
    public static Gen<byte[]> mutatedPurchaseFiles() {
        Gen<List<Integer>> picks = lists().of(integers().between(0, 1000)).ofSize(5 * 8);
        return picks.zip(
                integers().between(1, 8),
                integers().between(0, 1000),
                integers().between(0, MUTATIONS.size() - 1),
                (choice, rows, where, mutation) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(bytes(PURCHASE_HEADER + "\n"));
                    int mutatedRow = where % rows;
                    int mutatedField = where / 8 % 5;
                    for (int r = 0; r < rows; r++) {
                        for (int f = 0; f < 5; f++) {
                            if (f > 0) {
                                out.write(',');
                            }
                            if (r == mutatedRow && f == mutatedField) {
                                out.writeBytes(MUTATIONS.get(mutation));
                            } else {
                                List<String> values = VALID.get(f);
                                out.writeBytes(bytes(values.get(choice.get(r * 5 + f) % values.size())));
                            }
                        }
                        out.write('\n');
                    }
                    return out.toByteArray();
                });
    }

    /** A purchase file of valid syntax whose amounts and dates are extreme: near the bounds of a long and of time. */
    public static Gen<byte[]> extremePurchaseFiles() {
        List<String> amounts = List.of(
                "92233720368547758.07",
                "46116860184273879.04",
                "90000000000000000.00",
                "0.00",
                "0.01",
                "99999999999999999.99",
                "1000000000000000.00");
        List<String> dates = List.of("0001-01-01", "9999-12-31", "1970-01-01", "2024-02-29", "1582-10-10");
        Gen<List<Integer>> picks = lists().of(integers().between(0, 1000)).ofSizeBetween(2, 12);
        return picks.map(choice -> {
            StringBuilder s = new StringBuilder(PURCHASE_HEADER).append('\n');
            for (int i = 0; i + 1 < choice.size(); i += 2) {
                s.append("c")
                        .append(choice.get(i) % 3)
                        .append(',')
                        .append(dates.get(choice.get(i + 1) % dates.size()))
                        .append(',')
                        .append(amounts.get(choice.get(i) / 3 % amounts.size()))
                        .append(",,")
                        .append(1 + choice.get(i + 1) % 2)
                        .append('\n');
            }
            return bytes(s.toString());
        });
    }

    /** A file of another input (survey, reviews, events, spend): its header, valid rows, one field mutated. */
    public static Gen<byte[]> mutatedFiles(String header, List<String> validRow) {
        return integers()
                .between(0, validRow.size() - 1)
                .zip(integers().between(0, MUTATIONS.size() - 1), integers().between(1, 4), (field, mutation, rows) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(bytes(header + "\n"));
                    for (int r = 0; r < rows; r++) {
                        for (int f = 0; f < validRow.size(); f++) {
                            if (f > 0) {
                                out.write(',');
                            }
                            out.writeBytes(
                                    r == rows - 1 && f == field ? MUTATIONS.get(mutation) : bytes(validRow.get(f)));
                        }
                        out.write('\n');
                    }
                    return out.toByteArray();
                });
    }

    private static byte[] toBytes(List<Integer> values) {
        byte[] b = new byte[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) values.get(i);
        }
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
