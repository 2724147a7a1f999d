package org.loyaltykpi.document.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Messages;

/** The dashboard in English and in Russian: every label comes from a bundle, and both bundles have every label. */
class HtmlLanguagesTest {
    private static final Messages RUSSIAN = Messages.of(Locale.forLanguageTag("ru"));

    private static Properties bundle(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The page without the inlined chart library: what a reader sees, and the data the charts draw. */
    private static String pageText(Document document, Messages messages) {
        String html = HtmlRenderer.page(document, messages);
        int library = html.indexOf("<!-- Apache ECharts");
        return html.substring(0, library);
    }

    @Nested
    class Definitions {
        @Test
        void theRussianBundleHasExactlyTheKeysOfTheEnglishOne() {
            Properties english = bundle("messages.properties");
            Properties russian = bundle("messages_ru.properties");
            assertThat(new TreeSet<>(russian.stringPropertyNames()))
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        }

        @Test
        void everyRussianPatternTakesTheArgumentsOfItsEnglishPattern() {
            Properties english = bundle("messages.properties");
            Properties russian = bundle("messages_ru.properties");
            for (String key : english.stringPropertyNames()) {
                if (russian.containsKey(key)) {
                    assertThat(placeholders(russian.getProperty(key)))
                            .as(key)
                            .isEqualTo(placeholders(english.getProperty(key)));
                }
            }
        }

        @Test
        void russianFormatsNumbersAndDatesForItsLocale() {
            assertThat(RUSSIAN.format(Cell.ratio(1, 8))).isEqualTo("12,5%");
            assertThat(RUSSIAN.format(Cell.day(java.time.LocalDate.of(2024, 3, 5))))
                    .isEqualTo("05.03.2024");
            assertThat(RUSSIAN.format(Cell.count(1234567))).matches("1[\\s\\u00a0\\u202f]234[\\s\\u00a0\\u202f]567");
        }
    }

    @Nested
    class Invariants {
        @Test
        void theSampleShopsDocumentHasNoMessageWithoutARussianTranslation() {
            assertThat(RUSSIAN.untranslated(Reports.sampleShop().messages())).isEmpty();
            assertThat(RUSSIAN.untranslated(Reports.cdnowMaster().messages())).isEmpty();
        }

        @Test
        void noMessageKeyShowsInTheEnglishOrTheRussianPage() {
            Set<String> keys = bundle("messages.properties").stringPropertyNames();
            for (Messages messages : new Messages[] {Messages.english(), RUSSIAN}) {
                String page = pageText(Reports.sampleShop(), messages);
                for (String key : keys) {
                    assertThat(page)
                            .as(messages.locale() + " page shows the raw key")
                            .doesNotContain(key);
                }
            }
        }

        @Test
        void theRussianPageIsMarkedRussianAndTitlesItsSectionsInRussian() {
            String page = pageText(Reports.sampleShop(), RUSSIAN);
            assertThat(page)
                    .contains("<html lang=\"ru\">")
                    .contains("Когорты привлечения")
                    .contains("\"locale\":\"ru\"");
            assertThat(page).doesNotContain("Acquisition cohorts");
        }
    }
}
