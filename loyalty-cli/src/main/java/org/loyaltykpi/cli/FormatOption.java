package org.loyaltykpi.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --format}, declared once for every command: the formats a command offers (the first is its default), in any
 * case. The help line of each command lists its own formats ({@link OptionGroups#describe}); a format the command
 * does not offer is refused naming those it does.
 *
 * <pre>{@code
 * @Mixin private FormatOption format = FormatOption.of(Format.TEXT, Format.JSON, Format.CSV);
 * ...
 * switch (format.get("retention")) { ... }
 * }</pre>
 */
final class FormatOption {
    /** Every output format: aligned text, JSON, CSV of a table, a standalone HTML page. */
    enum Format {
        TEXT,
        JSON,
        CSV,
        HTML;

        /** The lower-case name the option takes and help shows. */
        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final List<Format> offered;
    private final String note;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format.")
    private Format format;

    /** Text and JSON, for picocli's factory; commands give their own with {@link #of}. */
    FormatOption() {
        this(List.of(Format.TEXT, Format.JSON), "");
    }

    private FormatOption(List<Format> offered, String note) {
        if (offered.isEmpty()) {
            throw new IllegalArgumentException("a command offers at least one format");
        }
        this.offered = List.copyOf(offered);
        this.note = note;
        this.format = offered.get(0);
    }

    /**
     * The formats of a command, its default first.
     *
     * @param offered the formats, the default first
     * @return the option
     */
    static FormatOption of(Format... offered) {
        return new FormatOption(List.of(offered), "");
    }

    /**
     * The same formats, with a note on what they hold (shown in help after the list).
     *
     * @param text the note, for example {@code "csv: one row for the period, then one per --granularity period"}
     * @return the option
     */
    FormatOption withNote(String text) {
        return new FormatOption(offered, text);
    }

    /**
     * The chosen format.
     *
     * @param command the command's name, for the message
     * @return the format
     * @throws IllegalArgumentException if the command does not offer it
     */
    Format get(String command) {
        if (!offered.contains(format)) {
            throw new IllegalArgumentException("--format " + format.code() + " is not available for " + command
                    + ": use " + words(offered.stream().map(Format::code).toList()));
        }
        return format;
    }

    /** The formats this command offers, its default first. */
    List<Format> offered() {
        return offered;
    }

    /** The help line: {@code text, json or csv (any case). Default: text.} and the note. */
    String description() {
        return words(offered.stream().map(Format::code).toList()) + " (any case)" + (note.isEmpty() ? "" : "; " + note)
                + ". Default: " + offered.get(0).code() + ".";
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    static String words(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + words.get(words.size() - 1);
    }
}
