package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

class SurveyCsvTest {
    private static final String GOOD = String.join(
            "\n",
            "respondent_id,date,question,score,segment,weight",
            "c1,2025-01-02,nps,9,web,2.5",
            "c1,2025-01-02,csat,4,web,1",
            "c2,2025-01-03,ces,7,,1",
            "c2,2025-01-03,csi:delivery,6,store,1",
            "");

    private static List<SurveyResponse> read(String csv, SurveyCsvOptions options) {
        return SurveyCsv.read(new StringReader(csv), "answers.csv", options);
    }

    private static CsvFormatException error(String csv, SurveyCsvOptions options) {
        return (CsvFormatException) org.assertj.core.api.Assertions.catchThrowable(() -> read(csv, options));
    }

    @Test
    void rowsBecomeAnswersWithTheScaleOfTheirQuestionsKind() {
        List<SurveyResponse> rs = read(GOOD, SurveyCsvOptions.defaults());
        assertThat(rs).hasSize(4);
        assertThat(rs.get(0))
                .isEqualTo(new SurveyResponse(
                        CustomerId.of("c1"), LocalDate.of(2025, 1, 2), "nps", 9, Scale.NPS, Optional.of("web"), 2.5));
        assertThat(rs.get(1).scale()).isEqualTo(Scale.CSAT);
        assertThat(rs.get(2).scale()).isEqualTo(Scale.CES);
        assertThat(rs.get(2).segment()).isEmpty();
        assertThat(rs.get(3).scale()).isEqualTo(Scale.NPS);
    }

    @Test
    void aScoreOf11OnTheNpsQuestionOnLine5NamesTheLineTheColumnTheValueAndTheScale() {
        String csv = "respondent_id,date,question,score\n"
                + "c1,2025-01-02,nps,9\n"
                + "c2,2025-01-02,nps,3\n"
                + "c3,2025-01-02,csat,4\n"
                + "c4,2025-01-03,nps,11\n";
        CsvFormatException e = error(csv, SurveyCsvOptions.defaults());
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).contains("'score' (#4)");
        assertThat(e.value()).isEqualTo("11");
        assertThat(e.getMessage())
                .isEqualTo("answers.csv:5: column 'score' (#4): '11' is outside the scale 0..10 of question 'nps'");
    }

    @Test
    void aQuestionOfUnknownScaleIsAnErrorUnlessItsScaleIsGiven() {
        String csv = "respondent_id,date,question,score\nc1,2025-01-02,overall,8\n";
        CsvFormatException e = error(csv, SurveyCsvOptions.defaults());
        assertThat(e.getMessage()).contains("answers.csv:2:", "'question'", "'overall'", "unknown scale");
        assertThat(read(csv, SurveyCsvOptions.defaults().withScale("Overall", Scale.of(1, 10)))
                        .get(0)
                        .scale())
                .isEqualTo(Scale.of(1, 10));
        assertThat(read(csv, SurveyCsvOptions.defaults().withDefaultScale(Scale.of(0, 8)))
                        .get(0)
                        .scale())
                .isEqualTo(Scale.of(0, 8));
    }

    @Test
    void aGivenScaleOverridesTheKindsDefault() {
        String csv = "respondent_id,date,question,score\nc1,2025-01-02,csat,7\n";
        assertThat(error(csv, SurveyCsvOptions.defaults()).getMessage()).contains("outside the scale 1..5");
        assertThat(read(csv, SurveyCsvOptions.defaults().withScale("csat", Scale.of(1, 7))))
                .singleElement()
                .satisfies(r -> assertThat(r.scale()).isEqualTo(Scale.of(1, 7)));
    }

    @Test
    void badFieldsAreErrorsNamingLineColumnAndValue() {
        String head = "respondent_id,date,question,score,weight\n";
        assertThat(error(head + "c1,2025-02-30,nps,9,1\n", SurveyCsvOptions.defaults())
                        .getMessage())
                .isEqualTo("answers.csv:2: column 'date' (#2): '2025-02-30' is not a date of pattern yyyy-MM-dd");
        assertThat(error(head + "c1,2025-02-03,nps,nine,1\n", SurveyCsvOptions.defaults())
                        .getMessage())
                .contains(":2:", "'score'", "'nine'", "whole-number");
        assertThat(error(head + "c1,2025-02-03,nps,9,0\n", SurveyCsvOptions.defaults())
                        .getMessage())
                .contains("'weight'", "'0'");
        assertThat(error(head + "c1,2025-02-03,nps,9,NaN\n", SurveyCsvOptions.defaults())
                        .getMessage())
                .contains("'NaN'");
        assertThat(error(head + "c1,2025-02-03,nps\n", SurveyCsvOptions.defaults())
                        .getMessage())
                .contains("'score'", "is missing");
        assertThat(error(head + ",2025-02-03,nps,9,1\n", SurveyCsvOptions.defaults())
                        .getMessage())
                .contains("'respondent_id'", "respondent id");
    }

    @Test
    void aMissingRequiredColumnNamesTheHeader() {
        assertThatThrownBy(() -> read("respondent,date,question,score\n", SurveyCsvOptions.defaults()))
                .hasMessageContaining("no respondent column 'respondent_id' in the header");
    }

    @Test
    void positionalColumnsReadAFileWithoutHeaderAndOtherDelimiters() {
        SurveyCsvOptions options = SurveyCsvOptions.defaults()
                .withHeader(false)
                .withDelimiter(Delimiter.SEMICOLON)
                .withDatePattern("dd.MM.yyyy")
                .withColumns(ColumnRef.at(2), ColumnRef.at(1), ColumnRef.at(3), ColumnRef.at(4))
                .withSegmentColumn(ColumnRef.at(5));
        List<SurveyResponse> rs = read("04.03.2025;c9;nps;10;B2B\n", options);
        assertThat(rs.get(0).respondent()).isEqualTo(CustomerId.of("c9"));
        assertThat(rs.get(0).date()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(rs.get(0).segment()).contains("B2B");
    }

    @Test
    void anEmptyFileOrAHeaderAloneHasNoAnswers() {
        assertThat(read("", SurveyCsvOptions.defaults())).isEmpty();
        assertThat(read("respondent_id,date,question,score\n", SurveyCsvOptions.defaults()))
                .isEmpty();
    }

    @Test
    void writtenAnswersReadBackEqual() {
        List<SurveyResponse> answers = SampleShop.standard().withCustomers(200).surveyResponses();
        StringWriter out = new StringWriter();
        SurveyCsv.write(answers, out);
        assertThat(read(out.toString(), SurveyCsvOptions.defaults())).isEqualTo(answers);
        List<SurveyResponse> odd =
                List.of(SurveyResponse.of(CustomerId.of("a,\"b\""), LocalDate.of(2025, 1, 1), "nps", 3, Scale.NPS)
                        .withWeight(0.25));
        StringWriter out2 = new StringWriter();
        SurveyCsv.write(odd, out2);
        assertThat(read(out2.toString(), SurveyCsvOptions.defaults())).isEqualTo(odd);
    }
}
