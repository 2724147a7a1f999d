package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/** Small shared arithmetic of the value package: money per customer and ratios that are never NaN. */
final class ValueMath {
    private ValueMath() {}

    /** {@code total / count} (money per customer or per purchase) as a double, or empty when the count is 0. */
    static OptionalDouble mean(BigDecimal total, long count) {
        if (count == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                total.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue());
    }

    /** {@code a / b}, or empty when either is undefined or {@code b} is 0. */
    static OptionalDouble ratio(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty() || b.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a.getAsDouble() / b.getAsDouble());
    }
}
