package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The hostile-input suite of the command line (issue 15): generated purchase files (valid-looking rows with one field
 * mutated, extreme amounts and dates, random bytes) through the main commands, in process. The laws: exit 0 or 2,
 * never 1; exit 2 is one line naming the command, with no Java exception text; exit 0 prints no NaN or Infinity.
 */
class HostileCliPropertyTest {
    private static final int EXAMPLES = 40;
    private static final AtomicLong TRIED = new AtomicLong();

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        System.out.println("hostile-input suite (command line): " + TRIED.get() + " generated runs tried");
    }

    private static final List<String> MUTATIONS = List.of(
            "",
            "+5",
            "-1",
            "NaN",
            "Infinity",
            "1e5",
            "\u0662",
            "\u2003a",
            "\"",
            "\"a,b\"",
            "92233720368547758.07",
            "90000000000000000.00",
            "0001-01-01",
            "9999-12-31",
            "2024-02-30",
            "0",
            "0.00",
            "x".repeat(200));

    private static final List<List<String>> VALID = List.of(
            List.of("c1", "c2", "c3"),
            List.of("2024-01-05", "2024-02-29", "2024-03-31", "2024-07-14"),
            List.of("0.00", "1", "10.5", "99.99"),
            List.of("", "books", "music"));

    /** Purchase files of 1..8 valid rows, one field of one row mutated. */
    private static Gen<String> files() {
        return lists().of(integers().between(0, 1000))
                .ofSize(32)
                .zip(
                        integers().between(1, 8),
                        integers().between(0, 1000),
                        integers().between(0, MUTATIONS.size() - 1),
                        (choice, rows, where, mutation) -> {
                            StringBuilder s = new StringBuilder("customer_id,date,amount,category\n");
                            for (int r = 0; r < rows; r++) {
                                for (int f = 0; f < 4; f++) {
                                    s.append(f == 0 ? "" : ",");
                                    if (r == where % rows && f == where / 8 % 4) {
                                        s.append(MUTATIONS.get(mutation));
                                    } else {
                                        List<String> values = VALID.get(f);
                                        s.append(values.get(choice.get(r * 4 + f) % values.size()));
                                    }
                                }
                                s.append('\n');
                            }
                            return s.toString();
                        });
    }

    private static Path write(String content) {
        try {
            Path file = Files.createTempFile(dir, "hostile", ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertKeepsItsPromises(String... args) {
        TRIED.incrementAndGet();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoyaltyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        String what = String.join(" ", args) + " -> " + err;
        assertThat(code).as(what).isIn(0, 2);
        if (code == 2) {
            assertThat(err.toString().strip())
                    .as(what)
                    .startsWith("loyalty " + args[0] + ": ")
                    .doesNotContain("\n", "Exception", "java.");
        } else {
            assertThat(out.toString()).as(what).doesNotContain("NaN", "Infinity");
        }
    }

    @Nested
    class Invariants {
        @Test
        void cohortRetentionAndRfmExitZeroOrTwoWithOneLineAndNoNaN() {
            qt().withFixedSeed(1601L).withExamples(EXAMPLES).forAll(files()).checkAssert(content -> {
                String file = write(content).toString();
                assertKeepsItsPromises("cohort", "--transactions", file, "--format", "json");
                assertKeepsItsPromises("cohort", "--transactions", file, "--metric", "revenue");
                assertKeepsItsPromises("retention", "--transactions", file, "--period", "2024-02-01/2024-03-01");
                assertKeepsItsPromises("retention", "--transactions", file, "--by", "month", "--format", "json");
                assertKeepsItsPromises("rfm", "--transactions", file, "--calibration-end", "2024-12-31");
                assertKeepsItsPromises("value", "--transactions", file, "--format", "json");
            });
        }

        @Test
        void theReportExitsZeroOrTwoWithOneLineAndNoNaN() {
            qt().withFixedSeed(1602L).withExamples(EXAMPLES / 2).forAll(files()).checkAssert(content -> {
                String file = write(content).toString();
                assertKeepsItsPromises("report", "--transactions", file, "--format", "json");
                assertKeepsItsPromises("segments", "--transactions", file);
            });
        }
    }
}
