package org.loyaltykpi.domain;

import org.loyaltykpi.internal.Quoted;

/**
 * An integer answer scale {@code min..max}, such as the 0..10 of the Net Promoter question.
 *
 * <pre>{@code
 * Scale.NPS;                 // 0..10
 * Scale.of(1, 5);            // 1..5, the default CSAT scale
 * Scale.parse("1..7");       // the default CES scale
 * Scale.CSAT.check(6);       // IllegalArgumentException: score 6 is outside the scale 1..5
 * Scale.CES.rescale(4.0);    // 50.0: the midpoint of 1..7 on 0..100
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param min the lowest score
 * @param max the highest score, above {@code min}
 */
public record Scale(int min, int max) {

    /** The Net Promoter scale, 0..10 ("How likely are you to recommend ...?"). */
    public static final Scale NPS = new Scale(0, 10);

    /** The default customer-satisfaction scale, 1..5 (very dissatisfied .. very satisfied). */
    public static final Scale CSAT = new Scale(1, 5);

    /** The default customer-effort scale, 1..7 (very difficult .. very easy), as in CES 2.0. */
    public static final Scale CES = new Scale(1, 7);

    /** Validates {@code min < max}. */
    public Scale {
        if (min >= max) {
            throw new IllegalArgumentException("a scale needs min < max: " + min + ".." + max);
        }
    }

    /**
     * The scale {@code min..max}.
     *
     * @param min the lowest score
     * @param max the highest score
     * @return the scale
     */
    public static Scale of(int min, int max) {
        return new Scale(min, max);
    }

    /**
     * Reads {@code MIN..MAX}, for example {@code 0..10} or {@code 1..5}.
     *
     * @param text the text
     * @return the scale
     * @throws IllegalArgumentException naming the text if it is not of that form
     */
    public static Scale parse(String text) {
        String s = text.strip();
        int dots = s.indexOf("..");
        if (dots > 0) {
            try {
                return new Scale(
                        Integer.parseInt(s.substring(0, dots).strip()),
                        Integer.parseInt(s.substring(dots + 2).strip()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                "a scale is MIN..MAX with whole numbers, e.g. 1..5: '" + Quoted.value(text) + "'");
    }

    /**
     * Whether a score lies on the scale.
     *
     * @param score the score
     * @return {@code min <= score <= max}
     */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /**
     * Checks a score.
     *
     * @param score the score
     * @return the score
     * @throws IllegalArgumentException naming the score and the scale if it is outside
     */
    public int check(int score) {
        if (!contains(score)) {
            throw new IllegalArgumentException("score " + score + " is outside the scale " + this);
        }
        return score;
    }

    /**
     * The number of answer points.
     *
     * @return {@code max - min + 1}, 11 for NPS
     */
    public int points() {
        return max - min + 1;
    }

    /**
     * The lowest score of the top {@code k} boxes: the top two boxes of 1..5 start at 4.
     *
     * @param k how many boxes, {@code 1..points()}
     * @return {@code max - k + 1}
     */
    public int topBoxesFrom(int k) {
        if (k < 1 || k > points()) {
            throw new IllegalArgumentException("top boxes must be 1.." + points() + " on the scale " + this + ": " + k);
        }
        return max - k + 1;
    }

    /**
     * A score (or a mean score) moved linearly onto 0..100: {@code 100 * (x - min) / (max - min)}.
     *
     * @param x a value on the scale
     * @return 0 for {@code min}, 100 for {@code max}
     */
    public double rescale(double x) {
        return 100 * (x - min) / (max - min);
    }

    /** {@code MIN..MAX}, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return min + ".." + max;
    }
}
