package org.loyaltykpi.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A typed table: columns with ids, labels and {@link ColumnType}s, and rows of {@link Cell}s that fit them.
 *
 * <pre>{@code
 * Table t = Table.builder("behaviourByPeriod", Message.of("table.behaviour.by-period", Message.of("unit.month")))
 *         .column("period", Message.of("column.period"), ColumnType.TEXT)
 *         .column("active", Message.of("column.active"), ColumnType.COUNT)
 *         .column("retentionRate", Message.of("column.retention"), ColumnType.RATIO)
 *         .row(Cell.text("2024-03"), Cell.count(120), Cell.ratio(80, 100))
 *         .build();
 * }</pre>
 *
 * @param id the stable id, camelCase and unique in its document
 * @param title the title, or empty for a table introduced by its section alone
 * @param columns the columns, at least one, ids unique
 * @param rows the rows, each with one cell per column that fits the column's type
 * @param notes notes printed below the table (what was skipped, how to read it)
 */
public record Table(
        String id, Optional<Message> title, List<Column> columns, List<List<Cell>> rows, List<Message> notes) {

    /**
     * Validates ids, row widths and cell types.
     *
     * @throws IllegalArgumentException naming the table, row and column of a cell that does not fit
     */
    public Table {
        Ids.check(id, "table");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + id + " has no columns");
        }
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (!seen.add(column.id())) {
                throw new IllegalArgumentException("table " + id + ": column id " + column.id() + " twice");
            }
        }
        List<List<Cell>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = List.copyOf(rows.get(r));
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "table " + id + " row " + r + ": " + row.size() + " cells for " + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).fits(columns.get(c).type())) {
                    throw new IllegalArgumentException("table " + id + " row " + r + " column "
                            + columns.get(c).id() + ": " + row.get(c) + " is not a "
                            + columns.get(c).type() + " cell");
                }
            }
            copy.add(row);
        }
        rows = List.copyOf(copy);
        notes = List.copyOf(notes);
    }

    /**
     * The index of a column.
     *
     * @param columnId the column id
     * @return its index
     * @throws IllegalArgumentException if the table has no such column
     */
    public int columnIndex(String columnId) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).id().equals(columnId)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table " + id + " has no column " + columnId);
    }

    /**
     * Whether the table has a column.
     *
     * @param columnId the column id
     * @return whether it has one
     */
    public boolean hasColumn(String columnId) {
        return columns.stream().anyMatch(c -> c.id().equals(columnId));
    }

    /**
     * The cells of one column, top to bottom.
     *
     * @param columnId the column id
     * @return the cells
     */
    public List<Cell> column(String columnId) {
        int c = columnIndex(columnId);
        return rows.stream().map(row -> row.get(c)).toList();
    }

    /**
     * A builder.
     *
     * @param id the table id
     * @param title the title
     * @return the builder
     */
    public static Builder builder(String id, Message title) {
        return new Builder(id, Optional.of(title));
    }

    /**
     * A builder of a table without a title of its own.
     *
     * @param id the table id
     * @return the builder
     */
    public static Builder builder(String id) {
        return new Builder(id, Optional.empty());
    }

    @Override
    public String toString() {
        return "Table[" + id + ": " + columns.stream().map(Column::id).toList() + ", " + rows.size() + " rows]";
    }

    /** Collects columns, rows and notes; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Optional<Message> title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();
        private final List<Message> notes = new ArrayList<>();

        private Builder(String id, Optional<Message> title) {
            this.id = id;
            this.title = title;
        }

        /**
         * Adds a column.
         *
         * @param columnId the column id
         * @param label the label
         * @param type the type
         * @return this builder
         */
        public Builder column(String columnId, Message label, ColumnType type) {
            columns.add(new Column(columnId, label, type));
            return this;
        }

        /**
         * Adds a column labelled by the message {@code column.<kebab-case id>}: {@code retentionRate} is labelled
         * {@code column.retention-rate}.
         *
         * @param columnId the column id
         * @param type the type
         * @return this builder
         */
        public Builder column(String columnId, ColumnType type) {
            return column(columnId, Message.of("column." + kebab(columnId)), type);
        }

        /**
         * Adds a row.
         *
         * @param cells one cell per column
         * @return this builder
         */
        public Builder row(Cell... cells) {
            rows.add(List.of(cells));
            return this;
        }

        /**
         * Adds a row.
         *
         * @param cells one cell per column
         * @return this builder
         */
        public Builder row(List<Cell> cells) {
            rows.add(List.copyOf(cells));
            return this;
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
         * The table.
         *
         * @return the table
         */
        public Table build() {
            return new Table(id, title, columns, rows, notes);
        }
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('-').append(Character.toLowerCase(ch));
            } else if (Character.isDigit(ch) && out.length() > 0 && !Character.isDigit(out.charAt(out.length() - 1))) {
                out.append('-').append(ch);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
