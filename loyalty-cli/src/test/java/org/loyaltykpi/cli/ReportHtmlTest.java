package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {
    private static final Pattern SECTION_TITLE = Pattern.compile("(?m)^(\\d+)\\. (.+)$");

    @TempDir
    Path dir;

    @Test
    void theHtmlPageHasEveryTextSectionInTheSameOrderWithTheSameNumbers() {
        LoyaltyCliTest.Run text = LoyaltyCliTest.run("report");
        LoyaltyCliTest.Run html = LoyaltyCliTest.run("report", "--format", "html");
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html.out().strip()).endsWith("</html>");

        Matcher titles = SECTION_TITLE.matcher(text.out());
        int sections = 0;
        int previous = -1;
        while (titles.find()) {
            String heading = "<h2>" + titles.group(1) + ". " + Html.escape(titles.group(2)) + "</h2>";
            int at = html.out().indexOf(heading);
            assertThat(at).as(heading).isGreaterThan(previous);
            previous = at;
            sections++;
        }
        assertThat(sections).isGreaterThanOrEqualTo(4);
        assertThat(html.out().split("<section id=", -1)).hasSize(sections + 1);
        // The text body of each section is in the page, escaped: a line of the behaviour table, for one.
        String firstTableLine = text.out()
                .lines()
                .filter(line -> line.strip().startsWith("repeat purchase"))
                .findFirst()
                .orElseThrow();
        assertThat(html.out()).contains(Html.escape(firstTableLine));
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
    void escapingCoversEveryMarkupCharacter() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.escape("plain 12.5%")).isEqualTo("plain 12.5%");
        assertThat(List.of(Html.escape(""))).containsExactly("");
    }

    @Test
    void anUnknownFormatIsBadUsage() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report", "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pdf");
    }
}
