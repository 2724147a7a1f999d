package org.loyaltykpi.cli;

import java.util.Locale;
import org.loyaltykpi.document.Messages;
import picocli.CommandLine.Option;

/**
 * {@code --lang}, declared once for every command that renders a document: the language of labels and the format of
 * numbers and dates in text and HTML (JSON and CSV stay English and locale-free).
 */
final class LanguageOption {
    /** The languages of the labels, each with its number and date format. */
    enum Language {
        EN,
        RU
    }

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            description = "Language of the labels, and format of the numbers and dates, of text and HTML: en or ru"
                    + " (any case). Default: en. JSON and CSV stay English and locale-free.")
    private Language lang = Language.EN;

    /** The messages of the chosen language. */
    Messages messages() {
        return Messages.of(Locale.forLanguageTag(lang.name().toLowerCase(Locale.ROOT)));
    }
}
