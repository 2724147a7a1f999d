package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --out FILE}, declared once for every command: write the output to a file instead of standard output. */
final class OutOption {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
    private Optional<Path> file = Optional.empty();

    /** The file, if given. */
    Optional<Path> file() {
        return file;
    }

    /**
     * Writes the output to the file, or to the command's standard output.
     *
     * @param spec the command
     * @param body what to write
     */
    void write(CommandSpec spec, Consumer<PrintWriter> body) {
        if (file.isPresent()) {
            OutputFiles.write(file.get(), body);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            body.accept(out);
            out.flush();
        }
    }
}
