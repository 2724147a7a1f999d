package org.loyaltykpi.cli;

import java.io.PrintWriter;

/**
 * The progress line: on a terminal, long work (loading, computing, rendering) shows one line on
 * standard error that each step overwrites and the end clears; piped or redirected output, or {@code --quiet}, shows
 * nothing. Standard output is never touched.
 */
final class Progress {
    /** Set from the purchase input's {@code --quiet}, which every command that reads purchases has. */
    private boolean quiet;

    /** Silences the line, as {@code --quiet} asks. */
    void quiet(boolean quiet) {
        this.quiet = quiet;
    }

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
