package org.loyaltykpi.value;

import java.util.OptionalDouble;

/** Small shared arithmetic of the value package: ratios of means that are never NaN (the means themselves: {@code Money.mean}). */
final class ValueMath {
    private ValueMath() {}

    /** {@code a / b}, or empty when either is undefined or {@code b} is 0. */
    static OptionalDouble ratio(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty() || b.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a.getAsDouble() / b.getAsDouble());
    }
}
