package org.loyaltykpi.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.Ratio;

/** The additive distribution and its accumulator. */
class SegmentDistributionTest {

    @Test
    void sharesAndRevenueSharesAreExactRatiosOfTheWhole() {
        var acc = new SegmentDistributionAccumulator<>(LoyaltyLevel.class, 2);
        acc.add(LoyaltyLevel.TRUE, 7_500).add(LoyaltyLevel.TRUE, 2_500).add(LoyaltyLevel.UNKNOWN);
        SegmentDistribution<LoyaltyLevel> d = acc.snapshot();
        assertThat(d.share(LoyaltyLevel.TRUE)).isEqualTo(Ratio.of(2, 3));
        assertThat(d.revenueShare(LoyaltyLevel.TRUE)).isEqualTo(Ratio.of(10_000, 10_000));
        assertThat(d.revenue(LoyaltyLevel.TRUE)).isEqualByComparingTo("100.00");
        assertThat(d.countsBySegment()).containsEntry(LoyaltyLevel.LATENT, 0L).hasSize(6);
    }

    @Test
    void addingDistributionsOfDisjointCustomersAddsTheirCountsAndRevenues() {
        var a = new SegmentDistributionAccumulator<>(RfmSegment.class, 2)
                .add(RfmSegment.LOST, 100)
                .snapshot();
        var b = new SegmentDistributionAccumulator<>(RfmSegment.class, 2)
                .add(RfmSegment.LOST, 50)
                .add(RfmSegment.NEW, 1)
                .snapshot();
        SegmentDistribution<RfmSegment> sum = a.plus(b);
        assertThat(sum.count(RfmSegment.LOST)).isEqualTo(2);
        assertThat(sum.totalRevenue()).isEqualByComparingTo("1.51");
        assertThat(new SegmentDistributionAccumulator<>(RfmSegment.class, 2)
                        .add(a)
                        .add(b)
                        .snapshot())
                .isEqualTo(sum);
    }

    @Test
    void badStateIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> SegmentDistribution.of(LifecycleStage.class, 2, new long[5], new long[6]))
                .hasMessageContaining("(6): 5, 6");
        long[] negative = new long[6];
        negative[1] = -3;
        assertThatThrownBy(() -> SegmentDistribution.of(LifecycleStage.class, 2, negative, new long[6]))
                .hasMessageContaining("FIRST_PURCHASE")
                .hasMessageContaining("-3");
        assertThatThrownBy(() -> new SegmentDistributionAccumulator<>(LoyaltyLevel.class, 2).add(LoyaltyLevel.TRUE, -1))
                .hasMessageContaining("revenueMinorUnits must be >= 0: -1");
        var cents = SegmentDistribution.empty(LoyaltyLevel.class, 2);
        assertThatThrownBy(() -> cents.plus(SegmentDistribution.empty(LoyaltyLevel.class, 3)))
                .hasMessageContaining("scale 3");
    }
}
