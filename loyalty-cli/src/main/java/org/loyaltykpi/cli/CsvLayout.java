package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.CsvRead;
import org.loyaltykpi.io.Delimiter;
import picocli.CommandLine.Option;

/**
 * The CSV layout options shared by every input file option set: delimiter, header line, date pattern, and how many
 * bad rows may be skipped.
 */
final class CsvLayout {

    @Option(
            names = "--delimiter",
            paramLabel = "DELIM",
            description = "',' ';' tab or whitespace (runs of spaces). Default: ','.")
    Delimiter delimiter = Delimiter.COMMA;

    @Option(names = "--no-header", description = "The file has no header line; give columns as 1-based numbers.")
    boolean noHeader;

    @Option(
            names = "--date-format",
            paramLabel = "PATTERN",
            description = "Date pattern (java.time DateTimeFormatter), read strictly. Default: yyyy-MM-dd, which also"
                    + " reads ISO date-times (2024-03-05T14:22:10Z, 2024-03-05 14:22:10 +0100).")
    Optional<String> dateFormat = Optional.empty();

    /** The date pattern given, or the ISO default. */
    String datePattern() {
        return dateFormat.orElse(CsvOptions.ISO_DATE);
    }

    @Option(
            names = "--max-bad-rows",
            paramLabel = "N",
            description = "Skip up to N rows that cannot be read, each reported on standard error; one more fails"
                    + " the command. Default: 0 (the first bad row fails it).")
    long maxBadRows;

    /**
     * The rows read; when some were skipped, one warning line on {@code err} with their count per reason and the first
     * line of each, so that nothing is dropped without a trace.
     */
    <T> T accept(CsvRead<T> read, String command, PrintWriter err) {
        if (!read.isComplete()) {
            warn(command, err, read.reasonsText());
        }
        return read.value();
    }

    /** One warning line: {@code loyalty report: warning: 2 bad rows skipped: ...}. */
    static void warn(String command, PrintWriter err, String text) {
        err.println(command + ": warning: " + text);
        err.flush();
    }

    /** The input's description, with the number of skipped rows when there are any. */
    static String source(Path file, CsvRead<?> read) {
        return source(file.toString(), read);
    }

    /** The input's description (a file or a database), with the number of skipped rows when there are any. */
    static String source(String name, CsvRead<?> read) {
        return read.isComplete()
                ? name
                : name + " (" + read.skippedRows() + " bad row" + (read.skippedRows() == 1 ? "" : "s") + " skipped)";
    }

    /**
     * The rule every optional input of a command follows: the file's contents if a file is given, else the sample
     * shop's data when the purchases are the sample shop's, else none.
     */
    static <T> Optional<T> fileOrSampleShop(
            Optional<Path> file, boolean sampleShop, Function<Path, T> read, Supplier<T> sample) {
        if (file.isPresent()) {
            return Optional.of(read.apply(existing(file.get())));
        }
        return sampleShop ? Optional.of(sample.get()) : Optional.empty();
    }

    /**
     * The file, if it exists and is not a directory; a one-line error naming it otherwise (the readers name a device
     * given as input as such).
     */
    static Path existing(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return file;
    }
}
