package org.loyaltykpi.document.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Chart;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.domain.Ratio;

/**
 * The acquisition-cohort matrix of one metric as the sections of {@code loyalty cohort} and of the Spark job's
 * {@code cohort.json}: one builder, so the two cannot drift. The JSON ({@link
 * org.loyaltykpi.document.render.JsonRenderer#renderFields}) is
 *
 * <pre>{@code
 * {"source": "orders.csv", "input": {...},
 *  "granularity": "month", "metric": "retention", "definition": "classic", "lastPeriod": "2025-12",
 *  "cohorts": [{"cohort": "2025-01", "period": "2025-01-01/2025-02-01", "size": 120,
 *               "values": [1, 0.25, 0.2], "brackets": {"1-3": 0.4}}, ...],
 *  "average": [1, 0.24, ...]}
 * }</pre>
 *
 * <p>{@code values} has one number per offset the cohort has been observed at (a triangle: later cohorts have fewer);
 * counts for {@code customers} and {@code purchases}, money for {@code revenue} and {@code ltv} (cumulative revenue
 * per cohort customer), a fraction for {@code retention}. {@code definition} and {@code average} (the retention of all
 * cohorts observed at each offset, weighted by their size) are there for {@code retention} only, {@code brackets} with
 * bracketed retention only. The CSV is the table {@code cohorts}: {@code cohort,period,size,values.0,values.1,...}.
 */
public final class CohortDocuments {
    private CohortDocuments() {}

    /**
     * The title of {@code loyalty cohort}: {@code Cohorts by month: retention, active in period k / cohort size}.
     *
     * @param m the matrix
     * @param metric the metric
     * @param definition the retention definition
     * @return the title
     */
    public static Message title(CohortMatrix m, CohortMetric metric, RetentionDefinition definition) {
        String what = metric == CohortMetric.RETENTION ? "retention-" + Cell.code(definition) : Cell.code(metric);
        return Message.of("title.cohort", ReportDocument.unit(m.granularity()), Message.of("cohort.describe." + what));
    }

    /**
     * The sections of {@code loyalty cohort}, every offset: see {@link #sections(CohortMatrix, CohortMetric,
     * RetentionDefinition, int)}.
     *
     * @param m the matrix
     * @param metric the metric
     * @param definition the retention definition
     * @return the sections
     */
    public static List<Section> sections(CohortMatrix m, CohortMetric metric, RetentionDefinition definition) {
        return sections(m, metric, definition, Integer.MAX_VALUE);
    }

    /**
     * The sections of {@code loyalty cohort}: {@code cohort} (the figures {@code granularity}, {@code metric},
     * {@code definition} for retention, {@code lastPeriod}; the table {@code cohorts}, one row per cohort with its
     * {@code cohort} label, {@code period}, {@code size}, {@code values.k} per offset k (missing where the cohort has
     * not been observed) and {@code brackets.FROM-TO} per bracket; the heatmap {@code cohortHeatmap} of the table),
     * then, for retention, {@code averageRetention} (the figures {@code average.k}).
     *
     * @param m the matrix
     * @param metric the metric
     * @param definition the retention definition (used for retention only)
     * @param maxOffsets at most this many offset columns (a terminal's width), with a note naming those left out
     * @return the sections
     * @throws IllegalArgumentException if {@code maxOffsets < 1}
     */
    public static List<Section> sections(
            CohortMatrix m, CohortMetric metric, RetentionDefinition definition, int maxOffsets) {
        if (maxOffsets < 1) {
            throw new IllegalArgumentException("maxOffsets must be >= 1: " + maxOffsets);
        }
        Section.Builder s = Section.builder("cohort", Message.of("section.cohort.matrix"));
        s.figure(KeyFigure.of("granularity", Message.of("field.granularity"), Cell.label("unit", m.granularity())));
        s.figure(KeyFigure.of("metric", Message.of("field.cohort.metric"), Cell.label("cohort-metric", metric)));
        if (metric == CohortMetric.RETENTION) {
            s.figure(KeyFigure.of(
                    "definition",
                    Message.of("field.cohort.definition"),
                    Cell.label("retention-definition", definition)));
        }
        s.figure(KeyFigure.of(
                "lastPeriod",
                Message.of("field.cohort.last-period"),
                Cell.text(m.lastPeriod().map(p -> p.label()).orElse(""))));
        Table table = table(m, metric, definition, maxOffsets);
        s.table(table);
        List<String> offsets = new ArrayList<>();
        for (int k = 0; k < Math.min(m.offsetCount(), maxOffsets); k++) {
            offsets.add("values." + k);
        }
        if (!offsets.isEmpty()) {
            s.chart(heatmap(List.of(table.id()), offsets));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(s.build());
        if (metric == CohortMetric.RETENTION && m.cohortCount() > 0) {
            Section.Builder a = Section.builder("averageRetention", Message.of("section.cohort.average"));
            List<Ratio> average = m.averageRetention(definition);
            for (int k = 0; k < average.size(); k++) {
                a.figure(KeyFigure.of(
                        "average." + k, Message.of("field.cohort.average", "+" + k), Cell.ratio(average.get(k))));
            }
            sections.add(a.build());
        }
        return sections;
    }

    /**
     * The table {@code cohorts} of {@link #sections}, every offset: the CSV of {@code loyalty cohort}.
     *
     * @param m the matrix
     * @param metric the metric
     * @param definition the retention definition
     * @return the table
     */
    public static Table table(CohortMatrix m, CohortMetric metric, RetentionDefinition definition) {
        return table(m, metric, definition, Integer.MAX_VALUE);
    }

    private static Table table(CohortMatrix m, CohortMetric metric, RetentionDefinition definition, int maxOffsets) {
        int shown = Math.min(m.offsetCount(), maxOffsets);
        Table.Builder t = Table.builder(
                        "cohorts", Message.of("table.cohort.matrix", ReportDocument.unit(m.granularity())))
                .column("cohort", ColumnType.TEXT)
                .column("period", ColumnType.TEXT)
                .column("size", ColumnType.COUNT);
        offsetColumns(t, m, "values.", metric, shown);
        for (int b = 0; b < m.brackets().size(); b++) {
            t.column(
                    "brackets." + m.brackets().get(b),
                    Message.of("column.offset", "+" + m.brackets().get(b)),
                    ColumnType.RATIO);
        }
        for (int c = 0; c < m.cohortCount(); c++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(m.cohort(c).label()));
            row.add(Cell.text(m.cohort(c).toString()));
            row.add(Cell.count(m.size(c)));
            offsetCells(row, m, c, metric, definition, shown);
            for (int b = 0; b < m.brackets().size(); b++) {
                row.add(m.bracketedRetention(c, b).<Cell>map(Cell::ratio).orElseGet(Cell::missing));
            }
            t.row(row);
        }
        if (m.cohortCount() == 0) {
            t.note(Message.of("note.no-cohorts"));
        } else if (shown < m.offsetCount()) {
            t.note(Message.of("note.cohort.offsets-hidden", "+" + shown, "+" + (m.offsetCount() - 1)));
        }
        return t.build();
    }

    /** The offset columns {@code <prefix>0 ...}, labelled {@code +0 ...}, typed by the metric. */
    static void offsetColumns(Table.Builder t, CohortMatrix m, String prefix, CohortMetric metric, int shown) {
        ColumnType type = switch (metric) {
            case CUSTOMERS, PURCHASES -> ColumnType.COUNT;
            case RETENTION -> ColumnType.RATIO;
            case REVENUE, LTV -> ColumnType.MONEY;
        };
        for (int k = 0; k < shown; k++) {
            t.column(prefix + k, Message.of("column.offset", "+" + k), type);
        }
    }

    /** One cohort's cells at offsets 0 to {@code shown - 1}: missing where the cohort has not been observed. */
    static void offsetCells(
            List<Cell> row, CohortMatrix m, int c, CohortMetric metric, RetentionDefinition definition, int shown) {
        for (int k = 0; k < shown; k++) {
            if (k >= m.observedOffsets(c)) {
                row.add(Cell.missing());
                continue;
            }
            row.add(
                    switch (metric) {
                        case CUSTOMERS -> Cell.count(m.activeCustomers(c, k));
                        case PURCHASES -> Cell.count(m.purchases(c, k));
                        case RETENTION -> Cell.ratio(m.retention(c, k, definition));
                        case REVENUE -> Cell.money(m.revenue(c, k));
                        case LTV -> Cell.money(OptionalDouble.of(m.cumulativeRevenuePerCustomer(c, k)));
                    });
        }
    }

    /**
     * The cohort heatmap of the report and of {@code loyalty cohort}: tables with a row per cohort (column
     * {@code cohort}) drawn as layers the reader switches between, one cell per offset column.
     *
     * @param layers the ids of the tables
     * @param offsets the offset columns, in order
     * @return the chart {@code cohortHeatmap}
     */
    static Chart heatmap(List<String> layers, List<String> offsets) {
        return new Chart.Heatmap("cohortHeatmap", Message.of("chart.cohort-heatmap"), layers, "cohort", offsets);
    }
}
