package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void aRatioKeepsItsCountsAndGivesValueAndPercent() {
        Ratio r = Ratio.of(412, 1000);

        assertThat(r.numerator()).isEqualTo(412);
        assertThat(r.denominator()).isEqualTo(1000);
        assertThat(r.value()).hasValue(0.412);
        assertThat(r.percent().getAsDouble()).isCloseTo(41.2, within(1e-12));
        assertThat(r).hasToString("41.2% (412/1000)");
    }

    @Test
    void aZeroDenominatorIsUndefinedNeverNaN() {
        Ratio r = Ratio.of(0, 0);

        assertThat(r.value()).isEmpty();
        assertThat(r.percent()).isEmpty();
        assertThat(r.complement()).isEqualTo(Ratio.of(0, 0));
        assertThat(r).hasToString("n/a (0/0)");
    }

    @Test
    void theComplementCountsTheRest() {
        assertThat(Ratio.of(412, 1000).complement()).isEqualTo(Ratio.of(588, 1000));
        assertThat(Ratio.of(3, 3).complement()).isEqualTo(Ratio.of(0, 3));
    }

    @Test
    void ratiosOfDisjointGroupsAddTheirCounts() {
        assertThat(Ratio.of(1, 4).plus(Ratio.of(3, 4))).isEqualTo(Ratio.of(4, 8));
        assertThat(Ratio.of(0, 0).plus(Ratio.of(2, 5))).isEqualTo(Ratio.of(2, 5));
        assertThatThrownBy(() -> Ratio.of(1, Long.MAX_VALUE).plus(Ratio.of(1, 1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void impossibleCountsAreRejectedNamingThem() {
        assertThatThrownBy(() -> Ratio.of(5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ratio needs 0 <= numerator <= denominator: 5/4");
        assertThatThrownBy(() -> Ratio.of(-1, 4)).hasMessageContaining("-1/4");
        assertThatThrownBy(() -> Ratio.of(0, -1)).hasMessageContaining("0/-1");
    }

    @Test
    void ratiosAreOrderedByValueWithUndefinedFirst() {
        assertThat(Ratio.of(1, 3)).isLessThan(Ratio.of(1, 2));
        assertThat(Ratio.of(1, 2).compareTo(Ratio.of(2, 4))).isZero();
        assertThat(Ratio.of(0, 0)).isLessThan(Ratio.of(0, 5));
        assertThat(Ratio.of(0, 0).compareTo(Ratio.of(0, 0))).isZero();
    }

    @Test
    void largeCountsAreComparedExactly() {
        // Cross products 3 * 2^62 and 2^62: both fit in 64 unsigned bits, but the first is negative as a signed long.
        Ratio threeQuarters = Ratio.of(3L << 30, 1L << 32);
        Ratio oneQuarter = Ratio.of(1L << 30, 1L << 32);
        assertThat(threeQuarters).isGreaterThan(oneQuarter);

        // Values that differ by less than a double can tell apart.
        Ratio almostOne = Ratio.of(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        Ratio nearerOne = Ratio.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
        assertThat(almostOne).isGreaterThan(nearerOne);
    }
}
