package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README cannot lie: its JShell transcript runs through the real {@code jshell} with {@code --startup DEFAULT
 * --startup loyalty.jsh} and prints what the README shows; every statement of its Java block runs and prints the
 * value its comment shows; every line of its command-line block runs and exits 0. In expected values, {@code ...}
 * stands for text left out, and what follows {@code " — "} in a comment explains rather than shows.
 */
class ReadmeTest {
    /** The imports of JShell's DEFAULT start-up script. */
    private static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io",
            "java.math",
            "java.net",
            "java.nio.file",
            "java.util",
            "java.util.concurrent",
            "java.util.function",
            "java.util.prefs",
            "java.util.regex",
            "java.util.stream");

    private static final Pattern COMMENT = Pattern.compile("^[^\"]*?//\\s*(.*)$");

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");

    @TempDir
    static Path work;

    private static Path root;
    private static String readme;

    @BeforeAll
    static void inputs() throws IOException {
        root = Path.of("").toAbsolutePath().getParent();
        readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        Run sample = cli(
                "sample",
                "--out",
                work.resolve("orders.csv").toString(),
                "--responses-out",
                work.resolve("answers.csv").toString(),
                "--reviews-out",
                work.resolve("reviews.csv").toString(),
                "--spend-out",
                work.resolve("spend.csv").toString(),
                "--events-out",
                work.resolve("events.csv").toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
    }

    @Test
    void theJShellTranscriptPrintsWhatTheReadmeShows() throws Exception {
        String block = blocks("text").stream()
                .filter(b -> b.contains("jshell> "))
                .findFirst()
                .orElseThrow();
        List<String> inputs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        StringBuilder current = null;
        for (String line : block.split("\n")) {
            if (line.startsWith("jshell> ")) {
                if (current != null) {
                    expected.add(current.toString().strip());
                }
                inputs.add(line.substring("jshell> ".length()));
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        expected.add(current.toString().strip());

        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Path script = work.resolve("transcript.jsh");
        Files.writeString(script, String.join("\n", inputs) + "\n/exit\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(
                        jshell.toString(),
                        "--class-path",
                        libraryClassPath(),
                        "--startup",
                        "DEFAULT",
                        "--startup",
                        root.resolve("loyalty.jsh").toString())
                .directory(work.toFile())
                .redirectInput(script.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        // The output is: a welcome, then per input "jshell> " and what it printed.
        String[] answers = out.split("jshell> ", -1);
        assertThat(answers).as(out).hasSize(inputs.size() + 2);
        for (int i = 0; i < inputs.size(); i++) {
            // jshell writes a backspace after its prompt when it reads from a pipe
            String actual =
                    answers[i + 1].replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
            String pattern = wildcard(expected.get(i));
            assertThat(withoutEcho(actual, inputs.get(i), pattern))
                    .as("jshell> %s", inputs.get(i))
                    .matches(pattern);
        }
    }

    /**
     * The answer without JShell 25's echo: it may echo the input line before its answer, all of it, only its first
     * characters (a race with the answer: {@code shshop ==> ...}) or none of it; JShell 17 does not echo.
     */
    private static String withoutEcho(String actual, String input, String pattern) {
        if (actual.matches(pattern)) {
            return actual;
        }
        for (int n = Math.min(input.length(), actual.length()); n > 0; n--) {
            String rest = actual.substring(n).strip();
            if (actual.startsWith(input.substring(0, n)) && rest.matches(pattern)) {
                return rest;
            }
        }
        return actual;
    }

    @Test
    void everyStatementOfTheJavaBlockRunsAndPrintsTheValueItsCommentShows() {
        String block = blocks("java")
                .get(0)
                .replace("Path.of(\"", "Path.of(\"" + work.toString().replace('\\', '/') + "/");
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(libraryClassPath());
            for (String pkg : DEFAULT_IMPORTS) {
                run(shell, "import " + pkg + ".*;");
            }
            for (String snippet : snippets(shell, stripComments(read(root.resolve("loyalty.jsh"))))) {
                run(shell, snippet);
            }
            int checked = 0;
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String rest = block;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                String source = info.source();
                rest = info.remaining();
                if (source == null || source.isBlank()) {
                    break;
                }
                // the trailing comment ends the snippet's source or starts what remains
                Matcher comment = COMMENT.matcher(lastLine(source));
                if (!comment.find()) {
                    comment = COMMENT.matcher(rest.split("\n", 2)[0]);
                }
                comment.reset();
                Evaluated evaluated = run(shell, source);
                if (comment.find() && evaluated.isExpression()) {
                    String shown = comment.group(1).split(" — ")[0].strip();
                    assertThat(evaluated.value()).as(source.strip()).matches(wildcard(shown) + "(?s).*");
                    checked++;
                }
            }
            assertThat(checked).as("values checked").isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void everyCommandLineExampleRunsAndExitsZero() throws IOException {
        String block = blocks("bash").stream()
                .filter(b -> b.contains("./loyalty sample --out orders.csv"))
                .findFirst()
                .orElseThrow();
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String line : block.split("\n")) {
            String code = line.replaceAll("\\s+#.*$", "");
            boolean continues = code.endsWith("\\");
            command.append(continues ? code.substring(0, code.length() - 1) : code)
                    .append(' ');
            if (!continues) {
                commands.add(command.toString().strip());
                command.setLength(0);
            }
        }
        assertThat(commands).hasSizeGreaterThan(20);
        for (String line : commands) {
            assertThat(line).startsWith("./loyalty ");
            List<String> args = new ArrayList<>();
            for (String word : words(line.substring("./loyalty ".length()))) {
                args.add(resolve(word));
            }
            Run run = cli(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s%n%s", line, run.err()).isZero();
        }
    }

    /** A file name in an example: {@code data/...} is the repository's, anything else lives in the work folder. */
    private static String resolve(String word) {
        if (word.startsWith("data/")) {
            return root.resolve(word).toString();
        }
        if (!word.startsWith("-") && word.matches("[\\w.-]+\\.(csv|json|html|txt|parquet)")) {
            return work.resolve(word).toString();
        }
        return word;
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }

    record Run(int exitCode, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoyaltyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> blocks(String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        assertThat(blocks).as("```%s blocks in README.md", language).isNotEmpty();
        return blocks;
    }

    /** The expected text as a regular expression: literal, with {@code ...} matching anything. */
    private static String wildcard(String expected) {
        return "(?s)"
                + java.util.Arrays.stream(expected.split("\\.\\.\\.", -1))
                        .map(part -> Pattern.quote(part.strip().replaceAll("\\s+", " ")))
                        .collect(Collectors.joining(".*?"))
                        .replace(" ", "\\E\\s+\\Q");
    }

    record Evaluated(Snippet snippet, String value) {
        /** An expression, or one that JShell keeps in a temporary {@code $n} variable. */
        boolean isExpression() {
            return snippet.kind() == Snippet.Kind.EXPRESSION
                    || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        }
    }

    /** Evaluates one snippet, failing on a compile error or an exception; returns its kind and printed value. */
    private static Evaluated run(JShell shell, String source) {
        List<SnippetEvent> events = shell.eval(source);
        assertThat(events).as(source).isNotEmpty();
        String value = "";
        for (SnippetEvent event : events) {
            assertThat(event.exception()).as(source).isNull();
            if (event.status() == Snippet.Status.REJECTED) {
                String diagnostics = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(java.util.Locale.ROOT))
                        .collect(Collectors.joining("; "));
                throw new AssertionError("rejected: " + source.strip() + ": " + diagnostics);
            }
            if (event.value() != null) {
                value = event.value();
            }
        }
        return new Evaluated(events.get(0).snippet(), value);
    }

    /** The last line of a snippet, where its trailing comment stands. */
    private static String lastLine(String source) {
        String[] lines = source.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static List<String> snippets(JShell shell, String source) {
        List<String> snippets = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            if (info.source() == null) {
                break;
            }
            snippets.add(info.source());
            rest = info.remaining();
        }
        return snippets;
    }

    private static String stripComments(String source) {
        return source.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The library's classes and its dependency's jars, as the tests see them. */
    private static String libraryClassPath() {
        return java.util.stream.Stream.of(
                        org.loyaltykpi.domain.PurchaseTable.class,
                        org.apache.commons.numbers.gamma.LogGamma.class,
                        classNamed("org.apache.commons.numbers.core.Precision"),
                        classNamed("org.apache.commons.numbers.fraction.Fraction"))
                .map(c -> Path.of(toUri(c)).toString())
                .distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static java.net.URI toUri(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
