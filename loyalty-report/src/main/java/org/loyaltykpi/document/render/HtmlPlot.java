package org.loyaltykpi.document.render;

import java.util.List;
import java.util.Optional;

/**
 * What the page's script draws: a chart's kind and data, written into the page's JSON data island. Built from the
 * document's chart series only; nothing here computes a metric. Missing values are {@code NaN} and travel as null.
 */
sealed interface HtmlPlot {

    /** The number of series the document's chart has, which the drawn chart must show. */
    int seriesCount();

    /** One drawn series: {@code type} line, area or bar; {@code axis} 0 (left) or 1 (right). */
    record Series(
            String name,
            String type,
            Optional<String> stack,
            int axis,
            String unit,
            double[] data,
            Optional<double[]> low,
            Optional<double[]> high) {
        static Series line(String name, String unit, double[] data) {
            return new Series(name, "line", Optional.empty(), 0, unit, data, Optional.empty(), Optional.empty());
        }

        Series withType(String newType) {
            return new Series(name, newType, stack, axis, unit, data, low, high);
        }

        Series stacked(String newStack) {
            return new Series(name, type, Optional.of(newStack), axis, unit, data, low, high);
        }

        Series onRightAxis() {
            return new Series(name, type, stack, 1, unit, data, low, high);
        }

        Series withBand(double[] lows, double[] highs) {
            return new Series(name, type, stack, axis, unit, data, Optional.of(lows), Optional.of(highs));
        }
    }

    /** Periods, cohorts, offsets or bins along x; line, area and bar series. */
    record Cartesian(List<String> x, String xName, String unit, String yName, List<Series> series) implements HtmlPlot {
        @Override
        public int seriesCount() {
            return series.size();
        }
    }

    /** Ranked categories as horizontal bars. */
    record Ranked(List<String> categories, String unit, List<Series> series) implements HtmlPlot {
        @Override
        public int seriesCount() {
            return series.size();
        }
    }

    /** One matrix of a heatmap; {@code values[row][column]}, NaN where there is no cell (outside the triangle). */
    record Matrix(String name, String unit, double[][] values) {}

    /**
     * A matrix with rows {@code y} and columns {@code x}; several matrices give the metric selector. With a
     * {@code curvesLabel} a second selector draws the same matrix as one line per row (cohort curves).
     */
    record Heatmap(
            List<String> x,
            String xName,
            List<String> y,
            String yName,
            List<Matrix> variants,
            String heatmapLabel,
            Optional<String> curvesLabel)
            implements HtmlPlot {
        @Override
        public int seriesCount() {
            return variants.size();
        }
    }

    /** A node of a flow. */
    record Node(String id, String label) {}

    /** A link of a flow. */
    record Link(String source, String target, double value) {}

    /** Flow between stages (a sankey diagram). */
    record Flow(String name, String unit, List<Node> nodes, List<Link> links) implements HtmlPlot {
        @Override
        public int seriesCount() {
            return 1;
        }
    }

    /** A KPI tile's small line. */
    record Sparkline(String id, List<String> x, Series series) implements HtmlPlot {
        @Override
        public int seriesCount() {
            return 1;
        }
    }
}
