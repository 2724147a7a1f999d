package org.loyaltykpi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.Delimiter;
import picocli.CommandLine.Option;

/** The CSV layout options shared by every input file option set: delimiter, header line, date pattern. */
final class CsvLayout {

    @Option(
            names = "--delimiter",
            paramLabel = "DELIM",
            converter = Converters.DelimiterConverter.class,
            description = "',' ';' tab or whitespace (runs of spaces). Default: ','.")
    Delimiter delimiter = Delimiter.COMMA;

    @Option(names = "--no-header", description = "The file has no header line; give columns as 1-based numbers.")
    boolean noHeader;

    @Option(
            names = "--date-format",
            paramLabel = "PATTERN",
            description = "Date pattern (java.time DateTimeFormatter), read strictly. Default: yyyy-MM-dd.")
    String dateFormat = CsvOptions.ISO_DATE;

    /** The file, if it exists; a one-line error naming it otherwise. */
    static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return file;
    }
}
