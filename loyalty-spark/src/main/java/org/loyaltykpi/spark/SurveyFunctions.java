package org.loyaltykpi.spark;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.execution.aggregate.ScalaAggregator$;
import org.apache.spark.sql.expressions.UserDefinedAggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.survey.ScoreCalculator;
import scala.Function1;
import scala.collection.immutable.Seq;

/**
 * The survey metrics as Spark SQL aggregate functions, each a typed {@code Aggregator} over the core's accumulator
 * (registered with {@link functions#udaf}), returning a struct:
 *
 * <ul>
 *   <li>{@code nps(score)}: answers 0..10; {@code struct<responses, promoters, passives, detractors, score, level,
 *       low, high, method, skippedNulls>} with the adjusted-Wald interval at 95% ({@link NpsValue});
 *   <li>{@code nps_interval(score, level)}: the same with the interval at {@code level} (one level per group);
 *   <li>{@code csat(score[, top_boxes])}: answers 1..5, share in the top {@code top_boxes} boxes (default 2) with its
 *       Wilson interval, and the mean ({@link ScoreValue});
 *   <li>{@code ces(score)}: answers 1..7, the "easy" share (5..7) with its interval, and the mean effort.
 * </ul>
 *
 * <pre>{@code
 * SurveyFunctions.register(spark);
 * spark.sql("SELECT segment, nps(score).score AS nps, nps(score).low, nps(score).high FROM answers GROUP BY segment");
 * }</pre>
 *
 * <p>A score outside the scale fails the query with the core's message naming the score and the scale. Null scores
 * are skipped, as in every SQL aggregate, and counted in {@code skippedNulls}; a group of no answers gives {@code
 * responses = 0} and null score, interval and mean.
 */
public final class SurveyFunctions {
    private SurveyFunctions() {}

    /**
     * Registers {@code nps}, {@code nps_interval}, {@code csat} and {@code ces} as temporary functions of a session.
     *
     * @param spark the session
     */
    public static void register(SparkSession spark) {
        spark.udf().register("nps", nps());
        spark.udf().register("nps_interval", npsInterval());
        spark.udf().register("ces", ces());
        // csat takes an optional second argument: one name, two aggregators, chosen by the number of arguments
        // (the expression Spark's own registration builds for an aggregator, ScalaAggregator, for each).
        UserDefinedAggregator<?, ?, ?> one = (UserDefinedAggregator<?, ?, ?>) csat().withName("csat");
        UserDefinedAggregator<?, ?, ?> two =
                (UserDefinedAggregator<?, ?, ?>) csatTopBoxes().withName("csat");
        Function1<Seq<Expression>, Expression> csat = children -> {
            switch (children.size()) {
                case 1:
                    return ScalaAggregator$.MODULE$.apply(one, children);
                case 2:
                    return ScalaAggregator$.MODULE$.apply(two, children);
                default:
                    throw new IllegalArgumentException(
                            "csat takes (score) or (score, top_boxes): " + children.size() + " arguments");
            }
        };
        FunctionRegistry registry = spark.sessionState().functionRegistry();
        registry.createOrReplaceTempFunction("csat", csat, "scala_udf");
    }

    /**
     * {@code nps(score)} as a column function, for the Dataset API.
     *
     * @return the function
     */
    public static UserDefinedFunction nps() {
        return functions.udaf(new SurveyAggregators.NpsOfScore(), Encoders.INT());
    }

    /**
     * {@code nps_interval(score, level)} as a column function.
     *
     * @return the function
     */
    public static UserDefinedFunction npsInterval() {
        return functions.udaf(new SurveyAggregators.NpsWithLevel(), Encoders.tuple(Encoders.INT(), Encoders.DOUBLE()));
    }

    /**
     * {@code csat(score)} as a column function (top two boxes of 1..5).
     *
     * @return the function
     */
    public static UserDefinedFunction csat() {
        return functions.udaf(
                new SurveyAggregators.ScoreOfScore("csat", Scale.CSAT, ScoreCalculator.CSAT_TOP_BOXES), Encoders.INT());
    }

    /**
     * {@code csat(score, top_boxes)} as a column function.
     *
     * @return the function
     */
    public static UserDefinedFunction csatTopBoxes() {
        return functions.udaf(
                new SurveyAggregators.ScoreWithTopBoxes("csat", Scale.CSAT, ScoreCalculator.CSAT_TOP_BOXES),
                Encoders.tuple(Encoders.INT(), Encoders.INT()));
    }

    /**
     * {@code ces(score)} as a column function (1..7, easy = 5..7).
     *
     * @return the function
     */
    public static UserDefinedFunction ces() {
        return functions.udaf(
                new SurveyAggregators.ScoreOfScore("ces", Scale.CES, ScoreCalculator.CES_TOP_BOXES), Encoders.INT());
    }
}
