package org.loyaltykpi.cli;

import picocli.CommandLine.Option;

/**
 * {@code --quiet}, declared once for every command: no progress line on standard error. The run reads it from the
 * parse result ({@link LoyaltyCli}), so a command only mixes it in.
 */
final class QuietOption {
    @Option(
            names = "--quiet",
            description = "No progress line on standard error (it shows only when standard error is a terminal and the"
                    + " loyalty launcher runs the command).")
    boolean quiet;
}
