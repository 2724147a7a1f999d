package org.loyaltykpi.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the small input files of the CLI tests. */
final class CliFiles {
    private CliFiles() {}

    /** Writes {@code content} (UTF-8) to {@code dir/name}. */
    static Path write(Path dir, String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }
}
