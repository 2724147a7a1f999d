package org.loyaltykpi.spark;

import java.util.function.Supplier;
import org.loyaltykpi.io.CsvFormatException;

/** Runs a Spark action and turns a failed task's input error back into the one-line error it was. */
final class Jobs {
    private Jobs() {}

    static <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // SparkException is checked in Java's eyes, though Scala methods declare nothing
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CsvFormatException) {
                    throw (CsvFormatException) t;
                }
            }
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
