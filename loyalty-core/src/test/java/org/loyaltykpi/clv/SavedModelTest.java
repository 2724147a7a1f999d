package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.Granularity;

class SavedModelTest {
    private static ModelFit fit(String model, Optional<TimeScale> unit, String... names) {
        List<Parameter> parameters = java.util.Arrays.stream(names)
                .map(n -> new Parameter(n, 1.5, OptionalDouble.of(0.1)))
                .toList();
        return new ModelFit(model, unit, 100, parameters, -250.0, true, 12, 0, List.of());
    }

    private static ModelFit withCovariance(ModelFit f, ParameterCovariance c) {
        return new ModelFit(
                f.model(),
                f.timeUnit(),
                f.customers(),
                f.parameters(),
                f.logLikelihood(),
                f.converged(),
                f.iterations(),
                f.penalizer(),
                f.warnings(),
                Optional.of(c));
    }

    @Test
    void aSavedFitGivesBackAModelThatPredictsAsTheFittedOne() {
        BgNbdModel fitted = BgNbdModel.fit(Cdnow.summary());
        SavedModel saved = SavedModel.of(
                fitted.fit().orElseThrow(), Optional.of(Cdnow.CALIBRATION_END), Optional.empty(), "cdnow");
        TransactionModel restored = saved.transactionModel();
        assertThat(restored).isInstanceOf(BgNbdModel.class);
        assertThat(restored.timeUnit()).isEqualTo(TimeScale.WEEKS);
        assertThat(restored.probabilityAlive(2, 30.43, 38.86)).isEqualTo(fitted.probabilityAlive(2, 30.43, 38.86));
        assertThat(restored.expectedPurchases(39, 2, 30.43, 38.86))
                .isEqualTo(fitted.expectedPurchases(39, 2, 30.43, 38.86));
        assertThat(saved)
                .hasToString(
                        "SavedModel[bg-nbd v1, WEEKS, 2357 customers, calibration end 1997-09-30, with covariance, cdnow]");
    }

    @Test
    void everyModelComesBackAsItsOwnKind() {
        Optional<TimeScale> weeks = Optional.of(TimeScale.WEEKS);
        assertThat(SavedModel.of(
                                fit("pareto-nbd", weeks, "r", "alpha", "s", "beta"),
                                Optional.empty(),
                                Optional.empty(),
                                "f")
                        .transactionModel())
                .isInstanceOf(ParetoNbdModel.class);
        assertThat(SavedModel.of(fit("mbg-nbd", weeks, "r", "alpha", "a", "b"), Optional.empty(), Optional.empty(), "f")
                        .transactionModel())
                .isInstanceOf(MbgNbdModel.class);
        assertThat(SavedModel.of(fit("gamma-gamma", weeks, "p", "q", "gamma"), Optional.empty(), Optional.empty(), "f")
                        .spendModel()
                        .p())
                .isEqualTo(1.5);
        SavedModel bgbb = SavedModel.of(
                fit("bg-bb", Optional.empty(), "alpha", "beta", "gamma", "delta"),
                Optional.of(LocalDate.parse("2001-12-31")),
                Optional.of(Granularity.YEAR),
                "gifts.csv");
        assertThat(bgbb.bgBbModel().probabilityAlive(6, 6, 6))
                .isEqualTo(BgBbModel.of(1.5, 1.5, 1.5, 1.5).probabilityAlive(6, 6, 6));
        assertThatThrownBy(bgbb::transactionModel).hasMessageContaining("bg-bb, not a purchase model");
    }

    @Test
    void loadingValidatesTheVersionTheParametersTheTimeUnitAndTheCovariance() {
        Optional<TimeScale> weeks = Optional.of(TimeScale.WEEKS);
        ModelFit bg = fit("bg-nbd", weeks, "r", "alpha", "a", "b");
        assertThatThrownBy(() -> new SavedModel(2, bg, List.of(), List.of(), Optional.empty(), Optional.empty(), "f"))
                .hasMessageContaining("formatVersion 2 is not supported");
        assertThatThrownBy(() -> SavedModel.of(
                        fit("bg-nbd", weeks, "r", "alpha", "b", "a"), Optional.empty(), Optional.empty(), "f"))
                .hasMessage("params of bg-nbd must be [r, alpha, a, b] in this order, got [r, alpha, b, a]");
        assertThatThrownBy(() -> SavedModel.of(
                        fit("bg-nbd", Optional.empty(), "r", "alpha", "a", "b"),
                        Optional.empty(),
                        Optional.empty(),
                        "f"))
                .hasMessageContaining("timeUnit is missing");
        double[] estimates = {1.5, 1.5, 1.5, 1.5};
        boolean[] log = {true, true, true, true};
        double[][] asymmetric = {{1, 0.5, 0, 0}, {0.4, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        ModelFit skewed = withCovariance(
                bg, new ParameterCovariance(List.of("r", "alpha", "a", "b"), estimates, log, asymmetric));
        assertThatThrownBy(() -> SavedModel.of(skewed, Optional.empty(), Optional.empty(), "f"))
                .hasMessageContaining("covariance must be symmetric: alpha,r is 0.4 but r,alpha is 0.5");
        double[][] identity = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        ModelFit renamed =
                withCovariance(bg, new ParameterCovariance(List.of("r", "alpha", "b", "a"), estimates, log, identity));
        assertThatThrownBy(() -> SavedModel.of(renamed, Optional.empty(), Optional.empty(), "f"))
                .hasMessageContaining("covariance must be over [r, alpha, a, b] in this order");
        ModelFit good =
                withCovariance(bg, new ParameterCovariance(List.of("r", "alpha", "a", "b"), estimates, log, identity));
        assertThat(SavedModel.of(good, Optional.empty(), Optional.empty(), "f").covariance())
                .isPresent();
        assertThatThrownBy(() -> SavedModel.of(bg, Optional.empty(), Optional.of(Granularity.YEAR), "f"))
                .hasMessageContaining("periodLength applies to bg-bb only");
        List<Coefficient> ageCoefficients = List.of(
                new Coefficient("purchase", "age", 0.2, java.util.OptionalDouble.empty()),
                new Coefficient("dropout", "age", -0.1, java.util.OptionalDouble.empty()));
        SavedModel withCovariates =
                new SavedModel(1, bg, List.of("age"), ageCoefficients, Optional.empty(), Optional.empty(), "f");
        assertThatThrownBy(withCovariates::transactionModel).hasMessageContaining("covariates [age]");
        assertThat(withCovariates.covariateModel().coefficients())
                .extracting(Coefficient::value)
                .containsExactly(0.2, -0.1);
        assertThatThrownBy(() -> new SavedModel(
                        1, bg, List.of("age"), ageCoefficients.subList(0, 1), Optional.empty(), Optional.empty(), "f"))
                .hasMessageContaining("coefficients must be [purchase.age, dropout.age]");
    }
}
