package org.sarcomacds.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.InfoLogs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The try-it page in a real browser: Debian's headless Chromium driven through {@code /usr/bin/chromedriver}
 * (given explicitly, so Selenium Manager never downloads anything). A clinician's path through it — an LMS
 * patient's trabectedin card, the gemcitabine-with-pazopanib warning, accepting and dismissing it, signing — with
 * the feedback checked in the server's log, both data paths, and every fixture patient. Screenshots go to
 * {@code target/screenshots/}.
 *
 * <p>Without Chromium this test is skipped, except when {@code -Dbrowser.required=true} (set by {@code .ci/run}):
 * then a missing browser is a failure, so CI can never pass without running it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({OutputCaptureExtension.class, InfoLogs.class})
class TryItPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String LMS_PATIENT = "lms-bone-femur-after-doxorubicin";
    private static final String ON_PAZOPANIB = "lms-uterine-on-pazopanib";
    private static final String CONSULT = "LMS-NEXT-LINE-OPTIONS";
    private static final String GEM_PAZ = "LMS-AVOID-GEMCITABINE-PAZOPANIB";

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            if (Boolean.getBoolean("browser.required")) {
                fail("browser.required is set but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: apt-get install -y chromium chromium-driver");
            }
            Assumptions.abort(
                    "Chromium is not installed (apt-get install -y chromium chromium-driver); CI requires it");
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1440,1000",
                "--lang=en-GB",
                "--no-first-run",
                "--disable-extensions",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void noScriptErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        assertThat(severe).as("errors in the browser console").isEmpty();
    }

    @Test
    void aClinicianSeesAcceptsAndDismissesCards(CapturedOutput serverLog) throws IOException {
        open();

        choosePatient(LMS_PATIENT);
        WebElement consult = card("cards-patient-view", CONSULT);
        assertThat(consult.getAttribute("data-indicator")).isEqualTo("info");
        assertThat(consult.findElement(By.cssSelector(".card-summary")).getText())
                .containsIgnoringCase("next-line options");
        assertThat(consult.findElement(By.cssSelector(".card-detail")).getText())
                .contains("Trabectedin, the preferred next line");
        assertThat(consult.findElements(By.cssSelector(".card-detail h4")))
                .as("Markdown headings rendered")
                .extracting(WebElement::getText)
                .contains("Why this card");
        assertThat(consult.findElements(By.cssSelector(".card-links a")))
                .extracting(a -> a.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).endsWith("/evidence/LMS-TRABECTEDIN-NEXT-LINE"));
        assertThat(consult.getText()).doesNotContain("###", "**");
        screenshot("01-lms-next-line-consult", consult);

        assertThat(browser.findElement(By.cssSelector(
                                ".patient-button[data-patient-id='" + ON_PAZOPANIB + "'] .patient-problems"))
                        .getText())
                .as("key problems in the patient list")
                .contains("Leiomyosarcoma of uterus");
        choosePatient(ON_PAZOPANIB);
        assertThat(summaryText()).containsIgnoringCase("pazopanib").contains("active");
        orderDrug("Gemcitabine");
        WebElement warning = card("cards-order", GEM_PAZ);
        assertThat(warning.getAttribute("data-indicator")).isEqualTo("warning");
        assertThat(warning.findElements(By.cssSelector(".override-reason option")))
                .hasSizeGreaterThan(1);
        assertThat(lastCall("cards-order")).contains("\"hook\": \"order-select\"", "\"selections\"", "\"prefetch\"");
        screenshot("02-gemcitabine-with-pazopanib-warning", warning);
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no sideways scrolling on a laptop-sized window")
                .isTrue();
        overview("00-try-it-overview");

        String cardUuid = warning.getAttribute("data-uuid");
        warning.findElement(By.cssSelector("button.suggestion")).click();
        wait(d -> "sent".equals(warning.getAttribute("data-feedback")));
        assertThat(warning.findElement(By.cssSelector(".suggestion-actions")).getText())
                .contains("\"type\": \"delete\"", "\"resourceId\": \"MedicationRequest/try-it-draft-");
        assertThat(browser.findElements(By.cssSelector("#draft-list .draft")))
                .as("the draft was deleted")
                .isEmpty();
        assertThat(serverLog.getOut())
                .contains("feedback service=lms-order-select card=" + cardUuid
                        + " outcome=accepted acceptedSuggestions=1");
        screenshot("03-suggestion-accepted", warning);

        orderDrug("Gemcitabine");
        WebElement second = card("cards-order", GEM_PAZ);
        new Select(second.findElement(By.cssSelector(".override-reason")))
                .selectByVisibleText("Multidisciplinary tumour board decision");
        second.findElement(By.cssSelector(".override-comment")).sendKeys("Agreed at the sarcoma board");
        second.findElement(By.cssSelector("button.dismiss-button")).click();
        wait(d -> "sent".equals(second.getAttribute("data-feedback")));
        assertThat(serverLog.getOut())
                .contains("feedback service=lms-order-select card=" + second.getAttribute("data-uuid")
                        + " outcome=overridden acceptedSuggestions=0 overrideReason=tumour-board");

        browser.findElement(By.id("sign")).click();
        wait(d -> "order-sign".equals(d.findElement(By.id("cards-order")).getAttribute("data-hook")));
        WebElement signed = card("cards-order", GEM_PAZ);
        assertThat(lastCall("cards-order")).contains("\"hook\": \"order-sign\"").doesNotContain("\"selections\"");
        assertThat(signed.getText()).contains("Source:");
        screenshot("04-order-sign-warning", browser.findElement(By.id("cards-order")));
    }

    @Test
    void theServiceCanFetchTheRecordFromTheDemoFhirEndpoint() throws IOException {
        open();
        WebElement prefetchMode = browser.findElement(By.cssSelector("input[name='mode'][value='prefetch']"));
        prefetchMode.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.findElement(By.cssSelector("input[name='mode'][value='fetch']"))
                        .isSelected())
                .as("the data path is chosen with the keyboard")
                .isTrue();

        WebElement patient =
                browser.findElement(By.cssSelector(".patient-button[data-patient-id='" + LMS_PATIENT + "']"));
        patient.sendKeys(Keys.ENTER);
        waitForChart(patient);
        card("cards-patient-view", CONSULT);

        String request = lastCall("cards-patient-view");
        assertThat(request)
                .contains("\"fhirServer\": \"http://127.0.0.1:" + port + "/fhir\"")
                .doesNotContain("\"prefetch\"");
        screenshot("05-service-fetched", null);

        choosePatient("lms-on-gemcitabine-drafts-pazopanib");
        browser.findElement(By.id("scenario-drafts")).click();
        WebElement warning = card("cards-order", GEM_PAZ);
        assertThat(warning.findElement(By.cssSelector(".card-detail")).getText())
                .containsIgnoringCase("pazopanib");
        assertThat(lastCall("cards-order"))
                .contains("\"hook\": \"order-select\"", "\"fhirServer\"")
                .doesNotContain("\"prefetch\"");
    }

    @Test
    void everyFixturePatientRendersWithTheCardsItsScenarioNames() throws IOException {
        open();
        List<Fixture> fixtures = Fixture.all();
        assertThat(browser.findElements(By.cssSelector(".patient-button"))).hasSize(fixtures.size());

        for (Fixture fixture : fixtures) {
            choosePatient(fixture.patientId());
            WebElement summary = browser.findElement(By.id("patient-summary"));
            assertThat(summary.findElement(By.cssSelector("h3")).getText())
                    .as(fixture.id())
                    .isNotBlank();
            assertThat(summary.getText()).as(fixture.id()).contains("Problems", "Therapy history");
            assertThat(summary.findElements(By.cssSelector(".problems li")))
                    .as(fixture.id() + " problems")
                    .isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#cards-patient-view .call-error")))
                    .as(fixture.id())
                    .isEmpty();
            List<String> rules = browser.findElements(By.cssSelector("#cards-patient-view .cds-card")).stream()
                    .map(c -> c.getAttribute("data-rule"))
                    .toList();
            assertThat(rules).as(fixture.id() + " patient-view cards").isEqualTo(fixture.expectedRules("patient-view"));
            assertThat(browser.findElement(By.id("status")).getAttribute("class"))
                    .doesNotContain("status-error");
            assertThat(browser.findElements(By.cssSelector("#call-log .call-failed")))
                    .as(fixture.id() + " failed calls")
                    .isEmpty();
        }
        screenshot("06-last-fixture", null);
    }

    @Test
    void cardMarkdownNeverRunsHtml() {
        open();
        String hostile = "**Bold** <img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script>\n\n"
                + "[click](javascript:window.pwned=3) [doi](https://doi.org/10.1/x) &lt;b&gt; \\*not emphasis\\*\n\n"
                + "- item with `<code>`\n\n| a | b |\n|---|---|\n| <i>x</i> | y |";

        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) ((JavascriptExecutor) browser)
                .executeScript(
                        "const box = document.createElement('div');"
                                + "box.appendChild(SafeMarkdown.render(arguments[0]));"
                                + "document.body.appendChild(box);"
                                + "return {elements: Array.from(box.querySelectorAll('*')).map(e => e.tagName.toLowerCase()).join(' '),"
                                + " text: box.textContent, hrefs: Array.from(box.querySelectorAll('a')).map(a => a.getAttribute('href')).join(' '),"
                                + " pwned: String(window.pwned)};",
                        hostile);

        assertThat(List.of(((String) rendered.get("elements")).split(" ")))
                .contains("strong", "a", "li", "code", "table")
                .doesNotContain("img", "script", "i");
        assertThat((String) rendered.get("text"))
                .contains("<img src=x onerror=", "<script>", "<b>", "*not emphasis*", "<i>x</i>");
        assertThat((String) rendered.get("hrefs")).isEqualTo("https://doi.org/10.1/x");
        assertThat(rendered.get("pwned")).isEqualTo("undefined");
    }

    // ---- helpers ----

    private void open() {
        browser.get("http://127.0.0.1:" + port + "/");
        wait(d -> !d.findElements(By.cssSelector(".patient-button")).isEmpty());
    }

    private void choosePatient(String patientId) {
        WebElement button = browser.findElement(By.cssSelector(".patient-button[data-patient-id='" + patientId + "']"));
        button.click();
        waitForChart(button);
    }

    private void waitForChart(WebElement button) {
        String name = button.findElement(By.cssSelector(".patient-name")).getText();
        wait(d -> "true".equals(button.getAttribute("aria-pressed")));
        wait(d -> !d.findElements(By.cssSelector("#summary-name")).isEmpty()
                && d.findElement(By.id("summary-name")).getText().equals(name)
                && d.findElement(By.id("cards-patient-view")).getAttribute("data-hook") != null
                && "0".equals(d.findElement(By.tagName("body")).getAttribute("data-busy")));
    }

    private void orderDrug(String name) {
        int callsBefore =
                browser.findElements(By.cssSelector("#call-log .call")).size();
        new Select(browser.findElement(By.id("order-drug"))).selectByVisibleText(name);
        wait(d -> d.findElements(By.cssSelector("#call-log .call")).size() > callsBefore
                && "0".equals(d.findElement(By.tagName("body")).getAttribute("data-busy")));
    }

    private WebElement card(String region, String ruleId) {
        By selector = By.cssSelector("#" + region + " .cds-card[data-rule='" + ruleId + "']");
        wait(d -> !d.findElements(selector).isEmpty());
        return browser.findElement(selector);
    }

    private String summaryText() {
        return browser.findElement(By.id("patient-summary")).getText();
    }

    /** The request of the newest hook call in the Calls panel. */
    private String lastCall(String region) {
        wait(d -> d.findElement(By.id(region)).getAttribute("data-hook") != null);
        for (WebElement call : browser.findElements(By.cssSelector("#call-log .call"))) {
            String request = (String) ((JavascriptExecutor) browser)
                    .executeScript("return arguments[0].querySelector('.call-request').textContent;", call);
            if (request.startsWith("POST") && request.contains("\"hook\"")) {
                return request;
            }
        }
        throw new AssertionError("no hook call in the Calls panel");
    }

    private void wait(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** The whole page in one tall window: the README's picture (docs/images/try-it.png is a copy). */
    private static void overview(String name) throws IOException {
        Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1440, 2400));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        screenshot(name, null);
        browser.manage().window().setSize(laptop);
    }

    private static void screenshot(String name, WebElement scrollTo) throws IOException {
        if (scrollTo != null) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", scrollTo);
        }
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
