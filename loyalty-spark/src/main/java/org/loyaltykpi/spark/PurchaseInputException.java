package org.loyaltykpi.spark;

/**
 * A purchase row that breaks the input rules: the message names the file (when Spark knows it), the column and the
 * value, as the command line's CSV errors do, for example {@code part-0.csv: column amount: '-3.50' is negative;
 * refunds are not purchases}.
 */
public final class PurchaseInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * An error about one value.
     *
     * @param source the file, or {@code input} when the row does not come from a file
     * @param column the column
     * @param value the offending value as text
     * @param problem what is wrong, for example {@code is not a date of pattern yyyy-MM-dd}
     */
    public PurchaseInputException(String source, String column, String value, String problem) {
        super(source + ": column " + column + ": '" + value + "' " + problem);
    }

    /**
     * The same message, for an error thrown again on the driver.
     *
     * @param message the message
     */
    PurchaseInputException(String message) {
        super(message);
    }
}
