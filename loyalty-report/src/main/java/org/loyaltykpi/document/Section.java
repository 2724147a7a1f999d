package org.loyaltykpi.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One section of a {@link Document}: notes, key figures, tables and charts that draw those tables.
 *
 * <p>A section that could not be computed (data too wide, a model fit that did not converge) is
 * {@link #degraded(String, Message, Message) degraded}: it keeps its id and title and holds one note that says why,
 * so the rest of the report still renders.
 *
 * <pre>{@code
 * Section s = Section.builder("purchaseBehaviour", Message.of("section.purchase-behaviour"))
 *         .figure(KeyFigure.of("activeCustomers", Message.of("figure.active-customers"), Cell.count(120)))
 *         .table(byPeriod)
 *         .chart(new Chart.TimeSeries("activeChart", Message.of("chart.active"), "behaviourByPeriod", "period",
 *                 List.of(Chart.Series.bar("new"), Chart.Series.bar("returning")), true))
 *         .build();
 * }</pre>
 *
 * @param id the stable id, camelCase and unique in its document (also the section's JSON field)
 * @param title the title
 * @param notes notes printed before the figures (what the section shows, why it is empty or degraded)
 * @param figures the key figures, ids unique in the section
 * @param tables the tables, in reading order
 * @param charts the charts, each drawing columns of this section's tables
 * @param degraded whether the section could not be computed (its notes say why)
 */
public record Section(
        String id,
        Message title,
        List<Message> notes,
        List<KeyFigure> figures,
        List<Table> tables,
        List<Chart> charts,
        boolean degraded) {

    /**
     * Validates ids and that every chart draws existing columns of this section's tables.
     *
     * @throws IllegalArgumentException naming the section and the id that does not resolve
     */
    public Section {
        Ids.check(id, "section");
        Objects.requireNonNull(title, "title");
        notes = List.copyOf(notes);
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        Set<String> figureIds = new HashSet<>();
        for (KeyFigure figure : figures) {
            if (!figureIds.add(figure.id())) {
                throw new IllegalArgumentException("section " + id + ": figure id " + figure.id() + " twice");
            }
        }
        Map<String, Table> byId = tables.stream().collect(Collectors.toMap(Table::id, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("section " + id + ": table id " + a.id() + " twice");
        }));
        for (Chart chart : charts) {
            for (String column : columnsOf(chart)) {
                for (String table : chart.tables()) {
                    Table t = byId.get(table);
                    if (t == null) {
                        throw new IllegalArgumentException(
                                "section " + id + ": chart " + chart.id() + " draws table " + table + ", not here");
                    }
                    if (!t.hasColumn(column)) {
                        throw new IllegalArgumentException("section " + id + ": chart " + chart.id() + " draws column "
                                + column + ", not in table " + table);
                    }
                }
            }
        }
    }

    private static List<String> columnsOf(Chart chart) {
        List<String> columns = new ArrayList<>();
        if (chart instanceof Chart.TimeSeries t) {
            columns.add(t.x());
            t.series().forEach(s -> addSeries(columns, s));
        } else if (chart instanceof Chart.Heatmap h) {
            columns.add(h.row());
            columns.addAll(h.values());
        } else if (chart instanceof Chart.Bars b) {
            columns.add(b.category());
            b.series().forEach(s -> addSeries(columns, s));
        } else if (chart instanceof Chart.Histogram h) {
            columns.addAll(List.of(h.low(), h.high(), h.count()));
        } else if (chart instanceof Chart.Flow f) {
            columns.addAll(List.of(f.from(), f.to(), f.weight()));
        }
        return columns;
    }

    private static void addSeries(List<String> columns, Chart.Series series) {
        columns.add(series.column());
        series.band().ifPresent(b -> {
            columns.add(b.low());
            columns.add(b.high());
        });
    }

    /**
     * A section that could not be computed: its title and one note that says why.
     *
     * @param id the id
     * @param title the title
     * @param reason why, for example {@code Message.of("note.fit-failed", "bg-nbd", "did not converge")}
     * @return the section
     */
    public static Section degraded(String id, Message title, Message reason) {
        return new Section(id, title, List.of(reason), List.of(), List.of(), List.of(), true);
    }

    /**
     * A builder.
     *
     * @param id the id
     * @param title the title
     * @return the builder
     */
    public static Builder builder(String id, Message title) {
        return new Builder(id, title);
    }

    @Override
    public String toString() {
        return "Section[" + id + (degraded ? " (degraded)" : "") + ": " + figures.size() + " figures, "
                + tables.stream().map(Table::id).toList() + ", "
                + charts.stream().map(Chart::id).toList() + "]";
    }

    /** Collects a section's parts; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Message title;
        private final List<Message> notes = new ArrayList<>();
        private final List<KeyFigure> figures = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();

        private Builder(String id, Message title) {
            this.id = id;
            this.title = title;
        }

        /**
         * Adds a note.
         *
         * @param note the note
         * @return this builder
         */
        public Builder note(Message note) {
            notes.add(note);
            return this;
        }

        /**
         * Adds a key figure.
         *
         * @param figure the figure
         * @return this builder
         */
        public Builder figure(KeyFigure figure) {
            figures.add(figure);
            return this;
        }

        /**
         * Adds a table.
         *
         * @param table the table
         * @return this builder
         */
        public Builder table(Table table) {
            tables.add(table);
            return this;
        }

        /**
         * Adds a chart.
         *
         * @param chart the chart
         * @return this builder
         */
        public Builder chart(Chart chart) {
            charts.add(chart);
            return this;
        }

        /**
         * The section.
         *
         * @return the section
         */
        public Section build() {
            return new Section(id, title, notes, figures, tables, charts, false);
        }
    }
}
