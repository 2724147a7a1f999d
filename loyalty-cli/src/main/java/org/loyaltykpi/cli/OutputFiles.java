package org.loyaltykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writing a command's output files so that nothing is lost with exit 0: every write error (a full disk, a file that
 * takes no data such as {@code /proc/version}) is an error naming the file, and one command never writes two outputs
 * to one path.
 */
final class OutputFiles {
    private OutputFiles() {}

    /**
     * Writes a file through a print writer, checking for errors that the writer would swallow.
     *
     * @param file the file to create or replace
     * @param body what to write
     * @throws UncheckedIOException naming the file if anything cannot be written
     */
    static void write(Path file, Consumer<PrintWriter> body) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory; give a file to write");
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                PrintWriter out = new PrintWriter(writer)) {
            body.accept(out);
            if (out.checkError()) {
                throw new UncheckedIOException(
                        file + ": cannot write: the disk may be full or the file takes no data",
                        new IOException("write error"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + reason(e), e);
        }
    }

    /** Why writing failed, in words rather than an exception's text. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "cannot write: no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot write: permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return "cannot write: " + f.getReason();
        }
        return "cannot write: " + Optional.ofNullable(e.getMessage()).orElse("input/output error");
    }

    /**
     * Refuses two outputs of one command to one path (the second would overwrite the first).
     *
     * @param outputs the option names and the files they give, in order; absent ones are ignored
     * @throws IllegalArgumentException naming both options and the path
     */
    static void distinct(Map<String, Optional<Path>> outputs) {
        Map<Path, String> seen = new HashMap<>();
        outputs.forEach((option, file) -> file.ifPresent(f -> {
            Path key = f.toAbsolutePath().normalize();
            String before = seen.putIfAbsent(key, option);
            if (before != null) {
                throw new IllegalArgumentException(
                        before + " and " + option + " both write " + f + ": give each output its own file");
            }
        }));
    }
}
