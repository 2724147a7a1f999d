package org.loyaltykpi.clv;

/**
 * A model could not be fitted to the data: the message says what went wrong and what to try (more data, a longer
 * calibration period, a penalizer, excluding customers). An {@link IllegalArgumentException}: the input data cannot
 * support the model, so the command line reports it as bad input.
 */
public final class ModelFitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong and what to try
     */
    public ModelFitException(String message) {
        super(message);
    }
}
