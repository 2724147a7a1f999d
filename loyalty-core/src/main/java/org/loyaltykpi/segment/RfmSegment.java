package org.loyaltykpi.segment;

/**
 * The named RFM segments, from a customer's recency score {@code R} and its frequency-monetary score {@code FM =
 * (F + M + 1) / 2} in whole numbers (the mean of {@code F} and {@code M} rounded half up), both 1..5 (see {@link
 * RfmScore}).
 *
 * <p>The score map (rows {@code R}, columns {@code FM}); its 25 cells cover every pair exactly once, so every customer
 * is in exactly one segment:
 *
 * <table>
 *   <caption>R x FM</caption>
 *   <tr><th>R \ FM</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr>
 *   <tr><th>5</th><td>NEW</td><td>POTENTIAL_LOYALIST</td><td>POTENTIAL_LOYALIST</td><td>CHAMPION</td>
 *       <td>CHAMPION</td></tr>
 *   <tr><th>4</th><td>PROMISING</td><td>POTENTIAL_LOYALIST</td><td>POTENTIAL_LOYALIST</td><td>LOYAL</td>
 *       <td>LOYAL</td></tr>
 *   <tr><th>3</th><td>ABOUT_TO_SLEEP</td><td>ABOUT_TO_SLEEP</td><td>NEED_ATTENTION</td><td>LOYAL</td>
 *       <td>LOYAL</td></tr>
 *   <tr><th>2</th><td>HIBERNATING</td><td>HIBERNATING</td><td>AT_RISK</td><td>AT_RISK</td><td>CANT_LOSE</td></tr>
 *   <tr><th>1</th><td>LOST</td><td>LOST</td><td>AT_RISK</td><td>AT_RISK</td><td>CANT_LOSE</td></tr>
 * </table>
 *
 * <p>This is the widely used R x F segment map of RFM practice (champions, loyal, potential loyalists, new,
 * promising, need attention, about to sleep, at risk, can't lose, hibernating), with {@code FM} in place of {@code F}
 * so spend counts too, and its low corner split: {@code R = 1} is lost, {@code R = 2} hibernating.
 *
 * <pre>{@code
 * RfmSegment.of(5, 5);   // CHAMPION
 * RfmSegment.of(1, 5);   // CANT_LOSE
 * }</pre>
 */
public enum RfmSegment {
    /** Bought recently, often and much. */
    CHAMPION,
    /** Buys often and much, fairly recently. */
    LOYAL,
    /** Recent customers with average frequency and spend. */
    POTENTIAL_LOYALIST,
    /** Bought very recently, little so far. */
    NEW,
    /** Recent, little so far. */
    PROMISING,
    /** Average recency, frequency and spend. */
    NEED_ATTENTION,
    /** Below-average recency, frequency and spend. */
    ABOUT_TO_SLEEP,
    /** Bought often or much, but long ago. */
    AT_RISK,
    /** The biggest customers, gone quiet for a long time. */
    CANT_LOSE,
    /** Long ago, little. */
    HIBERNATING,
    /** Longest ago, little. */
    LOST;

    private static final RfmSegment[][] MAP = {
        // FM:  1, 2, 3, 4, 5 for R = 1
        {LOST, LOST, AT_RISK, AT_RISK, CANT_LOSE},
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE},
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
        {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL},
        {NEW, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPION, CHAMPION}
    };

    /**
     * The segment of a score pair.
     *
     * @param recency the recency score {@code R}, 1..5
     * @param frequencyMonetary the frequency-monetary score {@code FM}, 1..5
     * @return the cell of the map
     * @throws IllegalArgumentException naming the score outside 1..5
     */
    public static RfmSegment of(int recency, int frequencyMonetary) {
        RfmScore.checkScore("recency", recency);
        RfmScore.checkScore("frequencyMonetary", frequencyMonetary);
        return MAP[recency - 1][frequencyMonetary - 1];
    }
}
