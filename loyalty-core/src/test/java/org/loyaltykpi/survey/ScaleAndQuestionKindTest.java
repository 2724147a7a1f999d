package org.loyaltykpi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.QuestionKind;
import org.loyaltykpi.domain.Scale;

class ScaleAndQuestionKindTest {

    @Test
    void theStandardScalesAreNps0To10Csat1To5Ces1To7() {
        assertThat(Scale.NPS).isEqualTo(Scale.of(0, 10));
        assertThat(Scale.CSAT).isEqualTo(Scale.of(1, 5));
        assertThat(Scale.CES).isEqualTo(Scale.of(1, 7));
        assertThat(Scale.NPS.points()).isEqualTo(11);
    }

    @Test
    void aScaleReadsBackWhatItWrites() {
        assertThat(Scale.parse(Scale.of(-3, 3).toString())).isEqualTo(Scale.of(-3, 3));
        assertThat(Scale.parse(" 1 .. 10 ")).isEqualTo(Scale.of(1, 10));
        assertThatThrownBy(() -> Scale.parse("1-5")).hasMessageContaining("'1-5'");
        assertThatThrownBy(() -> Scale.of(5, 5)).hasMessageContaining("5..5");
    }

    @Test
    void rescalingMapsTheScaleOntoZeroTo100() {
        assertThat(Scale.CSAT.rescale(1)).isEqualTo(0.0);
        assertThat(Scale.CSAT.rescale(5)).isEqualTo(100.0);
        assertThat(Scale.CES.rescale(4)).isEqualTo(50.0);
    }

    @Test
    void aQuestionsKindIsItsNameOrItsNameBeforeASeparator() {
        assertThat(QuestionKind.of("nps")).contains(QuestionKind.NPS);
        assertThat(QuestionKind.of("NPS_2025")).contains(QuestionKind.NPS);
        assertThat(QuestionKind.of("csat:checkout")).contains(QuestionKind.CSAT);
        assertThat(QuestionKind.of("ces")).contains(QuestionKind.CES);
        assertThat(QuestionKind.of("csi:delivery")).contains(QuestionKind.CSI);
    }

    @Test
    void namesThatMerelyContainAKeyAreOfNoKind() {
        assertThat(QuestionKind.of("process")).isEmpty();
        assertThat(QuestionKind.of("npsx")).isEmpty();
        assertThat(QuestionKind.of("satisfaction")).isEmpty();
    }

    @Test
    void aCsiQuestionNamesItsAttributeAfterTheSeparator() {
        assertThat(QuestionKind.attribute("csi:delivery")).isEqualTo(Optional.of("delivery"));
        assertThat(QuestionKind.attribute("CSI_price")).isEqualTo(Optional.of("price"));
        assertThat(QuestionKind.attribute("csi")).isEmpty();
        assertThat(QuestionKind.attribute("nps")).isEmpty();
    }
}
