package org.loyaltykpi.document;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.loyaltykpi.io.LoadSummary;

/**
 * A report or a command's output as one immutable value: a title, facts about the data it was computed from (source,
 * purchases, customers, date range, version) and sections. Every renderer reads a document only.
 *
 * <p>Ids of sections, tables and charts are unique in the document, so an HTML page can use them as element ids and
 * a test can count them.
 *
 * <pre>{@code
 * Document doc = new Document(Message.of("report.title"),
 *         List.of(KeyFigure.of("source", Message.of("about.source"), Cell.text("purchases.csv"))),
 *         List.of(section));
 * TextRenderer.render(doc, Messages.english(), System.out);
 * }</pre>
 *
 * <p>A document computed from a purchase file (or database query) also carries the file's {@link LoadSummary}: rows
 * read, purchases and orders, rows skipped per reason, excluded statuses and refunds. The text and HTML renderings show
 * it as the source line; JSON writes it as the object {@code about.input} beside the {@code about.source} string.
 *
 * @param title the title
 * @param about facts about the data (source, counts, range, version)
 * @param sections the sections, in reading order
 * @param input the load summary of the purchase input, when it was read from a file or a query (none for the built-in
 *     sample shop)
 */
public record Document(Message title, List<KeyFigure> about, List<Section> sections, Optional<LoadSummary> input) {

    /**
     * A document without a load summary.
     *
     * @param title the title
     * @param about facts about the data
     * @param sections the sections
     */
    public Document(Message title, List<KeyFigure> about, List<Section> sections) {
        this(title, about, sections, Optional.empty());
    }

    /**
     * Validates that ids are unique and that figures' trends point at existing table columns.
     *
     * @throws IllegalArgumentException naming the id that repeats or does not resolve
     */
    public Document {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(input, "input");
        about = List.copyOf(about);
        sections = List.copyOf(sections);
        Set<String> ids = new HashSet<>();
        for (Section section : sections) {
            unique(ids, section.id(), "section");
            section.tables().forEach(t -> unique(ids, t.id(), "table"));
            section.charts().forEach(c -> unique(ids, c.id(), "chart"));
        }
        List<Section> all = sections;
        for (Section section : all) {
            for (KeyFigure figure : section.figures()) {
                figure.trend().ifPresent(trend -> {
                    Table table = findTable(all, trend.table())
                            .orElseThrow(() -> new IllegalArgumentException("figure " + figure.id() + " of section "
                                    + section.id() + ": no table " + trend.table()));
                    table.columnIndex(trend.column());
                });
            }
        }
    }

    private static void unique(Set<String> ids, String id, String what) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("document: " + what + " id " + id + " is used twice");
        }
    }

    private static Optional<Table> findTable(List<Section> sections, String id) {
        return sections.stream()
                .flatMap(s -> s.tables().stream())
                .filter(t -> t.id().equals(id))
                .findFirst();
    }

    /**
     * A section by id.
     *
     * @param id the section id
     * @return the section, if the document has it
     */
    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * A table by id, from any section.
     *
     * @param id the table id
     * @return the table, if the document has it
     */
    public Optional<Table> table(String id) {
        return findTable(sections, id);
    }

    /**
     * Every table, section by section.
     *
     * @return the tables
     */
    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }

    /**
     * Every chart, section by section.
     *
     * @return the charts
     */
    public List<Chart> charts() {
        return sections.stream().flatMap(s -> s.charts().stream()).toList();
    }

    /**
     * Every message of the document (titles, labels, notes, label cells), for checking that a bundle resolves them
     * all.
     *
     * @return the messages, nested arguments included
     */
    public List<Message> messages() {
        Stream.Builder<Message> all = Stream.builder();
        all.add(title);
        about.forEach(f -> figureMessages(f, all));
        for (Section s : sections) {
            all.add(s.title());
            s.notes().forEach(all);
            s.figures().forEach(f -> figureMessages(f, all));
            for (Table t : s.tables()) {
                t.title().ifPresent(all);
                t.notes().forEach(all);
                t.columns().forEach(c -> all.add(c.label()));
                t.rows().forEach(row -> row.forEach(cell -> cellMessages(cell, all)));
            }
            s.charts().forEach(c -> all.add(c.title()));
        }
        return all.build().flatMap(Document::withNested).toList();
    }

    private static void figureMessages(KeyFigure f, Stream.Builder<Message> all) {
        all.add(f.label());
        f.unit().ifPresent(all);
        cellMessages(f.value(), all);
    }

    private static void cellMessages(Cell cell, Stream.Builder<Message> all) {
        if (cell instanceof Cell.Label label) {
            all.add(label.label());
        }
    }

    private static Stream<Message> withNested(Message m) {
        return Stream.concat(
                Stream.of(m),
                m.arguments().stream()
                        .filter(Message.class::isInstance)
                        .map(Message.class::cast)
                        .flatMap(Document::withNested));
    }

    /**
     * The same document with the load summary of its purchase input.
     *
     * @param summary the load summary
     * @return a new document
     */
    public Document withInput(LoadSummary summary) {
        return new Document(title, about, sections, Optional.of(summary));
    }

    @Override
    public String toString() {
        return "Document[" + title + ": " + sections.stream().map(Section::id).toList() + "]";
    }
}
