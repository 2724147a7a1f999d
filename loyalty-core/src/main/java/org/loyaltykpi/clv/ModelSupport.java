package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Argument checks and small helpers shared by the models. */
final class ModelSupport {
    private ModelSupport() {}

    static void checkCustomer(int x, double recency, double age) {
        if (x < 0) {
            throw new IllegalArgumentException("x (repeat purchases) must be >= 0: " + x);
        }
        if (!(recency >= 0) || !(age >= recency) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("need 0 <= recency <= T (finite): recency=" + recency + ", T=" + age);
        }
    }

    /** The largest T of collapsed rows (lifetimes rescales time so that it is 1). */
    static double maxAge(CollapsedSummary rows) {
        double max = 0;
        for (int i = 0; i < rows.size; i++) {
            max = Math.max(max, rows.age[i]);
        }
        return max;
    }

    static void checkTime(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0: " + t);
        }
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
        return value;
    }

    static void checkUnit(String model, TimeScale modelUnit, BtydSummary summary) {
        if (summary.timeUnit() != modelUnit) {
            throw new IllegalArgumentException(model + " is in " + modelUnit + " but the summary is in "
                    + summary.timeUnit() + "; build the summary in " + modelUnit);
        }
    }

    /** The parameters with the standard errors of a fit, or without when given directly. */
    static List<Parameter> parameters(Optional<ModelFit> fit, String[] names, double[] values) {
        if (fit.isPresent()) {
            return fit.get().parameters();
        }
        List<Parameter> list = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            list.add(new Parameter(names[i], values[i], OptionalDouble.empty()));
        }
        return List.copyOf(list);
    }

    static String describe(String title, List<Parameter> parameters, TimeScale unit) {
        StringBuilder s = new StringBuilder(title).append('[');
        for (int i = 0; i < parameters.size(); i++) {
            s.append(i == 0 ? "" : ", ")
                    .append(parameters.get(i).name())
                    .append('=')
                    .append(String.format(
                            java.util.Locale.ROOT, "%.6g", parameters.get(i).value()));
        }
        return s.append(", ").append(unit).append(']').toString();
    }

    /** A model of the same kind and time unit with other parameters (in the papers' order), not fitted. */
    static TransactionModel withParameters(TransactionModel model, double[] t) {
        if (model instanceof BgNbdModel) {
            return BgNbdModel.of(t[0], t[1], t[2], t[3], model.timeUnit());
        }
        if (model instanceof MbgNbdModel) {
            return MbgNbdModel.of(t[0], t[1], t[2], t[3], model.timeUnit());
        }
        return ParetoNbdModel.of(t[0], t[1], t[2], t[3], model.timeUnit());
    }

    /** Whether the expectations of a model of this kind exist at the parameters (BG/NBD's E[X(t)] needs a + b > 1). */
    static java.util.function.Predicate<double[]> validity(TransactionModel model) {
        if (model instanceof BgNbdModel) {
            return t -> t[2] + t[3] > 1;
        }
        return t -> true;
    }

    /** The parameters of a purchase model in the papers' order. */
    static double[] values(TransactionModel model) {
        if (model instanceof ParetoNbdModel p) {
            return new double[] {p.r(), p.alpha(), p.s(), p.beta()};
        }
        BetaGeometricNbd m = (BetaGeometricNbd) model;
        return new double[] {m.r(), m.alpha(), m.a(), m.b()};
    }
}
