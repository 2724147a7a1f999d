package org.loyaltykpi.document.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.report.CohortDocuments;
import org.loyaltykpi.document.report.CommandDocument;
import org.loyaltykpi.domain.Granularity;

/**
 * The page of {@code loyalty cohort --format html} (the sample shop's monthly cohorts with bracketed retention) in
 * headless Chromium, held to the dashboard's checks: the cohort heatmap drawn by ECharts, the table with the JSON's
 * rows, no console error, no request, within its budgets. Screenshots go to {@code target/browser/}.
 */
class CohortPageInBrowserTest {
    private static Document cohorts(CohortMetric metric) {
        CohortMatrix m = CohortCalculator.matrix(
                SampleShop.standard().purchases(), Granularity.MONTH, List.of(OffsetBracket.parse("1-3")));
        return CommandDocument.of(
                CohortDocuments.title(m, metric, RetentionDefinition.CLASSIC),
                "built-in sample shop",
                Optional.empty(),
                List.of(),
                CohortDocuments.sections(m, metric, RetentionDefinition.CLASSIC));
    }

    @Nested
    class Retention extends HtmlDashboardInBrowserTest.Dashboard {
        @Override
        String name() {
            return "cohort-retention";
        }

        @Override
        Document document() {
            return cohorts(CohortMetric.RETENTION);
        }

        @Override
        Messages messages() {
            return Messages.english();
        }

        @Override
        long maxBytes() {
            return 2_000_000;
        }

        @Override
        int maxHeight() {
            return 6_000;
        }

        @Test
        void theAverageRetentionIsOneCurveWithAPointPerOffset() {
            Section average = document().sections().stream()
                    .filter(s -> s.id().equals("averageRetention"))
                    .findFirst()
                    .orElseThrow();
            List<HtmlRenderer.FigureSeries> curves = HtmlRenderer.figureSeries(average);

            assertThat(curves).hasSize(1);
            HtmlRenderer.FigureSeries curve = curves.get(0);
            assertThat(curve.figures()).hasSize(average.figures().size()).hasSizeGreaterThan(30);
            assertThat(curve.name(messages())).isEqualTo("average retention");
            Object points = script("return echarts.getInstanceByDom(document.querySelector('[data-chart=\""
                    + HtmlText.id(curve.id(average)) + "\"]')).getOption().series[0].data.length;");
            assertThat(((Number) points).intValue()).isEqualTo(average.figures().size());
        }
    }

    @Nested
    class LtvInRussian extends HtmlDashboardInBrowserTest.Dashboard {
        @Override
        String name() {
            return "cohort-ltv-ru";
        }

        @Override
        Document document() {
            return cohorts(CohortMetric.LTV);
        }

        @Override
        Messages messages() {
            return Messages.of(Locale.forLanguageTag("ru"));
        }

        @Override
        long maxBytes() {
            return 2_000_000;
        }

        @Override
        int maxHeight() {
            return 6_000;
        }
    }
}
