package org.loyaltykpi.document.render;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven by its chromedriver (Selenium), with nothing but the page to talk to: no sync,
 * no component updates, no background networking, a fresh profile. Console messages and the DevTools network events
 * are recorded (browser and performance logs) so a test can assert that the page logged no error and sent no request.
 *
 * <p>In CI ({@code CI=true}) a missing browser is a failure; elsewhere the test is skipped with a message saying what
 * to install.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser; fails in CI and skips elsewhere when Debian's chromium or chromium-driver is missing. */
    static Chromium start(int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "the browser test needs Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and " + message);
            }
            abort("skipped outside CI: " + message);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("loyalty-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        return new Chromium(driver, profile);
    }

    /** Opens a local file and waits until the page's script has drawn its charts. */
    void open(Path file) {
        driver.get("about:blank");
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(file.toUri().toString());
        driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var t = setInterval(function () {"
                + "  if (document.readyState === 'complete'"
                + "      && document.documentElement.hasAttribute('data-charts-drawn')) {"
                + "    clearInterval(t); requestAnimationFrame(function () { done(); }); } }, 50);"
                + "setTimeout(function () { clearInterval(t); done(); }, 50000);");
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages at SEVERE (errors, CSP violations, uncaught exceptions) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if ("SEVERE".equals(String.valueOf(entry.toJson().get("level")))) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /**
     * The URL of every request started (DevTools Network.requestWillBeSent, webSocketCreated) since the last call,
     * except the browser's own {@code chrome://} pages, which no web page can reach.
     */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        Json json = new Json();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = json.toType(entry.getMessage(), Json.MAP_TYPE);
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) message.get("message");
            String method = String.valueOf(inner.get("method"));
            if (method.equals("Network.requestWillBeSent") || method.equals("Network.webSocketCreated")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) inner.get("params");
                Object request = params.get("request");
                Object url = request instanceof Map<?, ?> r ? r.get("url") : params.get("url");
                String text = String.valueOf(url);
                if (!text.startsWith("chrome://") && !text.startsWith("chrome-untrusted://")) {
                    urls.add(text);
                }
            }
        }
        return urls;
    }

    /** A PNG of the whole page (beyond the window), written to {@code file}. */
    void screenshotFullPage(Path file) {
        Number width = (Number) script("return document.documentElement.scrollWidth;");
        Number height = (Number) script("return document.documentElement.scrollHeight;");
        capture(file, 0, width.doubleValue(), height.doubleValue());
    }

    /** A PNG of the part of the page from {@code top} down {@code height} CSS pixels. */
    void screenshotBand(Path file, double top, double height) {
        Number width = (Number) script("return document.documentElement.scrollWidth;");
        capture(file, top, width.doubleValue(), height);
    }

    private void capture(Path file, double top, double width, double height) {
        Map<String, Object> clip = Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
