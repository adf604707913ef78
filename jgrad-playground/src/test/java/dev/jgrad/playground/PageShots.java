package dev.jgrad.playground;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Developer tool, not a test: opens a playground URL in headless Chromium, optionally runs a script (e.g. clicks play),
 * waits, and saves a screenshot. {@code PageShots URL OUT.png WAIT_MS [JS]}.
 */
public final class PageShots {
    private PageShots() {}

    public static void main(String[] args) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTest.CHROMIUM);
        Path profile = Files.createTempDirectory("jgrad-shots");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=" + System.getProperty("shots.size", "1500,1250"), "--user-data-dir=" + profile);
        var prefs = new org.openqa.selenium.logging.LoggingPreferences();
        prefs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserTest.DRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            PlaygroundServer server = args[0].startsWith("http") ? null : PlaygroundServer.start("127.0.0.1", 0);
            driver.get(server == null ? args[0] : server.url() + args[0]);
            Thread.sleep(1500);
            if (args.length > 3) ((JavascriptExecutor) driver).executeScript(args[3]);
            Object f0 = ((JavascriptExecutor) driver).executeScript("return document.body.dataset.frames");
            Thread.sleep(Long.parseLong(args[2]));
            Object f1 = ((JavascriptExecutor) driver).executeScript("return document.body.dataset.frames");
            System.out.printf("frames: %s -> %s in %s ms%n", f0, f1, args[2]);
            System.out.println("status: " + ((JavascriptExecutor) driver).executeScript("return document.getElementById('status').textContent + ' | ' + (document.body.dataset.result || '')"));
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(e -> System.out.println("console: " + e.getMessage()));
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), Path.of(args[1]), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }
}
