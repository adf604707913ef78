package dev.jgrad.playground;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in headless Chromium: it loads, trains when play is pressed (loss falls, heatmap changes), writes
 * control changes into the URL hash, and a reload of that URL restores the setup. Skipped without Chromium.
 *
 * <p>{@code -Dplayground.screenshot=docs/playground.png} also saves a screenshot of the trained page there.
 */
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class BrowserTest {
    static final File CHROMIUM = new File("/usr/bin/chromium"), DRIVER = new File("/usr/bin/chromedriver");
    static PlaygroundServer server;
    static WebDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        if (!(CHROMIUM.canExecute() && DRIVER.canExecute())) {
            // One line in the build log rather than a bare skip count.
            System.err.println("BrowserTest: skipping the in-browser tests: " + CHROMIUM + " and " + DRIVER
                    + " are not both installed. To run them: apt-get install chromium chromium-driver.");
        }
        assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "chromium and chromedriver not installed");
        // An explicit driver binary keeps Selenium Manager from trying to download one.
        System.setProperty("webdriver.chrome.driver", DRIVER.getPath());
        server = PlaygroundServer.start("127.0.0.1", 0);
        profile = Files.createTempDirectory("jgrad-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1500,1250", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        if (server != null) server.stop();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static String heatmapPixels() {
        return (String) js("return document.getElementById('heatmap').toDataURL();");
    }

    private static double trainLoss() {
        return Double.parseDouble(driver.findElement(By.id("train-loss")).getText());
    }

    private static long draws() {
        return Long.parseLong((String) js("return document.body.dataset.draws || '0';"));
    }

    private static long frames() {
        return Long.parseLong((String) js("return document.body.dataset.frames || '0';"));
    }

    private static int epoch() {
        return Integer.parseInt((String) js("return document.body.dataset.epoch || '0';"));
    }

    @Test
    void trainsLiveAndTheUrlReproducesTheSetup() throws Exception {
        driver.get(server.url());
        waitUpTo(15).until(d -> "true".equals(js("return document.body.dataset.ready;")));
        assertThat(driver.getTitle()).isEqualTo("jgrad playground");
        assertThat(driver.findElements(By.cssSelector("#network .node"))).hasSize(9 + 4 + 2 + 1); // nine feature nodes (x1 .. sin x2, r, theta), 4 and 2 hidden, 1 output
        assertThat(driver.findElements(By.cssSelector("#links path"))).hasSize(2 * 4 + 4 * 2 + 2);
        double lossBefore = trainLoss();
        String pixelsBefore = heatmapPixels();

        driver.findElement(By.id("play")).click();
        waitUpTo(20).until(d -> epoch() >= 40);
        // Rendered updates per second over two seconds of steady training. Reported, not asserted: the rate
        // depends on the machine (and headless Chromium renders in software).
        long drawsBefore = draws(), framesBefore = frames(), t0 = System.nanoTime();
        Thread.sleep(2000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("playground: %.1f frames/s received, %.1f rendered while training%n",
                (frames() - framesBefore) / seconds, (draws() - drawsBefore) / seconds);
        driver.findElement(By.id("play")).click(); // pause
        waitUpTo(5).until(d -> !driver.findElement(By.id("play")).getAttribute("class").contains("playing"));
        assertThat(trainLoss()).isLessThan(lossBefore);
        assertThat(heatmapPixels()).isNotEqualTo(pixelsBefore);
        assertThat(driver.findElement(By.id("metrics")).getText()).contains("Accuracy");
        // The export link serves this session's network as ONNX (the bytes of a protobuf ModelProto).
        var onnxLink = driver.findElement(By.id("export-onnx"));
        assertThat(onnxLink.getText()).isEqualTo("Export ONNX");
        assertThat(onnxLink.getAttribute("download")).isEqualTo("playground.onnx");
        assertThat(onnxLink.getAttribute("href")).matches(".*/api/sessions/[^/]+/onnx");
        var onnx = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(onnxLink.getAttribute("href"))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(onnx.statusCode()).isEqualTo(200);
        assertThat(new String(onnx.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("jgrad").contains("Gemm");

        // Click a link, type a weight, read it back on hover.
        js("document.querySelector('#links path').dispatchEvent(new MouseEvent('click', {clientX: 300, clientY: 300, bubbles: true}));");
        var input = driver.findElement(By.cssSelector("#tooltip input"));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "1.5", org.openqa.selenium.Keys.ENTER);
        waitUpTo(5).until(d -> {
            js("document.querySelector('#links path').dispatchEvent(new MouseEvent('mouseenter', {clientX: 300, clientY: 300}));");
            return driver.findElement(By.id("tooltip")).getText().startsWith("weight 1.500");
        });

        new Select(driver.findElement(By.id("learningRate"))).selectByValue("0.1");
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("learningRate=0.1&"));
        driver.findElement(By.id("add-layer")).click();
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("layers=4,2,2"));
        driver.findElement(By.cssSelector(".dataset[data-name='xor']")).click();
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("dataset=xor"));
        String url = driver.getCurrentUrl();

        driver.get("about:blank");
        driver.get(url);
        waitUpTo(15).until(d -> "true".equals(js("return document.body.dataset.ready;")));
        assertThat(new Select(driver.findElement(By.id("learningRate"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("0.1");
        assertThat(driver.findElement(By.id("layer-count")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector(".dataset.selected")).getAttribute("data-name")).isEqualTo("xor");
        assertThat(epoch()).isZero();

        String shot = System.getProperty("playground.screenshot");
        if (shot != null) saveScreenshot(Path.of(shot));
    }

    /** Trains the default network for a moment so the picture shows something learned, then captures the page. */
    private static void saveScreenshot(Path target) throws Exception {
        driver.get(server.url() + "#dataset=spiral&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=8,6,4"
                + "&activations=tanh,tanh,tanh&learningRate=0.01&optimizer=adam&showTest=true&speed=5");
        waitUpTo(15).until(d -> "true".equals(js("return document.body.dataset.ready;")));
        driver.findElement(By.id("play")).click();
        waitUpTo(30).until(d -> epoch() >= 300);
        driver.findElement(By.id("play")).click();
        js("document.getElementById('graph-all').click();");
        Thread.sleep(300);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
