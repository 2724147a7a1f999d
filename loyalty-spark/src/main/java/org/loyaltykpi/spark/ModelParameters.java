package org.loyaltykpi.spark;

import java.io.Serializable;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.ParetoNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;

/** A transaction model's name, parameters and time unit: what is broadcast, rebuilt with the core's {@code of}. */
final class ModelParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final double[] values;
    private final TimeScale unit;

    private ModelParameters(String name, double[] values, TimeScale unit) {
        this.name = name;
        this.values = values;
        this.unit = unit;
    }

    static ModelParameters of(TransactionModel model) {
        double[] values =
                model.parameters().stream().mapToDouble(p -> p.value()).toArray();
        ModelParameters p = new ModelParameters(model.name(), values, model.timeUnit());
        p.model();
        return p;
    }

    TransactionModel model() {
        switch (name) {
            case BgNbdModel.NAME:
                return BgNbdModel.of(values[0], values[1], values[2], values[3], unit);
            case MbgNbdModel.NAME:
                return MbgNbdModel.of(values[0], values[1], values[2], values[3], unit);
            case ParetoNbdModel.NAME:
                return ParetoNbdModel.of(values[0], values[1], values[2], values[3], unit);
            default:
                throw new IllegalArgumentException("no distributed predictions for model " + name);
        }
    }
}
