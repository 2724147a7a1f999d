package org.loyaltykpi.survey;

import java.util.Map;
import java.util.Objects;

/**
 * How a whole survey is summed up ({@link SurveyCalculator}): how CSI attributes are scored and weighted.
 *
 * <pre>{@code
 * SurveyOptions.defaults();                                   // NPS-style CSI, equal importance
 * SurveyOptions.defaults().withCsiMethod(CsiMethod.MEAN).withCsiImportance(Map.of("price", 2.0, "delivery", 1.0));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param csiMethod how CSI attributes are scored
 * @param csiImportance importance per CSI attribute; empty for equal importance
 */
public record SurveyOptions(CsiMethod csiMethod, Map<String, Double> csiImportance) {

    /** Validates and copies. */
    public SurveyOptions {
        Objects.requireNonNull(csiMethod, "csiMethod must not be null");
        csiImportance = Map.copyOf(csiImportance);
        new CsiResultAccumulator(csiMethod, csiImportance); // validates the importances
    }

    /**
     * NPS-style CSI attributes of equal importance.
     *
     * @return the defaults
     */
    public static SurveyOptions defaults() {
        return new SurveyOptions(CsiMethod.NPS, Map.of());
    }

    /**
     * With another CSI method.
     *
     * @param value the method
     * @return a copy
     */
    public SurveyOptions withCsiMethod(CsiMethod value) {
        return new SurveyOptions(value, csiImportance);
    }

    /**
     * With CSI importances.
     *
     * @param value importance per attribute, each finite and {@code > 0}
     * @return a copy
     */
    public SurveyOptions withCsiImportance(Map<String, Double> value) {
        return new SurveyOptions(csiMethod, value);
    }
}
