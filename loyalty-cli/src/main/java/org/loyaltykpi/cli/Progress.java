package org.loyaltykpi.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --quiet} and the progress line: on a terminal, long work (loading, computing, rendering) shows one line on
 * standard error that each step overwrites and the end clears; piped or redirected output, or {@code --quiet}, shows
 * nothing. Standard output is never touched.
 */
final class Progress {
    @Option(
            names = {"-q", "--quiet"},
            description = "No progress line on standard error (there is none when standard error is not a terminal).")
    private boolean quiet;

    private boolean shown;

    private boolean active() {
        return !quiet && System.console() != null;
    }

    /** Shows the step, replacing the previous one. */
    void step(PrintWriter err, String what) {
        if (active()) {
            err.print("\r\033[2K" + what + " ...");
            err.flush();
            shown = true;
        }
    }

    /** Clears the line. */
    void done(PrintWriter err) {
        if (shown) {
            err.print("\r\033[2K");
            err.flush();
            shown = false;
        }
    }
}
