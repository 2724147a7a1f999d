package org.loyaltykpi.document;

/**
 * The type of a table column: which {@link Cell}s it holds and how renderers align and write them.
 *
 * <p>Every column may also hold {@link Cell.Missing}.
 */
public enum ColumnType {
    /** {@link Cell.Count}: right-aligned integers. */
    COUNT,
    /** {@link Cell.RatioOf} (or {@link Cell.Share}): percentages in text, fractions in JSON and CSV. */
    RATIO,
    /** {@link Cell.Share}: percentages in text, fractions in JSON and CSV. */
    SHARE,
    /** {@link Cell.Money}: amounts with two fraction digits in text, exact in JSON and CSV. */
    MONEY,
    /** {@link Cell.Decimal}: decimals rounded in text, full precision in JSON and CSV. */
    DECIMAL,
    /** {@link Cell.Day}: ISO dates. */
    DATE,
    /** {@link Cell.Text} and {@link Cell.Label}: left-aligned text. */
    TEXT;

    /**
     * Whether text renderings align this column left (text and dates) rather than right (numbers).
     *
     * @return whether left-aligned
     */
    public boolean alignsLeft() {
        return this == TEXT || this == DATE;
    }
}
