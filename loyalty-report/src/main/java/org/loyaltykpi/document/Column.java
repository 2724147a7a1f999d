package org.loyaltykpi.document;

import java.util.Objects;

/**
 * A column of a {@link Table}: a stable id (the JSON field and CSV header), a label and a type.
 *
 * @param id the id, camelCase, for example {@code retentionRate}
 * @param label the label people read, for example the message {@code column.retention}
 * @param type the type of its cells
 */
public record Column(String id, Message label, ColumnType type) {
    /** Validates the id. */
    public Column {
        Ids.field(id, "column");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }
}
