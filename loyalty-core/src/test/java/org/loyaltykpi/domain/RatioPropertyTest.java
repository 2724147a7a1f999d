package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RatioPropertyTest {

    /** Ratios of every magnitude, from 0/1 to counts near {@link Long#MAX_VALUE}. */
    private static final Gen<Ratio> RATIOS = integers()
            .between(0, 62)
            .flatMap(bits -> longs().between(1, 1L << bits))
            .flatMap(d -> longs().between(0, d).map(n -> Ratio.of(n, d)));

    private static final Gen<Ratio> SMALL_RATIOS =
            integers().between(0, 1_000).flatMap(d -> integers().between(0, d).map(n -> Ratio.of(n, d)));

    @Nested
    class Invariants {

        @Test
        void valueAndComplementAddUpToOne() {
            qt().withFixedSeed(202L).forAll(SMALL_RATIOS).checkAssert(r -> {
                if (r.denominator() == 0) {
                    assertThat(r.value()).isEmpty();
                } else {
                    double sum =
                            r.value().getAsDouble() + r.complement().value().getAsDouble();
                    assertThat(sum).isBetween(1 - 1e-12, 1 + 1e-12);
                    assertThat(r.value().getAsDouble()).isBetween(0.0, 1.0);
                }
                assertThat(r.complement().complement()).isEqualTo(r);
            });
        }

        @Test
        void theValueOfASumLiesBetweenTheValuesOfItsParts() {
            qt().withFixedSeed(203L).forAll(SMALL_RATIOS, SMALL_RATIOS).checkAssert((a, b) -> {
                Ratio sum = a.plus(b);
                assertThat(sum).isEqualTo(b.plus(a));
                if (a.denominator() > 0 && b.denominator() > 0) {
                    Ratio low = a.compareTo(b) <= 0 ? a : b;
                    Ratio high = a.compareTo(b) <= 0 ? b : a;
                    assertThat(sum.compareTo(low)).isGreaterThanOrEqualTo(0);
                    assertThat(sum.compareTo(high)).isLessThanOrEqualTo(0);
                }
            });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void compareToAgreesWithExactCrossMultiplication() {
            qt().withFixedSeed(201L).withExamples(5_000).forAll(RATIOS, RATIOS).checkAssert((a, b) -> {
                int exact = BigInteger.valueOf(a.numerator())
                        .multiply(BigInteger.valueOf(b.denominator()))
                        .compareTo(BigInteger.valueOf(b.numerator()).multiply(BigInteger.valueOf(a.denominator())));
                assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s", a, b).isEqualTo(exact);
                assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-exact);
            });
        }
    }
}
