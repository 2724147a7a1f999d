package org.loyaltykpi.document.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pinned Apache ECharts bundle, read from its WebJar ({@code org.webjars.npm:echarts}) on the class path at render
 * time and inlined into the dashboard, so the page needs no network. ECharts is Apache-2.0 licensed; the page says so
 * next to the script.
 */
final class ECharts {
    /** The pinned version; the WebJar's resource path and the pom's dependency name the same one. */
    static final String VERSION = "5.3.1";

    static final String LICENSE = "Apache-2.0";

    static final String RESOURCE = "META-INF/resources/webjars/echarts/" + VERSION + "/dist/echarts.min.js";

    private static volatile String cached;

    private ECharts() {}

    /** The minified bundle; an {@link IllegalStateException} naming the resource when the WebJar is missing. */
    static String source() {
        String script = cached;
        if (script == null) {
            script = read(RESOURCE);
            cached = script;
        }
        return script;
    }

    static String read(String resource) {
        ClassLoader loader = ECharts.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: the HTML dashboard needs the"
                        + " org.webjars.npm:echarts:" + VERSION + " jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.contains("</script")) {
                throw new IllegalStateException(resource + " holds '</script' and cannot be inlined");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read: " + e.getMessage(), e);
        }
    }
}
