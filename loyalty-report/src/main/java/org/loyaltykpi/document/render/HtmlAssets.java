package org.loyaltykpi.document.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The dashboard's own style sheet and script, resources next to this class. */
final class HtmlAssets {
    private HtmlAssets() {}

    static String css() {
        return read("dashboard.css");
    }

    static String script() {
        return read("dashboard.js");
    }

    private static String read(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the loyalty-report jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
        }
    }
}
