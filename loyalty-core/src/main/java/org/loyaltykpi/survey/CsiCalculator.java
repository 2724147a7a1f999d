package org.loyaltykpi.survey;

import java.util.Map;
import java.util.stream.Collector;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * The customer satisfaction index: a collector of answers to CSI questions ({@code csi:ATTRIBUTE}) into a {@link
 * CsiResult}, where the definitions are.
 *
 * <pre>{@code
 * CsiResult csi = responses.stream()
 *         .filter(r -> r.kind().equals(Optional.of(QuestionKind.CSI)))
 *         .collect(CsiCalculator.toCsi(CsiMethod.NPS, Map.of("price", 3.0, "delivery", 1.0)));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CsiCalculator {
    private CsiCalculator() {}

    /**
     * A collector with equal importances.
     *
     * @param method how attributes are scored
     * @return the collector; it works on parallel streams
     */
    public static Collector<SurveyResponse, ?, CsiResult> toCsi(CsiMethod method) {
        return toCsi(method, Map.of());
    }

    /**
     * A collector with given importances.
     *
     * @param method how attributes are scored
     * @param importance importance per attribute; every attribute answered must have one
     * @return the collector; it works on parallel streams
     */
    public static Collector<SurveyResponse, ?, CsiResult> toCsi(CsiMethod method, Map<String, Double> importance) {
        Map<String, Double> copy = Map.copyOf(importance);
        new CsiResultAccumulator(method, copy); // validates now rather than on the first answer
        return Collector.of(
                () -> new CsiResultAccumulator(method, copy),
                CsiResultAccumulator::add,
                CsiResultAccumulator::merge,
                CsiResultAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }
}
