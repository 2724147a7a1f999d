package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code loyalty} command line in this JVM, for the tests that compare the Spark job's output with it. */
public final class CommandLine {
    private CommandLine() {}

    /**
     * Runs a command.
     *
     * @param args the arguments after {@code loyalty}
     * @return its standard output
     * @throws IllegalStateException with standard error if the exit code is not 0
     */
    public static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoyaltyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException("loyalty exited " + code + ": " + err);
        }
        return out.toString();
    }
}
