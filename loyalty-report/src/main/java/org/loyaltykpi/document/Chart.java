package org.loyaltykpi.document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chart: a typed view of columns of a {@link Table} in the same section. A chart holds no numbers of its own, so
 * every number a chart draws is in a table that the text, JSON and CSV renderings show too.
 *
 * <ul>
 *   <li>{@link TimeSeries}: one x column (periods) and value columns drawn as lines, bars or areas, optionally
 *       stacked, optionally with a band (a confidence interval) per series;
 *   <li>{@link Heatmap}: a matrix, one row per table row and one cell per value column (a cohort triangle, a
 *       frequency/recency matrix), in one or more layers (tables of the same shape) a reader switches between;
 *   <li>{@link Bars}: one bar (or stack) per row of a category column;
 *   <li>{@link Histogram}: bins with a lower bound, an upper bound and a count;
 *   <li>{@link Flow}: links from one category to another with a weight (lifecycle moves).
 * </ul>
 */
public sealed interface Chart {

    /**
     * The stable id, camelCase and unique in its document.
     *
     * @return the id
     */
    String id();

    /**
     * The title.
     *
     * @return the title
     */
    Message title();

    /**
     * The ids of the tables this chart draws.
     *
     * @return the table ids, at least one
     */
    List<String> tables();

    /**
     * The number of series the chart draws: value columns of a time series or bars, layers of a heatmap, 1 for a
     * histogram or a flow.
     *
     * @return the series count
     */
    int seriesCount();

    /** How a series is drawn. */
    enum Mark {
        /** A line. */
        LINE,
        /** Bars. */
        BAR,
        /** A filled area. */
        AREA
    }

    /**
     * A value column of a time series or bar chart.
     *
     * @param column the value column id
     * @param mark how it is drawn
     * @param band the columns of the lower and upper bound of a band around it, if any
     */
    record Series(String column, Mark mark, Optional<Band> band) {
        /** Validates the ids. */
        public Series {
            Ids.field(column, "column");
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(band, "band");
        }

        /**
         * A line.
         *
         * @param column the column id
         * @return the series
         */
        public static Series line(String column) {
            return new Series(column, Mark.LINE, Optional.empty());
        }

        /**
         * Bars.
         *
         * @param column the column id
         * @return the series
         */
        public static Series bar(String column) {
            return new Series(column, Mark.BAR, Optional.empty());
        }

        /**
         * A line with a band.
         *
         * @param column the column id
         * @param low the lower bound's column id
         * @param high the upper bound's column id
         * @return the series
         */
        public static Series banded(String column, String low, String high) {
            return new Series(column, Mark.LINE, Optional.of(new Band(low, high)));
        }
    }

    /**
     * The columns of a band's bounds.
     *
     * @param low the lower bound's column id
     * @param high the upper bound's column id
     */
    record Band(String low, String high) {
        /** Validates the ids. */
        public Band {
            Ids.field(low, "column");
            Ids.field(high, "column");
        }
    }

    /**
     * Values over periods.
     *
     * @param id the chart id
     * @param title the title
     * @param table the table id
     * @param x the x column (period labels or days)
     * @param series the value columns
     * @param stacked whether the series are stacked
     */
    record TimeSeries(String id, Message title, String table, String x, List<Series> series, boolean stacked)
            implements Chart {
        /** Validates ids. */
        public TimeSeries {
            Ids.check(id, "chart");
            Objects.requireNonNull(title, "title");
            Ids.check(table, "table");
            Ids.field(x, "column");
            series = List.copyOf(series);
        }

        @Override
        public List<String> tables() {
            return List.of(table);
        }

        @Override
        public int seriesCount() {
            return series.size();
        }
    }

    /**
     * A matrix: rows of the tables' row column against the value columns, colour for the value.
     *
     * @param id the chart id
     * @param title the title
     * @param layers the tables, all with the row column and the value columns (for example cohort retention and
     *     cohort revenue); a reader switches between them
     * @param row the column that labels the rows
     * @param values the value columns, in order
     */
    record Heatmap(String id, Message title, List<String> layers, String row, List<String> values) implements Chart {
        /** Validates ids. */
        public Heatmap {
            Ids.check(id, "chart");
            Objects.requireNonNull(title, "title");
            layers = List.copyOf(layers);
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("heatmap " + id + " has no layers");
            }
            layers.forEach(t -> Ids.check(t, "table"));
            Ids.field(row, "column");
            values = List.copyOf(values);
            values.forEach(c -> Ids.field(c, "column"));
        }

        @Override
        public List<String> tables() {
            return layers;
        }

        @Override
        public int seriesCount() {
            return layers.size();
        }
    }

    /**
     * Bars per category.
     *
     * @param id the chart id
     * @param title the title
     * @param table the table id
     * @param category the category column
     * @param series the value columns
     * @param stacked whether the series are stacked
     * @param horizontal whether bars run horizontally (long category names, rankings)
     */
    record Bars(
            String id,
            Message title,
            String table,
            String category,
            List<Series> series,
            boolean stacked,
            boolean horizontal)
            implements Chart {
        /** Validates ids. */
        public Bars {
            Ids.check(id, "chart");
            Objects.requireNonNull(title, "title");
            Ids.check(table, "table");
            Ids.field(category, "column");
            series = List.copyOf(series);
        }

        @Override
        public List<String> tables() {
            return List.of(table);
        }

        @Override
        public int seriesCount() {
            return series.size();
        }
    }

    /**
     * A histogram: one bar per row, from the lower to the upper bound, as high as the count.
     *
     * @param id the chart id
     * @param title the title
     * @param table the table id
     * @param low the lower-bound column
     * @param high the upper-bound column
     * @param count the count column
     */
    record Histogram(String id, Message title, String table, String low, String high, String count) implements Chart {
        /** Validates ids. */
        public Histogram {
            Ids.check(id, "chart");
            Objects.requireNonNull(title, "title");
            Ids.check(table, "table");
            Ids.field(low, "column");
            Ids.field(high, "column");
            Ids.field(count, "column");
        }

        @Override
        public List<String> tables() {
            return List.of(table);
        }

        @Override
        public int seriesCount() {
            return 1;
        }
    }

    /**
     * A flow between categories (a Sankey diagram): one link per row.
     *
     * @param id the chart id
     * @param title the title
     * @param table the table id
     * @param from the source column
     * @param to the target column
     * @param weight the weight column
     */
    record Flow(String id, Message title, String table, String from, String to, String weight) implements Chart {
        /** Validates ids. */
        public Flow {
            Ids.check(id, "chart");
            Objects.requireNonNull(title, "title");
            Ids.check(table, "table");
            Ids.field(from, "column");
            Ids.field(to, "column");
            Ids.field(weight, "column");
        }

        @Override
        public List<String> tables() {
            return List.of(table);
        }

        @Override
        public int seriesCount() {
            return 1;
        }
    }
}
