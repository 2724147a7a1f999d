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
        int day = Rows.day(asOf);
        int customers = table.customerCount();
        // Per table customer; a last day of Integer.MIN_VALUE marks a customer with no purchase before the day.
        int[] lastDay = new int[customers];
        int[] frequency = new int[customers];
        long[] monetary = new long[customers];
        int scored = ParallelScans.scan(
                customers,
                CUSTOMERS_PER_TASK,
                (from, to) -> {
                    int count = 0;
                    for (int c = from; c < to; c++) {
                        int first = table.firstRow(c);
                        int end = Rows.atOrAfter(table, c, day);
                        if (end == first) {
                            lastDay[c] = Integer.MIN_VALUE;
                            continue;
                        }
                        lastDay[c] = table.epochDay(end - 1);
                        frequency[c] = Rows.distinctDays(table, first, end);
                        monetary[c] = Rows.netAmount(table, c, first, end, Integer.MIN_VALUE, day);
                        count++;
                    }
                    return count;
                },
                Integer::sum);
        long[] lastDays = new long[scored];
        long[] frequencies = new long[scored];
        long[] spends = new long[scored];
        int i = 0;
        for (int c = 0; c < customers; c++) {
            if (lastDay[c] != Integer.MIN_VALUE) {
                lastDays[i] = lastDay[c];
                frequencies[i] = frequency[c];
                spends[i] = monetary[c];
                i++;
            }
        }
        Arrays.sort(lastDays);
        Arrays.sort(frequencies);
        Arrays.sort(spends);
        int scale = table.amountScale();
        List<RfmScore> rows = new ArrayList<>(scored);
        for (int c = 0; c < customers; c++) {
            if (lastDay[c] == Integer.MIN_VALUE) {
                continue;
            }
            RfmScore score = new RfmScore(
                    table.customer(c),
                    day - lastDay[c],
                    frequency[c],
                    Money.fromMinorUnits(monetary[c], scale),
                    score(below(lastDays, lastDay[c]), scored),
                    score(below(frequencies, frequency[c]), scored),
                    score(below(spends, monetary[c]), scored));
            rows.add(score);
        }
        return new RfmScores(asOf, scale, rows);
    }

    /** The quintile score of a value with {@code below} of {@code n} values strictly worse: {@code 1 + 5b/n}. */
    static int score(int below, int n) {
        return 1 + (int) ((long) SCORES * below / n);
    }

    /** The number of entries of a sorted array strictly below {@code value}. */
    private static int below(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
