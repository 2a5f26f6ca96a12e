package jp.partnerflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A staff member's desktop in headless Chromium (Debian's, found by path like {@link Phone}): a
 * 1366 × 900 window, Japanese as its language, for Camunda's webapps.
 */
public final class Desk implements AutoCloseable {
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    public Desk(int port) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("the browser test needs Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): .ci/run installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=ja-JP", "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.base = "http://localhost:" + port;
    }

    public Desk open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        return this;
    }

    /** Waits until an element the selector finds is shown; returns it. */
    public WebElement await(By selector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(selector));
    }

    /** Waits until the page's text contains this. */
    public Desk awaitText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    public Desk type(By selector, String value) {
        WebElement field = await(selector);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public Desk click(By selector) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(selector));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        return this;
    }

    /** Chooses an option by its label, as a click on it would (Tasklist's sticky bars may lie over it). */
    public Desk choose(By label) {
        WebElement element = await(label);
        ((JavascriptExecutor) driver).executeScript(
                "var l = arguments[0]; (l.htmlFor ? document.getElementById(l.htmlFor) : l).click();", element);
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Reads a link's target as the browser resolves it. */
    public String href(By selector) {
        return await(selector).getAttribute("href");
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
