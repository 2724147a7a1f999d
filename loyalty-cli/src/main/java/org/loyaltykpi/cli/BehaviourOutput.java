package org.loyaltykpi.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.Ratio;

/**
 * Number formats of the commands that still write their own text ({@code segments}):
 * counts grouped, rates in percent with one decimal, money with two; {@code n/a} when undefined. The commands that
 * render a document format through its {@code Messages} instead.
 */
final class BehaviourOutput {
    private BehaviourOutput() {}

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(Ratio ratio) {
        return ratio.percent().isPresent()
                ? String.format(Locale.ROOT, "%.1f%%", ratio.percent().getAsDouble())
                : "n/a";
    }

    static String decimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%,.2f", value.getAsDouble()) : "n/a";
    }

    static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
