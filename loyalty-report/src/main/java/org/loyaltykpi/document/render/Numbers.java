package org.loyaltykpi.document.render;

import java.math.BigDecimal;

/** The one precision rule of JSON and CSV numbers. */
final class Numbers {
    private Numbers() {}

    /** The shortest decimal that reads back as the same double, without an exponent. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The same number as a {@link BigDecimal}, for JSON. */
    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros();
    }
}
