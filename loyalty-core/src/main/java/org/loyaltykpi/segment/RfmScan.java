package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.Money;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The RFM scores behind {@link SegmentCalculator#rfmScores}: one parallel pass over the table's rows fills three
 * primitive columns per customer (last day, purchase days, spend), then each column is sorted once and every score is
 * a binary search in it.
 */
final class RfmScan {
    private static final int CUSTOMERS_PER_TASK = 1 << 13;
    private static final int SCORES = 5;

    private RfmScan() {}

    static RfmScores scores(PurchaseTable table, LocalDate asOf) {
        int customers = table.customerCount();
        Columns columns = new Columns(table, Rows.day(asOf));
        int scored = ParallelScans.scan(
                customers,
                CUSTOMERS_PER_TASK,
                (from, to) -> {
                    int count = 0;
                    for (int c = from; c < to; c++) {
                        if (columns.fill(c)) {
                            count++;
                        }
                    }
                    return count;
                },
                Integer::sum);
        Quintiles quintiles = columns.quintiles(scored);
        int scale = table.amountScale();
        List<RfmScore> rows = new ArrayList<>(scored);
        for (int c = 0; c < customers; c++) {
            if (!columns.scored(c)) {
                continue;
            }
            RfmScore score = new RfmScore(
                    table.customer(c),
                    columns.day - columns.lastDay[c],
                    columns.frequency[c],
                    Money.fromMinorUnits(columns.monetary[c], scale),
                    quintiles.recencyScore(columns.lastDay[c]),
                    quintiles.frequencyScore(columns.frequency[c]),
                    quintiles.monetaryScore(columns.monetary[c]));
            rows.add(score);
        }
        return new RfmScores(asOf, scale, rows);
    }

    /**
     * The three values of every table customer as of a day; a last day of {@code Integer.MIN_VALUE} marks a customer
     * with no purchase before the day. {@link #fill} writes one customer's entries only, so ranges fill in parallel.
     */
    static final class Columns {
        final PurchaseTable table;
        final int day;
        final int[] lastDay;
        final int[] frequency;
        final long[] monetary;

        Columns(PurchaseTable table, int day) {
            this.table = table;
            this.day = day;
            int customers = table.customerCount();
            lastDay = new int[customers];
            frequency = new int[customers];
            monetary = new long[customers];
        }

        /** Fills customer {@code c}'s values; whether it has a purchase before the day (is scored). */
        boolean fill(int c) {
            int first = table.firstRow(c);
            int end = Rows.atOrAfter(table, c, day);
            if (end == first) {
                lastDay[c] = Integer.MIN_VALUE;
                return false;
            }
            lastDay[c] = table.epochDay(end - 1);
            frequency[c] = Rows.distinctDays(table, first, end);
            monetary[c] = Rows.netAmount(table, c, first, end, Integer.MIN_VALUE, day);
            return true;
        }

        /** Whether customer {@code c} is scored (has a purchase before the day). */
        boolean scored(int c) {
            return lastDay[c] != Integer.MIN_VALUE;
        }

        /** The sorted columns of the {@code scored} customers with a purchase before the day. */
        Quintiles quintiles(int scored) {
            long[] lastDays = new long[scored];
            long[] frequencies = new long[scored];
            long[] spends = new long[scored];
            int i = 0;
            for (int c = 0; c < lastDay.length; c++) {
                if (scored(c)) {
                    lastDays[i] = lastDay[c];
                    frequencies[i] = frequency[c];
                    spends[i] = monetary[c];
                    i++;
                }
            }
            Arrays.sort(lastDays);
            Arrays.sort(frequencies);
            Arrays.sort(spends);
            return new Quintiles(lastDays, frequencies, spends);
        }

        /** The segment of scored customer {@code c}. */
        RfmSegment segment(int c, Quintiles quintiles) {
            return RfmSegment.of(
                    quintiles.recencyScore(lastDay[c]),
                    RfmScore.frequencyMonetaryScore(
                            quintiles.frequencyScore(frequency[c]), quintiles.monetaryScore(monetary[c])));
        }
    }

    /**
     * Every scored customer's values, each column sorted, and per column the four values a score must exceed: with
     * {@code n} values and {@code b} of them strictly below a value, its score {@code 1 + floor(5b/n)} is at least
     * {@code k} exactly when {@code b >= t = ceil((k - 1) n / 5)}, that is when the value exceeds the {@code t}-th
     * smallest, {@code sorted[t - 1]}; so a score is four comparisons, not a binary search over every customer.
     */
    record Quintiles(long[] lastDays, long[] frequencies, long[] spends, long[][] thresholds) {
        Quintiles(long[] lastDays, long[] frequencies, long[] spends) {
            this(lastDays, frequencies, spends, new long[][] {
                thresholds(lastDays), thresholds(frequencies), thresholds(spends)
            });
        }

        private static long[] thresholds(long[] sorted) {
            int n = sorted.length;
            long[] t = new long[SCORES - 1];
            for (int k = 2; k <= SCORES; k++) {
                // ceil((k - 1) n / 5), 1..n when n > 0
                long rank = ((long) (k - 1) * n + SCORES - 1) / SCORES;
                t[k - 2] = n == 0 ? Long.MAX_VALUE : sorted[(int) rank - 1];
            }
            return t;
        }

        private static int score(long[] thresholds, long value) {
            int score = 1;
            for (long t : thresholds) {
                if (value > t) {
                    score++;
                }
            }
            return score;
        }

        int recencyScore(int lastDay) {
            return score(thresholds[0], lastDay);
        }

        int frequencyScore(int frequency) {
            return score(thresholds[1], frequency);
        }

        int monetaryScore(long monetary) {
            return score(thresholds[2], monetary);
        }
    }

    /** The quintile score of a value with {@code below} of {@code n} values strictly worse: {@code 1 + 5b/n}. */
    static int score(int below, int n) {
        return 1 + (int) ((long) SCORES * below / n);
    }
}
