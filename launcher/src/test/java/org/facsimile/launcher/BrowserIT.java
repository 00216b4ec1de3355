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
        WebElement facet = browser.findElement(By.xpath("//a[starts-with(normalize-space(.), 'CC0 1.0')]"));
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
        // the home page lists the newest datasets (indexing is asynchronous: until this one shows)
        chromium.waiting().until(d -> {
            d.get(base + "/");
            return d.getPageSource().contains("/datasets/" + datasetId);
        });
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("synthetic twins"));
        chromium.screenshot("0-home");
        found.put("home", chromium.accessibilityViolations());
        browser.get(base + "/search?q=lichen");
        found.put("search", chromium.accessibilityViolations());
        browser.get(base + "/datasets/" + datasetId);
        found.put("landing page", chromium.accessibilityViolations());
        signedOut(browser);
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

    @Test
    void aDepositorWalksADepositFromFormToPublishedDataset() throws Exception {
        ChromeDriver browser = chromium.driver();
        String password = "basalt-column-88-skerry";
        RunningRepository.newAccount("wanda-wizard", "DEPOSITOR", password);
        signedOut(browser);
        browser.get(base + "/sign-in?returnTo=/deposits/new");
        browser.findElement(By.id("username")).sendKeys("wanda-wizard");
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        chromium.waiting().until(d -> d.getCurrentUrl().endsWith("/deposits/new"));

        // a form without its title says so at the field, and keeps what was typed
        browser.findElement(By.id("description")).sendKeys("Seabird nests on skerries, by breeding site and visit.");
        browser.findElement(By.cssSelector("button[type=submit]:not(.quiet)")).click();
        chromium.waiting().until(d -> !d.findElements(By.id("title-error")).isEmpty());
        assertEquals("true", browser.findElement(By.id("title")).getAttribute("aria-invalid"));
        assertTrue(
                browser.findElement(By.id("description")).getAttribute("value").startsWith("Seabird nests"));
        chromium.screenshot("7-new-deposit-refused");
        assertEquals(List.of(), chromium.accessibilityViolations(), "the refused form meets WCAG AA");

        browser.findElement(By.id("title")).sendKeys("Skerry seabird nest tallies");
        browser.findElement(By.id("creators")).sendKeys("Auk, Wanda");
        browser.findElement(By.id("keywords")).sendKeys("nesting, skerries");

        // the session ends while the form is open: signing in again brings back what was typed
        browser.manage().deleteAllCookies();
        browser.findElement(By.cssSelector("button[type=submit]:not(.quiet)")).click();
        chromium.waiting().until(d -> d.getCurrentUrl().contains("/sign-in"));
        assertTrue(browser.getPageSource().contains("Your session ended before the form was sent"));
        browser.findElement(By.id("username")).sendKeys("wanda-wizard");
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        chromium.waiting().until(d -> d.getCurrentUrl().endsWith("/deposits/new?restore=1"));
        chromium.waiting()
                .until(d -> !d.findElement(By.id("title")).getAttribute("value").isEmpty());
        assertEquals(
                "Skerry seabird nest tallies",
                browser.findElement(By.id("title")).getAttribute("value"));
        assertTrue(
                browser.findElement(By.id("description")).getAttribute("value").startsWith("Seabird nests"));
        assertEquals("Auk, Wanda", browser.findElement(By.id("creators")).getAttribute("value"));
        assertEquals("nesting, skerries", browser.findElement(By.id("keywords")).getAttribute("value"));
        chromium.screenshot("7b-form-restored-after-sign-in");
        assertEquals(List.of(), chromium.accessibilityViolations(), "the restored form meets WCAG AA");
        browser.findElement(By.cssSelector("button[type=submit]:not(.quiet)")).click();
        chromium.waiting().until(d -> d.getCurrentUrl().matches(".*/deposits/[0-9a-f-]{36}"));
        chromium.screenshot("8-deposit-created");

        // two related tables at once; a file that is not CSV is refused with its name
        Path sites = chromium.downloads().resolve("sites.csv");
        Path visits = chromium.downloads().resolve("visits.csv");
        StringBuilder c = new StringBuilder("site_id,skerry,species\n");
        StringBuilder v = new StringBuilder("visit_id,site_id,nests,observer_email\n");
        String[] species = {"puffin", "razorbill", "guillemot", "kittiwake"};
        for (int i = 1; i <= 120; i++) {
            c.append(i)
                    .append(",skerry-")
                    .append(1 + i % 9)
                    .append(',')
                    .append(species[i % 4])
                    .append('\n');
        }
        // drawn at random: visits made by a formula repeat one sequence per site, so no held-out
        // site's values occur among the learnt sites' and the privacy check's reference expects no
        // synthetic row to match a training row, while a model drawing plausible values does by chance
        java.util.Random random = new java.util.Random(7);
        for (int i = 1; i <= 600; i++) {
            v.append(i)
                    .append(',')
                    .append(1 + random.nextInt(120))
                    .append(',')
                    .append(5 + random.nextInt(90))
                    .append(",obs")
                    .append(random.nextInt(40))
                    .append("@birdwatch.example\n");
        }
        Files.writeString(sites, c);
        Files.writeString(visits, v);
        Path notCsv = chromium.downloads().resolve("photo.csv");
        Files.write(notCsv, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe});
        browser.findElement(By.id("files")).sendKeys(notCsv.toString());
        browser.findElement(By.xpath("//button[normalize-space(.)='Upload']")).click();
        // each file is sent on its own with a progress bar; a refused one says why beside its name
        chromium.waiting()
                .until(d ->
                        !d.findElements(By.cssSelector("ul.uploads li.error")).isEmpty());
        String why = browser.findElement(By.cssSelector("ul.uploads li.error .upload-status"))
                .getText();
        assertTrue(why.startsWith("photo.csv:"), why);
        assertTrue(
                browser.findElements(By.xpath("//button[normalize-space(.)='Send photo.csv again']")).stream()
                        .noneMatch(WebElement::isDisplayed),
                "a file refused for what it is offers no retry: the same bytes would be refused again");
        chromium.screenshot("9-upload-refused");
        browser.findElement(By.id("files")).sendKeys(sites + "\n" + visits);
        browser.findElement(By.xpath("//button[normalize-space(.)='Upload']")).click();
        chromium.waiting().until(d -> d.findElements(By.tagName("caption")).size() == 2);
        String tables = browser.findElement(By.tagName("main")).getText();
        assertTrue(tables.contains("sites.csv") && tables.contains("visits.csv"), tables);
        assertEquals(
                "email",
                new org.openqa.selenium.support.ui.Select(browser.findElement(
                                By.xpath("//select[@aria-label='Direct identifier of column observer_email']")))
                        .getFirstSelectedOption()
                        .getAttribute("value"),
                "profiling marked the e-mail column");
        chromium.screenshot("10-tables-uploaded");
        assertEquals(List.of(), chromium.accessibilityViolations(), "the deposit page meets WCAG AA");

        // correct what profiling inferred: e-mails cannot be declared ordinary data...
        org.openqa.selenium.support.ui.Select email = new org.openqa.selenium.support.ui.Select(
                browser.findElement(By.xpath("//select[@aria-label='Direct identifier of column observer_email']")));
        email.selectByValue("");
        browser.findElement(By.xpath("//button[normalize-space(.)='Save the columns of visits.csv']"))
                .click();
        chromium.waiting()
                .until(d ->
                        !d.findElements(By.cssSelector("[id^=schema-error-]")).isEmpty());
        String refusal =
                browser.findElement(By.cssSelector("[id^=schema-error-]")).getText();
        assertTrue(refusal.contains("observer_email") && refusal.contains("never learnt"), refusal);
        chromium.screenshot("10a-schema-refused");
        // a type its values are not: the page says which column, from which line, how many
        new org.openqa.selenium.support.ui.Select(
                        browser.findElement(By.xpath("//select[@aria-label='Type of column skerry']")))
                .selectByValue("integer");
        browser.findElement(By.xpath("//button[normalize-space(.)='Save the columns of sites.csv']"))
                .click();
        chromium.waiting()
                .until(d ->
                        !d.findElements(By.cssSelector("[id^=schema-error-]")).isEmpty());
        String unparsed =
                browser.findElement(By.cssSelector("[id^=schema-error-]")).getText();
        assertTrue(
                unparsed.contains("column skerry: ")
                        && unparsed.contains(" values of ")
                        && unparsed.contains("(the first on line 2)")
                        && !unparsed.contains("skerry-"),
                unparsed);
        // ...but a column's type and the rules its rows obey can be
        new org.openqa.selenium.support.ui.Select(browser.findElement(
                        By.xpath("//select[@aria-label='Direct identifier of column observer_email']")))
                .selectByValue("email");
        new org.openqa.selenium.support.ui.Select(
                        browser.findElement(By.xpath("//select[@aria-label='Type of column nests']")))
                .selectByValue("decimal");
        WebElement rules = browser.findElement(
                By.xpath("//textarea[contains(@id, 'constraints-')][ancestor::form[contains(@action, 'visits.csv')]]"));
        rules.sendKeys("nests >= 0");
        browser.findElement(By.xpath("//button[normalize-space(.)='Save the columns of visits.csv']"))
                .click();
        chromium.waiting()
                .until(d ->
                        d.findElements(By.cssSelector("[id^=schema-error-]")).isEmpty()
                                && d.findElements(
                                                        By.xpath(
                                                                "//select[@aria-label='Type of column nests']/option[@value='decimal' and @selected]"))
                                                .size()
                                        == 1);
        assertTrue(browser.getPageSource().contains("nests &gt;= 0"), "the rule is saved");
        chromium.screenshot("10b-schema-corrected");

        // the visits refer to the sites: the sites' key first, then each visit's reference to it
        new org.openqa.selenium.support.ui.Select(
                        browser.findElement(By.xpath("//form[contains(@action, '/sites.csv/')]//select[@name='key']")))
                .selectByValue("site_id");
        browser.findElement(By.xpath("//button[normalize-space(.)='Save the columns of sites.csv']"))
                .click();
        String reference = "//form[contains(@action, '/visits.csv/')]"
                + "//select[@aria-label='Table and key that column site_id refers to']";
        chromium.waiting()
                .until(d -> d.findElements(By.xpath(reference + "/option[@value='sites.csv/site_id']"))
                                .size()
                        == 1);
        new org.openqa.selenium.support.ui.Select(
                        browser.findElement(By.xpath("//form[contains(@action, '/visits.csv/')]//select[@name='key']")))
                .selectByValue("visit_id");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.xpath(reference)))
                .selectByValue("sites.csv/site_id");
        browser.findElement(By.xpath("//button[normalize-space(.)='Save the columns of visits.csv']"))
                .click();
        chromium.waiting()
                .until(d -> d.findElements(By.cssSelector("[id^=schema-error-]"))
                                .isEmpty()
                        && d.findElements(By.xpath(reference + "/option[@value='sites.csv/site_id' and @selected]"))
                                        .size()
                                == 1);
        chromium.screenshot("10c-reference-declared");

        // related tables are learnt by the network: a one-minute budget
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("trainingSeconds"))).selectByValue("60");
        browser.findElement(By.xpath("//button[normalize-space(.)='Synthesize']"))
                .click();
        // live progress: the page follows the job's server-sent events and reloads itself when it
        // ends; nothing here reloads it (a hang guard bounds the wait)
        chromium.waiting().until(d -> !d.findElements(By.id("progress-bar")).isEmpty());
        chromium.screenshot("10d-synthesizing");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(240))
                .pollingEvery(java.time.Duration.ofSeconds(1))
                .until(d -> d.getPageSource().contains("Publish the synthetic dataset")
                        || d.getPageSource().contains("synthesis failed"));
        assertTrue(browser.getPageSource().contains("Privacy check: <b>passed</b>"), browser.getPageSource());
        assertEquals(
                1,
                browser.findElements(By.xpath("//button[normalize-space(.)='Synthesize again']"))
                        .size(),
                "a re-run with other settings is offered");
        assertEquals(List.of(), chromium.accessibilityViolations(), "the page to review meets WCAG AA");
        // the report is in the page, as charts: accuracy against the holdout, per column, weakest pairs
        assertTrue(
                browser.findElements(By.cssSelector("main figure svg")).size() >= 4,
                "the report's charts are on the deposit page");
        assertTrue(browser.getPageSource().contains("column pairs whose joint distribution"));
        // the whole report opens inside the page too: real against synthetic, column by column
        browser.findElement(By.xpath("//summary[starts-with(normalize-space(.), 'The full report')]"))
                .click();
        browser.switchTo().frame(browser.findElement(By.cssSelector("iframe[title='The full synthesis report']")));
        chromium.waiting().until(d -> d.findElements(By.cssSelector("svg")).size() > 2);
        browser.switchTo().defaultContent();
        chromium.screenshot("11-synthesized");
        // what publishing would release, before it does: each synthetic table's first rows
        WebElement synthetic = browser.findElement(By.cssSelector("section.synthetic"));
        assertEquals(
                List.of("sites.csv", "visits.csv"),
                synthetic.findElements(By.tagName("h3")).stream()
                        .map(WebElement::getText)
                        .toList());
        assertEquals(2, synthetic.findElements(By.cssSelector(".preview table")).size());
        assertTrue(
                synthetic.findElements(By.cssSelector(".preview tbody tr")).size() >= 2,
                "rows of the synthetic tables are shown");
        new org.openqa.selenium.interactions.Actions(browser)
                .scrollToElement(synthetic)
                .perform();
        chromium.screenshot("11b-synthetic-tables");
        // and the whole report is there to download (opened here to look at it)
        browser.get(browser.findElement(By.linkText("Download the full report")).getAttribute("href"));
        chromium.waiting().until(d -> d.getTitle().startsWith("Synthesis report"));
        assertTrue(browser.findElements(By.cssSelector("svg")).size() > 2, "the report has charts");
        assertTrue(
                browser.getPageSource().contains("visits.site_id \u2192 sites.site_id")
                        || browser.getPageSource().contains("visits.csv.site_id \u2192 sites.csv.site_id"),
                "the report shows the reference between the tables");
        chromium.screenshot("12-report");
        browser.navigate().back();
        // before publishing, a private link shows the would-be landing page to reviewers
        String depositPage = browser.getCurrentUrl();
        browser.findElement(By.linkText("Reviewer links")).click();
        chromium.waiting().until(d -> d.getCurrentUrl().endsWith("/reviewer-links"));
        browser.findElement(By.id("label")).sendKeys("Journal referees");
        browser.findElement(By.xpath("//button[normalize-space(.)='Make a reviewer link']"))
                .click();
        String link =
                chromium.waiting().until(d -> d.findElement(By.id("new-link"))).getText();
        assertEquals(List.of(), chromium.accessibilityViolations(), "the reviewer links page meets WCAG AA");
        chromium.screenshot("11c-reviewer-links");
        browser.get(link);
        chromium.waiting().until(d -> d.getPageSource().contains("Private preview for review"));
        assertEquals(List.of(), chromium.accessibilityViolations(), "a reviewer's preview meets WCAG AA");
        chromium.screenshot("11d-reviewer-preview");
        browser.get(depositPage);
        browser.findElement(By.xpath("//button[normalize-space(.)='Publish the synthetic dataset']"))
                .click();
        // publishing is permanent: first what becomes public, then the decision
        chromium.waiting().until(d -> d.getCurrentUrl().contains("/publish"));
        String confirm = browser.findElement(By.tagName("main")).getText();
        assertTrue(confirm.contains("becomes public and permanent"), confirm);
        assertTrue(confirm.contains("sites.csv") && confirm.contains("visits.csv"), "the tables it publishes");
        assertTrue(confirm.contains("never published"), "the deposited rows stay private");
        assertEquals(List.of(), chromium.accessibilityViolations(), "the confirmation meets WCAG AA");
        chromium.screenshot("12b-confirm-publication");
        browser.findElement(By.xpath("//button[normalize-space(.)='Publish now']"))
                .click();
        // the deposit's page says it is published, with its DOI, and what can come next
        chromium.waiting().until(d -> d.getPageSource().contains("Published: <a href=\"/doi/"));
        assertEquals(
                0,
                browser.findElements(By.xpath("//button[normalize-space(.)='Publish the synthetic dataset']"))
                        .size(),
                "no second publication offered");
        assertEquals(
                1,
                browser.findElements(By.xpath("//button[normalize-space(.)='Start a new version']"))
                        .size());
        assertEquals(
                1,
                browser.findElements(By.xpath("//button[normalize-space(.)='Erase my private input']"))
                        .size());
        assertEquals(List.of(), chromium.accessibilityViolations(), "the published deposit's page meets WCAG AA");
        chromium.screenshot("13-published");
        // the back button after publishing: the deposit page as it is now, nothing to publish twice
        browser.navigate().back();
        chromium.waiting().until(d -> d.getPageSource().contains("Published: <a href=\"/doi/"));
        assertEquals(
                0,
                browser.findElements(By.xpath("//button[normalize-space(.)='Publish the synthetic dataset']"))
                        .size(),
                "still no second publication offered");
        browser.findElement(By.linkText("landing page")).click();
        chromium.waiting().until(d -> d.getCurrentUrl().contains("/datasets/"));
        assertEquals(
                "Skerry seabird nest tallies",
                browser.findElement(By.tagName("h1")).getText());
        chromium.screenshot("13b-landing-page");

        // found by search
        chromium.waiting().until(d -> {
            d.get(base + "/search?q=skerry+seabird");
            return !d.findElements(By.cssSelector("article.hit h3 a")).isEmpty();
        });
        chromium.screenshot("14-found");
    }

    /** The tests share one browser: each that signs in starts from no session. */
    private static void signedOut(ChromeDriver browser) {
        browser.get(base + "/search");
        browser.manage().deleteAllCookies();
    }

    private static boolean partial(Path folder) {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
