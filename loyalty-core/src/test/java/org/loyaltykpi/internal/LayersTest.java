package org.loyaltykpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers of docs/ARCHITECTURE.md: the bottom layer, {@code internal}, depends on no other package of ours. */
class LayersTest {
    private static final Pattern OTHER_PACKAGE = Pattern.compile("org\\.loyaltykpi\\.(?!internal\\b)(\\w+)");

    @Test
    void theInternalPackageReferencesNoOtherPackageOfTheLibrarySoThereIsNoCycle() throws IOException {
        Path internal = Path.of("src", "main", "java", "org", "loyaltykpi", "internal");
        List<Path> sources;
        try (Stream<Path> files = Files.list(internal)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(5);
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher m = OTHER_PACKAGE.matcher(text);
            assertThat(m.find())
                    .as("%s refers to org.loyaltykpi.%s", source.getFileName(), m.find(0) ? m.group(1) : "")
                    .isFalse();
        }
    }
}
