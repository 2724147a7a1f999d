package org.loyaltykpi.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.function.LongConsumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The progress line of every command: on a terminal, long work (loading rows, fitting a model, predicting many
 * customers, computing the report) shows one line on standard error, {@code loyalty cohort: 2,000,000 rows read
 * (1,234,567 rows/s)}, that each step rewrites in place. Nothing is shown when standard error is piped or redirected
 * (the launcher sets {@code LOYALTY_PROGRESS=1} only when it is a terminal) or with {@code --quiet}; standard output is
 * never touched.
 *
 * <p>One progress line belongs to one run of the command line ({@link LoyaltyCli} makes it); a command reaches it with
 * {@link #of(CommandSpec)}. Before anything else is written to standard output or standard error the line is cleared
 * ({@link #clearing(Writer)} wraps both), and at the end of the run it is cleared too, so no step text is ever left
 * in front of a result or a warning.
 */
final class Progress implements LongConsumer {
    private final PrintWriter err;
    private final boolean terminal;
    private volatile boolean quiet;
    private String command = "loyalty";
    private long start = System.nanoTime();
    private long lastDrawn;
    private boolean written;

    /**
     * @param err the raw standard error, where the line is drawn
     * @param terminal whether standard error is a terminal
     */
    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** A progress line that never shows: for commands built outside a run (tests of help texts). */
    static Progress none() {
        return new Progress(new PrintWriter(Writer.nullWriter()), false);
    }

    /** The progress line of the run that executes this command (or of its mixin's command). */
    static Progress of(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof LoyaltyCli cli ? cli.progress() : none();
    }

    /** Silences the line, as {@code --quiet} asks. */
    void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** The name the line starts with: the qualified command name, such as {@code loyalty clv predict}. */
    void command(String name) {
        this.command = name;
    }

    /** Whether the line is drawn at all. */
    boolean shown() {
        return terminal && !quiet;
    }

    /** Shows a step, replacing what the line showed: {@code loyalty report: computing the report ...}. */
    synchronized void step(String what) {
        if (shown()) {
            draw(command + ": " + what + " ...");
            start = System.nanoTime();
        }
    }

    /** Shows how many rows a load has read and how fast (redrawn at most ten times a second). */
    @Override
    public synchronized void accept(long rows) {
        if (!shown()) {
            return;
        }
        long now = System.nanoTime();
        if (written && now - lastDrawn < 100_000_000L) {
            return;
        }
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        draw(String.format(Locale.ROOT, "%s: %,d rows read (%,.0f rows/s)", command, rows, rows / seconds));
    }

    private void draw(String line) {
        err.print("\r" + line + "\u001b[K");
        err.flush();
        written = true;
        lastDrawn = System.nanoTime();
    }

    /** Clears the line, if it shows anything. */
    synchronized void clear() {
        if (written) {
            err.print("\r\u001b[K");
            err.flush();
            written = false;
        }
    }

    /** A writer that clears the progress line before it writes to {@code out}. */
    Writer clearing(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                clear();
                super.write(c);
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                clear();
                super.write(buffer, offset, length);
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                clear();
                super.write(text, offset, length);
            }
        };
    }
}
