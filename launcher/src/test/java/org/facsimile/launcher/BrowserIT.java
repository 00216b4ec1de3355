package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The public side in a real browser (headless Chromium): a person searches, narrows by a facet,
 * opens the landing page, reads it (citation, versions, quality plots, the embedded JSON-LD) and
 * downloads a file whose checksum is the one the page shows. Screenshots of each step are saved in
 * {@code target/screenshots}.
 */
class BrowserIT {

    private static HeadlessChromium chromium;
    private static String base;
    private static String datasetId;

    @BeforeAll
    static void publishedAndOpen() throws Exception {
        base = RunningRepository.get().baseUrl();
        ApiClient bruno = RunningRepository.newDepositor("bruno-browser");
        datasetId = SearchIT.publish(
                bruno,
                "Lichen cover on churchyard headstones",
                "Moss, Bruno",
                "cc0-1.0",
                List.of("lichens", "churchyards"),
                "Aspect of the stone face");
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void searchOpenALandingPageAndDownloadAFile() throws Exception {
        ChromeDriver browser = chromium.driver();
        browser.get(base + "/search");
        WebElement box = browser.findElement(By.id("q"));
        assertEquals("search", box.getAttribute("type"));
        // indexing is asynchronous: search until the dataset is found (a hang guard bounds it)
        chromium.waiting().until(d -> {
            WebElement q = d.findElement(By.id("q"));
            q.clear();
            q.sendKeys("lichen headstones", Keys.ENTER);
            return !d.findElements(By.cssSelector("article.hit h3 a")).isEmpty();
        });
        chromium.screenshot("1-search-results");
        List<WebElement> hits = browser.findElements(By.cssSelector("article.hit h3 a"));
        assertEquals(1, hits.size());
        assertTrue(browser.findElement(By.cssSelector("article.hit")).getText().contains("Moss, Bruno"));

        // a facet narrows the results and says so
        WebElement facet = browser.findElement(By.xpath("//a[starts-with(normalize-space(.), 'cc0-1.0')]"));
        facet.click();
        chromium.waiting().until(d -> !d.findElements(By.cssSelector("a.on")).isEmpty());
        assertTrue(browser.getCurrentUrl().contains("licence=cc0-1.0"), browser.getCurrentUrl());
        assertEquals(1, browser.findElements(By.cssSelector("article.hit")).size());
        chromium.screenshot("2-search-facet");

        browser.findElement(By.cssSelector("article.hit h3 a")).click();
        chromium.waiting().until(d -> d.getCurrentUrl().endsWith("/datasets/" + datasetId));
        assertEquals(
                "Lichen cover on churchyard headstones",
                browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.getTitle().startsWith("Lichen cover on churchyard headstones"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Synthetic data"), "the synthetic marker");
        assertTrue(page.contains("Version 1 (latest)"), "the version list");
        assertTrue(page.contains("[Synthetic data set]"), "the citation");
        assertTrue(
                browser.findElements(By.cssSelector("figure svg[role=img]")).size() >= 2,
                "the quality plots are drawn");
        String jsonLd = browser.findElement(By.cssSelector("script[type='application/ld+json']"))
                .getAttribute("textContent");
        assertTrue(jsonLd.contains("\"cr:RecordSet\""), "Croissant record sets for ML tools");
        chromium.screenshot("3-landing-page");

        // download the synthetic table by its link; the bytes have the checksum the page shows
        WebElement link = browser.findElement(By.linkText("survey.csv"));
        String shown = link.findElement(By.xpath("ancestor::tr/td/code")).getText();
        link.click();
        Path file = chromium.downloads().resolve("survey.csv");
        chromium.waiting().until(d -> Files.exists(file) && !partial(chromium.downloads()));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(
                shown,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).startsWith("site_id,count,habitat"));
        chromium.screenshot("4-after-download");
    }

    @Test
    void theLandingPageWorksByKeyboardAndHasNoScriptOfItsOwn() throws Exception {
        ChromeDriver browser = chromium.driver();
        browser.get(base + "/datasets/" + datasetId);
        // nothing but the JSON-LD data block is a script: the page works without JavaScript
        for (WebElement script : browser.findElements(By.tagName("script"))) {
            assertEquals("application/ld+json", script.getAttribute("type"));
        }
        // every link is reachable by Tab, in order, and every image has a text alternative
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertEquals("a", browser.switchTo().activeElement().getTagName());
        for (WebElement svg : browser.findElements(By.cssSelector("svg"))) {
            assertTrue(!svg.getAttribute("aria-label").isBlank());
        }
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void theSiteMeetsWcagAaByAxe() throws Exception {
        ChromeDriver browser = chromium.driver();
        String password = "granite-cairn-42-fell";
        RunningRepository.newAccount("ada-axe", "DEPOSITOR", password);
        java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        browser.get(base + "/search?q=lichen");
        found.put("search", chromium.accessibilityViolations());
        browser.get(base + "/datasets/" + datasetId);
        found.put("landing page", chromium.accessibilityViolations());
        browser.get(base + "/sign-in?returnTo=/account");
        found.put("sign-in", chromium.accessibilityViolations());
        browser.findElement(By.id("username")).sendKeys("ada-axe");
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        chromium.waiting().until(d -> d.getCurrentUrl().endsWith("/account"));
        chromium.screenshot("5-account");
        found.put("account", chromium.accessibilityViolations());
        browser.findElement(By.id("label")).sendKeys("axe check", Keys.ENTER);
        chromium.waiting().until(d -> !d.findElements(By.id("new-token")).isEmpty());
        found.put("account, token shown", chromium.accessibilityViolations());
        browser.get(base + "/deposits");
        chromium.screenshot("6-my-deposits");
        found.put("my deposits", chromium.accessibilityViolations());
        found.values().removeIf(List::isEmpty);
        assertEquals(java.util.Map.of(), found, "WCAG 2.1 AA violations axe-core found");
    }

    private static boolean partial(Path folder) {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
