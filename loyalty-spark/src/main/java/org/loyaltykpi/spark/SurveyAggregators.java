package org.loyaltykpi.spark;

import java.util.Optional;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.survey.ConfidenceInterval;
import org.loyaltykpi.survey.NpsResult;
import org.loyaltykpi.survey.ScoreSummary;
import scala.Tuple2;

/**
 * The typed {@link Aggregator}s behind the survey SQL functions. Each row goes into the core accumulator rebuilt from
 * the buffer ({@code NpsResultAccumulator}, {@code ScoreSummaryAccumulator}), buffers merge through the accumulators' merge, and
 * the result is the core's {@link NpsResult} or {@link ScoreSummary}: no formula here.
 */
final class SurveyAggregators {
    private static final double DEFAULT_LEVEL = 0.95;

    private SurveyAggregators() {}

    /** {@code nps(score)} and, with a level, {@code nps_interval(score, level)}. */
    abstract static class Nps<I> extends Aggregator<I, NpsBuffer, NpsValue> {
        private static final long serialVersionUID = 1L;

        @Override
        public NpsBuffer zero() {
            return new NpsBuffer();
        }

        NpsBuffer add(NpsBuffer b, Integer score, double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("nps_interval: level must be between 0 and 1: " + level);
            }
            if (b.getLevel() != 0 && b.getLevel() != level) {
                throw new IllegalArgumentException(
                        "nps_interval: one level per group: " + b.getLevel() + " and " + level);
            }
            b.setLevel(level);
            if (score == null) {
                b.setSkippedNulls(b.getSkippedNulls() + 1);
                return b;
            }
            return b.set(b.accumulator().add(score).snapshot());
        }

        @Override
        public NpsBuffer merge(NpsBuffer a, NpsBuffer b) {
            if (a.getLevel() != 0 && b.getLevel() != 0 && a.getLevel() != b.getLevel()) {
                throw new IllegalArgumentException(
                        "nps_interval: one level per group: " + a.getLevel() + " and " + b.getLevel());
            }
            a.setLevel(a.getLevel() != 0 ? a.getLevel() : b.getLevel());
            a.setSkippedNulls(a.getSkippedNulls() + b.getSkippedNulls());
            return a.set(a.accumulator().add(b.result()).snapshot());
        }

        @Override
        public NpsValue finish(NpsBuffer b) {
            NpsResult r = b.result();
            NpsValue v = new NpsValue();
            v.setResponses(r.responses());
            v.setPromoters(r.promoters());
            v.setPassives(r.passives());
            v.setDetractors(r.detractors());
            v.setSkippedNulls(b.getSkippedNulls());
            if (r.score().isPresent()) {
                v.setScore(r.score().getAsDouble());
            }
            Optional<ConfidenceInterval> ci = r.confidenceInterval(b.getLevel() == 0 ? DEFAULT_LEVEL : b.getLevel());
            ci.ifPresent(c -> {
                v.setLevel(c.level());
                v.setLow(c.low());
                v.setHigh(c.high());
                v.setMethod(c.method().label());
            });
            return v;
        }

        @Override
        public Encoder<NpsBuffer> bufferEncoder() {
            return Encoders.bean(NpsBuffer.class);
        }

        @Override
        public Encoder<NpsValue> outputEncoder() {
            return Encoders.bean(NpsValue.class);
        }
    }

    static final class NpsOfScore extends Nps<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public NpsBuffer reduce(NpsBuffer b, Integer score) {
            return add(b, score, DEFAULT_LEVEL);
        }
    }

    static final class NpsWithLevel extends Nps<Tuple2<Integer, Double>> {
        private static final long serialVersionUID = 1L;

        @Override
        public NpsBuffer reduce(NpsBuffer b, Tuple2<Integer, Double> row) {
            if (row._2() == null) {
                throw new IllegalArgumentException("nps_interval: level must not be null");
            }
            return add(b, row._1(), row._2());
        }
    }

    /** {@code csat(score[, top_boxes])} and {@code ces(score)}. */
    abstract static class Score<I> extends Aggregator<I, ScoreBuffer, ScoreValue> {
        private static final long serialVersionUID = 1L;
        private final int min;
        private final int max;
        private final int defaultTopBoxes;
        private final String name;

        Score(String name, Scale scale, int defaultTopBoxes) {
            this.name = name;
            this.min = scale.min();
            this.max = scale.max();
            this.defaultTopBoxes = defaultTopBoxes;
        }

        Scale scale() {
            return Scale.of(min, max);
        }

        @Override
        public ScoreBuffer zero() {
            return new ScoreBuffer();
        }

        ScoreBuffer add(ScoreBuffer b, Integer score, int topBoxes) {
            if (b.getTopBoxes() != 0 && b.getTopBoxes() != topBoxes) {
                throw new IllegalArgumentException(
                        name + ": one top_boxes per group: " + b.getTopBoxes() + " and " + topBoxes);
            }
            if (b.getTopBoxes() == 0) {
                scale().topBoxesFrom(topBoxes); // names the value if it does not fit the scale
                b.setTopBoxes(topBoxes);
            }
            if (score == null) {
                b.setSkippedNulls(b.getSkippedNulls() + 1);
                return b;
            }
            return b.set(b.accumulator(scale()).add(score).snapshot());
        }

        @Override
        public ScoreBuffer merge(ScoreBuffer a, ScoreBuffer b) {
            if (b.getTopBoxes() == 0) {
                a.setSkippedNulls(a.getSkippedNulls() + b.getSkippedNulls());
                return a;
            }
            if (a.getTopBoxes() == 0) {
                b.setSkippedNulls(a.getSkippedNulls() + b.getSkippedNulls());
                return b;
            }
            if (a.getTopBoxes() != b.getTopBoxes()) {
                throw new IllegalArgumentException(
                        name + ": one top_boxes per group: " + a.getTopBoxes() + " and " + b.getTopBoxes());
            }
            a.setSkippedNulls(a.getSkippedNulls() + b.getSkippedNulls());
            return a.set(a.accumulator(scale()).add(b.summary(scale())).snapshot());
        }

        @Override
        public ScoreValue finish(ScoreBuffer b) {
            ScoreValue v = new ScoreValue();
            v.setSkippedNulls(b.getSkippedNulls());
            int topBoxes = b.getTopBoxes() == 0 ? defaultTopBoxes : b.getTopBoxes();
            v.setTopBoxes(topBoxes);
            if (b.getTopBoxes() == 0) {
                return v;
            }
            ScoreSummary s = b.summary(scale());
            v.setResponses(s.responses());
            v.setTopBoxCount(s.topBoxCount());
            s.topBoxShare().value().ifPresent(v::setTopBoxShare);
            s.topBoxInterval().ifPresent(c -> {
                v.setLow(c.low());
                v.setHigh(c.high());
            });
            s.mean().ifPresent(v::setMean);
            return v;
        }

        @Override
        public Encoder<ScoreBuffer> bufferEncoder() {
            return Encoders.bean(ScoreBuffer.class);
        }

        @Override
        public Encoder<ScoreValue> outputEncoder() {
            return Encoders.bean(ScoreValue.class);
        }
    }

    static final class ScoreOfScore extends Score<Integer> {
        private static final long serialVersionUID = 1L;
        private final int topBoxes;

        ScoreOfScore(String name, Scale scale, int topBoxes) {
            super(name, scale, topBoxes);
            this.topBoxes = topBoxes;
        }

        @Override
        public ScoreBuffer reduce(ScoreBuffer b, Integer score) {
            return add(b, score, topBoxes);
        }
    }

    static final class ScoreWithTopBoxes extends Score<Tuple2<Integer, Integer>> {
        private static final long serialVersionUID = 1L;

        ScoreWithTopBoxes(String name, Scale scale, int defaultTopBoxes) {
            super(name, scale, defaultTopBoxes);
        }

        @Override
        public ScoreBuffer reduce(ScoreBuffer b, Tuple2<Integer, Integer> row) {
            if (row._2() == null) {
                throw new IllegalArgumentException(" top_boxes must not be null");
            }
            return add(b, row._1(), row._2());
        }
    }
}
