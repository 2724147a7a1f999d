package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    @Test
    void reproducesThePublishedCdnowEstimates() {
        BgNbdModel m = BgNbdModel.fit(Cdnow.summary());
        System.out.println(m.fit().orElseThrow());
        assertThat(m.r()).isCloseTo(0.243, within(0.0005));
    }
}
