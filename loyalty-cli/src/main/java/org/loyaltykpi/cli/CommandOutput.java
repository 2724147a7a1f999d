package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.document.render.CsvRenderer;
import org.loyaltykpi.document.render.HtmlRenderer;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.render.TextRenderer;
import org.loyaltykpi.document.report.CommandDocument;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How every command writes its result: as a document ({@code loyalty-report}) rendered in the chosen format to
 * standard output or {@code --out}: text ({@link TextRenderer}, in the {@code --lang} language), JSON
 * ({@link JsonRenderer#renderFields}: the command's fields), CSV (one table, {@link CsvRenderer}) or HTML.
 */
final class CommandOutput {
    private CommandOutput() {}

    /**
     * A command's document ({@link CommandDocument#of}): its title, the {@code source} of its input (with the load
     * summary as the figure's unit and the document's {@code input}), more facts about the data, and its sections.
     *
     * @param title the title
     * @param loaded the input
     * @param about more facts, after the source
     * @param sections the sections
     * @return the document
     */
    static Document document(Message title, Loaded<?> loaded, List<KeyFigure> about, List<Section> sections) {
        return CommandDocument.of(title, loaded.source(), loaded.summary(), about, sections);
    }

    /**
     * Writes a command's document.
     *
     * @param spec the command
     * @param format the format (already checked against the command's)
     * @param lang the language of text and HTML
     * @param out standard output or the file
     * @param document the document
     * @param csv the table that CSV shows, when the command offers CSV
     */
    static void write(
            CommandSpec spec,
            Format format,
            LanguageOption lang,
            OutOption out,
            Document document,
            Supplier<Table> csv) {
        out.write(spec, (PrintWriter w) -> {
            switch (format) {
                case JSON -> JsonRenderer.renderFields(document, w);
                case CSV -> CsvRenderer.render(csv.get(), w);
                case HTML -> HtmlRenderer.render(document, lang.messages(), w);
                default -> TextRenderer.render(document, lang.messages(), w);
            }
        });
    }
}
