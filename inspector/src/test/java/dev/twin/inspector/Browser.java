package dev.twin.inspector;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium, driven through its chromedriver by Selenium, for the page's tests. Without both
 * installed the tests are skipped with the command that installs them (CI installs them: .ci/run).
 */
final class Browser implements AutoCloseable {
    static final String INSTALL = "apt-get install -y chromium chromium-driver";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Generous: the machine is shared by several builds; every wait ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static boolean skipNoticePrinted;

    private final ChromeDriver driver;
    private final ChromeDriverService service;

    private Browser(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /** Skips the calling test class (one clear line) when Chromium or chromedriver is missing. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && !skipNoticePrinted) {
            skipNoticePrinted = true;
            System.err.println("twin inspector: browser tests skipped: chromium and chromedriver are not installed ("
                    + INSTALL + ")");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed: " + INSTALL);
    }

    static Browser start() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,900", "--force-device-scale-factor=1", "--no-first-run",
                        "--disable-extensions", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), service);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until the page says it is ready. */
    void open(String url) {
        driver.get(url);
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    <T> T until(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page showed and logged says why; the timeout alone never does
            screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("the page never got there; it shows:\n"
                    + driver.findElement(By.tagName("body")).getText() + "\nand logged: " + consoleErrors(), e);
        }
    }

    WebElement find(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    /** Waits until the element matched by {@code css} shows {@code text}. */
    WebElement text(String css, String text) {
        return until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Leaves whatever page was open (an earlier test's, whose twin is gone) and forgets what it logged, so that
     * {@link #consoleErrors()} then tells only of the pages opened after.
     */
    void forgetEarlierPages() {
        driver.get("about:blank");
        consoleErrors();
    }

    /** What the page logged as errors since the last call (Chrome's console, failed loads included). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * Saves the window as {@code target/ui-screenshots/NAME.png}, and into {@code -Dtwin.ui.screenshots=DIR}
     * when given (docs/ui.md's pictures are made that way).
     */
    void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Path dir = Files.createDirectories(Path.of("target", "ui-screenshots"));
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getProperty("twin.ui.screenshots");
            if (docs != null && !docs.isBlank()) {
                Path target = Files.createDirectories(Path.of(docs));
                Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
