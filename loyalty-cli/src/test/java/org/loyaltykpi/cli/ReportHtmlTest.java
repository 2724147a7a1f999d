package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {
    @TempDir
    Path dir;

    @Test
    void theDashboardIsOneStandalonePageThatForbidsEveryRequest() {
        LoyaltyCliTest.Run html = LoyaltyCliTest.run("report", "--format", "html");
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html.out())
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .contains("<table class=\"data\"")
                .contains("data-chart=")
                .contains("Apache ECharts 5.3.1")
                .doesNotContain("<pre>");
        assertThat(html.out().strip()).endsWith("</html>");
        for (String section : List.of("purchaseBehaviour", "cohorts", "survey", "customerLifetimeValue", "targets")) {
            assertThat(html.out()).contains("<section class=\"report\" id=\"" + section + "\">");
        }
    }

    @Test
    void langRuGivesTheDashboardInRussianWithRussianNumbers() {
        LoyaltyCliTest.Run html = LoyaltyCliTest.run("report", "--format", "html", "--lang", "ru");
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(html.out()).contains("<html lang=\"ru\">").contains("Когорты привлечения");
        assertThat(html.out()).doesNotContain(">Acquisition cohorts<");
    }

    @Test
    void anUnknownLanguageIsBadUsage() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report", "--format", "html", "--lang", "xx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("xx");
    }

    @Test
    void markupInTheSourceNameIsEscapedAndTheFileIsWritten() throws IOException {
        Path shop = dir.resolve("a&b <shop>.csv");
        Files.writeString(
                shop, "customer_id,date,amount\nc1,2024-01-05,10.00\nc1,2024-02-05,12.00\n", StandardCharsets.UTF_8);
        Path page = dir.resolve("report.html");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "report", "--transactions", shop.toString(), "--format", "html", "--out", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("a&amp;b &lt;shop&gt;.csv").doesNotContain("<shop>");
    }

    @Test
    void anUnknownFormatIsBadUsage() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report", "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pdf");
    }
}
