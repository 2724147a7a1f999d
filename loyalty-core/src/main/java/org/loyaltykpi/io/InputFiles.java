package org.loyaltykpi.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opening input files the same way for every reader: a directory, a device, a missing or unreadable file is named as
 * such; the bytes are decoded as strict UTF-8 (a byte that is not UTF-8 is an error at its line and column, never a
 * replacement character that could merge two customers); a UTF-16 or UTF-32 file is recognised by its byte order
 * mark or its NUL bytes and named as such.
 */
final class InputFiles {
    private InputFiles() {}

    /**
     * Opens a file for reading as strict UTF-8.
     *
     * @throws IllegalArgumentException if the path is a directory or a device
     * @throws UncheckedIOException naming the file if it is missing or cannot be opened
     */
    static Reader open(Path file) {
        check(file);
        try {
            return new StrictUtf8Reader(Files.newInputStream(file));
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** Checks that a path is a file that can be read: not a directory, not a device. */
    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new UncheckedIOException(file + ": no such file", new NoSuchFileException(file.toString()));
        }
        if (!Files.isRegularFile(file) && isDevice(file)) {
            throw new IllegalArgumentException(file + ": is a device, not a file");
        }
    }

    /** Whether a path is a character or block device (a pipe or a socket is not: scripts read those). */
    private static boolean isDevice(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            int type = mode & 0170000;
            return type == 0020000 || type == 0060000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    /** The error for a file that cannot be read, in words rather than an exception's text. */
    static UncheckedIOException cannotRead(Path file, IOException e) {
        return new UncheckedIOException(file + ": " + reason(e, "cannot read"), e);
    }

    /** The error for a file that cannot be written, in words rather than an exception's text. */
    static UncheckedIOException cannotWrite(Path file, IOException e) {
        return new UncheckedIOException(file + ": " + reason(e, "cannot write"), e);
    }

    /** Why an operation on a file failed: "no such file", "permission denied", or the system's reason. */
    static String reason(IOException e, String operation) {
        if (e instanceof NoSuchFileException) {
            return operation + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return operation + ": permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return operation + ": " + f.getReason();
        }
        return operation + ": " + Optional.ofNullable(e.getMessage()).orElse("input/output error");
    }

    /**
     * The encoding a file's first bytes show when it is not UTF-8: a UTF-16 or UTF-32 byte order mark, or the NUL
     * bytes of UTF-16 text without one.
     *
     * @param head the first bytes of the file
     * @param length how many of them there are
     * @return the encoding's description, or empty if the start may be UTF-8
     */
    static Optional<String> wideEncoding(byte[] head, int length) {
        int b0 = length > 0 ? head[0] & 0xFF : -1;
        int b1 = length > 1 ? head[1] & 0xFF : -1;
        int b2 = length > 2 ? head[2] & 0xFF : -1;
        int b3 = length > 3 ? head[3] & 0xFF : -1;
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            return Optional.of("UTF-32 (little-endian, with a byte order mark)");
        }
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return Optional.of("UTF-32 (big-endian, with a byte order mark)");
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return Optional.of("UTF-16 (little-endian, with a byte order mark)");
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return Optional.of("UTF-16 (big-endian, with a byte order mark)");
        }
        if (length >= 2 && b0 != 0 && b1 == 0) {
            return Optional.of("UTF-16 (little-endian: every other byte is NUL)");
        }
        if (length >= 2 && b0 == 0 && b1 != 0) {
            return Optional.of("UTF-16 (big-endian: every other byte is NUL)");
        }
        return Optional.empty();
    }

    /** The first bytes of a file as hex, for messages: {@code "FF FE"}. */
    static String hex(byte[] bytes, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return s.toString();
    }

    /** Bytes that are not UTF-8, met by {@link StrictUtf8Reader} at the current read position. */
    static final class NotUtf8 extends IOException {
        private static final long serialVersionUID = 1L;

        /** The bad bytes as {@code \xFF} escapes, or the head of the file for a wide encoding. */
        final String bytes;
        /** Set when the whole file is in another encoding. */
        final Optional<String> encoding;

        NotUtf8(String bytes, Optional<String> encoding) {
            super(encoding.map(e -> "the file is " + e).orElse("bytes that are not UTF-8: " + bytes), null);
            this.bytes = bytes;
            this.encoding = encoding;
        }
    }

    /**
     * A reader of UTF-8 that reports bad bytes where they stand: the characters before them are returned first, then
     * the next read throws {@link NotUtf8}.
     */
    static final class StrictUtf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private boolean eof;
        private boolean flushed;
        private boolean started;
        private NotUtf8 pending;

        StrictUtf8Reader(InputStream in) {
            this.in = in;
            bytes.flip();
        }

        @Override
        public int read(char[] chars, int offset, int length) throws IOException {
            if (pending != null) {
                throw pending;
            }
            if (flushed) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            if (!started) {
                started = true;
                fill();
                Optional<String> wide = wideEncoding(bytes.array(), bytes.limit());
                if (wide.isPresent()) {
                    throw new NotUtf8(hex(bytes.array(), 0, Math.min(4, bytes.limit())), wide);
                }
            }
            CharBuffer out = CharBuffer.wrap(chars, offset, length);
            while (true) {
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError()) {
                    StringBuilder bad = new StringBuilder();
                    for (int i = 0; i < result.length(); i++) {
                        bad.append(String.format("\\x%02X", bytes.get(bytes.position() + i) & 0xFF));
                    }
                    NotUtf8 error = new NotUtf8(bad.toString(), Optional.empty());
                    if (out.position() > offset) {
                        pending = error;
                        return out.position() - offset;
                    }
                    throw error;
                }
                if (result.isOverflow() || out.position() > offset) {
                    return out.position() - offset;
                }
                if (eof) {
                    if (!flushed) {
                        flushed = true;
                        decoder.flush(out);
                    }
                    return out.position() > offset ? out.position() - offset : -1;
                }
                fill();
            }
        }

        /** Reads more bytes after those not yet decoded. */
        private void fill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
