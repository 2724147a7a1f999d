package org.loyaltykpi.document.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.io.LoadSummary;

/**
 * The document of a command other than {@code report} ({@code loyalty cohort}, {@code loyalty survey}, ...) and of
 * the Spark job's outputs: its title, the {@code source} of its input as the first fact (with the load summary as the
 * figure's unit, and as the document's {@link Document#input() input}), more facts, and its sections. Every command
 * shows its source this one way: text and HTML as the line {@code source: orders.csv (13 rows: ...)}, JSON
 * ({@link org.loyaltykpi.document.render.JsonRenderer#renderFields}) as the string {@code "source"} and the object
 * {@code "input"}.
 *
 * <pre>{@code
 * Document d = CommandDocument.of(Message.of("title.cohort", ...), "orders.csv", Optional.of(load.summary()),
 *         List.of(), CohortDocuments.cohort(matrix, CohortMetric.RETENTION, RetentionDefinition.CLASSIC));
 * // {"source": "orders.csv", "input": {"rows": 13, ...}, "granularity": "month", ...}
 * }</pre>
 */
public final class CommandDocument {
    private CommandDocument() {}

    /**
     * A command's document.
     *
     * @param title the title
     * @param source where the input came from: a file name, a database, the sample shop's description
     * @param summary the load summary, when the purchases were read from a file or a query
     * @param about more facts, after the source
     * @param sections the sections
     * @return the document
     */
    public static Document of(
            Message title,
            String source,
            Optional<LoadSummary> summary,
            List<KeyFigure> about,
            List<Section> sections) {
        List<KeyFigure> facts = new ArrayList<>();
        KeyFigure figure = KeyFigure.of("source", Message.of("about.source"), Cell.text(source));
        if (summary.isPresent()) {
            figure = figure.withUnit(Message.of("about.load", summary.get().toString()));
        }
        facts.add(figure);
        facts.addAll(about);
        Document document = new Document(title, facts, sections);
        return summary.isPresent() ? document.withInput(summary.get()) : document;
    }
}
