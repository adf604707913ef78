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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in headless Chromium: it loads, trains when play is pressed (loss falls, heatmap changes), writes
 * control changes into the URL hash, and a reload of that URL restores the setup. Skipped without Chromium.
 *
 * <p>{@code -Dplayground.screenshot=docs/playground.png} also saves a screenshot of the trained page there.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BrowserTest {
    /** Screenshots of each layout and view, kept as test artifacts. */
    static final Path SHOTS = Path.of("target", "playground-screenshots");
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

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
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
        assertThat(((Number) js("return window.playground.network.linkCount();")).intValue()).isEqualTo(2 * 4 + 4 * 2 + 2);
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
        String at = "const [x, y] = window.playground.network.linkPoint(0, 0, 0);"
                + " document.getElementById('network').dispatchEvent(new MouseEvent('%s', {clientX: x, clientY: y, bubbles: true}));";
        js(String.format(at, "click"));
        var input = driver.findElement(By.cssSelector("#tooltip input"));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "1.5", org.openqa.selenium.Keys.ENTER);
        waitUpTo(5).until(d -> {
            js(String.format(at, "mousemove"));
            return driver.findElement(By.id("tooltip")).getText().startsWith("weight 1.500");
        });

        new Select(driver.findElement(By.id("learningRate"))).selectByValue("0.1");
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("learningRate=0.1&"));
        driver.findElement(By.id("add-layer")).click();
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("networkShape=4,2,2"));
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

    private static void open(String hash) {
        driver.get("about:blank");
        driver.get(server.url() + hash);
        waitUpTo(20).until(d -> "true".equals(js("return document.body.dataset.ready;")));
    }

    private static String sessionId() {
        return (String) js("return window.playground.api.id;");
    }

    /** Viewport and whole page as PNG files under target/playground-screenshots. */
    static void shoot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        long w = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        long h = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        Object shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", java.util.Map.of(
                "captureBeyondViewport", true, "clip", java.util.Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1)));
        String data = (String) ((java.util.Map<?, ?>) shot).get("data");
        Files.write(SHOTS.resolve(name + "-full.png"), java.util.Base64.getDecoder().decode(data));
    }

    /** [left, top, right, bottom] of every element the selector matches. */
    @SuppressWarnings("unchecked")
    private static java.util.List<java.util.List<Number>> boxes(String selector) {
        return (java.util.List<java.util.List<Number>>) js("return [...document.querySelectorAll('" + selector + "')]"
                + ".filter(e => e.offsetParent !== null).map(e => { const b = e.getBoundingClientRect();"
                + " return [b.left + scrollX, b.top + scrollY, b.right + scrollX, b.bottom + scrollY]; });");
    }

    private static boolean overlap(java.util.List<Number> a, java.util.List<Number> b) {
        double eps = 0.5;
        return a.get(0).doubleValue() < b.get(2).doubleValue() - eps && b.get(0).doubleValue() < a.get(2).doubleValue() - eps
                && a.get(1).doubleValue() < b.get(3).doubleValue() - eps && b.get(1).doubleValue() < a.get(3).doubleValue() - eps;
    }

    private static boolean inside(java.util.List<Number> inner, java.util.List<Number> outer) {
        double eps = 0.5;
        return inner.get(0).doubleValue() >= outer.get(0).doubleValue() - eps && inner.get(1).doubleValue() >= outer.get(1).doubleValue() - eps
                && inner.get(2).doubleValue() <= outer.get(2).doubleValue() + eps && inner.get(3).doubleValue() <= outer.get(3).doubleValue() + eps;
    }

    private static void assertDisjoint(String what, java.util.List<java.util.List<Number>> list) {
        for (int i = 0; i < list.size(); i++)
            for (int j = i + 1; j < list.size(); j++)
                assertThat(overlap(list.get(i), list.get(j))).as(what + " " + i + " " + list.get(i) + " overlaps " + j + " " + list.get(j)).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}x{1}")
    @org.junit.jupiter.params.provider.CsvSource({"1280, 800", "1440, 900", "1920, 1080"})
    void layoutsNeverOverlapWithASixByEightNetwork(int width, int height) throws Exception {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        open("#networkShape=8,8,8,8,8,8&activation=tanh&dataset=spiral&x=true&y=true&xSquared=true&ySquared=true"
                + "&xTimesY=true&sinX=true&sinY=true&showTestData=true&seed=0.00042");
        driver.findElement(By.id("step")).click();
        waitUpTo(10).until(d -> epoch() >= 1);
        assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(width);
        // Nothing sticks out of the window sideways.
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue()).isLessThanOrEqualTo(width);
        var columns = boxes(".columns > .column");
        assertThat(columns).hasSize(3);
        assertDisjoint("column", columns);
        var data = columns.get(0);
        var network = columns.get(1);
        var output = columns.get(2);
        // The network fits its column (no scrolling needed) and every neuron and layer head stays inside it.
        assertThat(((Number) js("const c = document.querySelector('.network-column'); return c.scrollWidth - c.clientWidth;"))
                .intValue()).as("network column overflow").isLessThanOrEqualTo(0);
        var nodes = boxes("#network .node");
        assertThat(nodes).hasSize(9 + 6 * 8 + 1);
        for (var n : nodes) assertThat(inside(n, network)).as("neuron " + n + " inside " + network).isTrue();
        assertDisjoint("neuron", nodes);
        var heads = boxes("#network .layer-head");
        for (var h : heads) assertThat(inside(h, network)).as("layer head " + h).isTrue();
        assertDisjoint("layer head", heads);
        for (var b : boxes(".feature .name")) assertThat(inside(b, network)).as("feature name " + b).isTrue();
        for (String sel : List.of("#heatmap", "#heatmap-axes", "#loss-chart", "#legend", ".checks", "#paint-classes", "#metrics"))
            for (var b : boxes(sel)) assertThat(inside(b, output)).as(sel + " " + b + " inside " + output).isTrue();
        for (String sel : List.of("#datasets", "#trainRatio", "#noise", "#batchSize"))
            for (var b : boxes(sel)) assertThat(inside(b, data)).as(sel).isTrue();
        var fields = boxes(".topbar .field, .topbar .buttons");
        assertDisjoint("top bar control", fields);
        for (var f : fields) assertThat(f.get(2).doubleValue()).isLessThanOrEqualTo(width);
        assertDisjoint("panel", boxes(".extras > .panel"));
        shoot("layout-" + width + "x" + height);
    }

    @Test
    void tfStyleLinkRoundTripHidesControlsAndShowsTfsOutput() throws Exception {
        String tf = dev.jgrad.playground.state.LinkCodecTest.TF_DEFAULT.replace("hideText=false", "hideText=false"
                + "&learningRate_hide=true&noise_hide=true&playButton_hide=false&activation_hide=true&numNodes1_hide=true");
        open(tf);
        String hash = (String) js("return location.hash;");
        assertThat(dev.jgrad.playground.state.LinkCodec.params(hash)).isEqualTo(dev.jgrad.playground.state.LinkCodec.params(tf));
        assertThat(driver.findElement(By.id("tfCompat")).isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-control=learningRate]")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("[data-control=noise]")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("play")).isDisplayed()).isTrue();
        // TF's per-layer hides: the +/- neuron buttons of layer 2 (numNodes1), and with activation the layers' menus
        assertThat(driver.findElement(By.cssSelector("[data-control=numNodes0]")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-control=numNodes1]")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector(".layer.hidden select"))).hasSize(2)
                .allSatisfy(menu -> assertThat(menu.isDisplayed()).isFalse());
        assertThat(new Select(driver.findElement(By.id("loss"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("quadratic");
        // Test data shown and discretized output: the checkboxes go into the link as TF's names.
        driver.findElement(By.id("showTest")).click();
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("showTestData=true"));
        driver.findElement(By.id("discretize")).click();
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("discretize=true"));
        // The output is translucent (TF's alpha 160) and has axes with ticks -6 .. 6.
        Number alpha = (Number) js("return document.getElementById('heatmap').getContext('2d').getImageData(150, 20, 1, 1).data[3];");
        assertThat(alpha.intValue()).isBetween(150, 170);
        assertThat(driver.findElements(By.cssSelector("#heatmap-axes text"))).hasSize(14);
        shoot("tf-link");
    }

    @Test
    void leakyReluWithTheNotesAlphaIsReachableFromThePage() {
        open("#networkShape=3&activation=tanh");
        new Select(driver.findElement(By.id("activation"))).selectByValue("leaky-relu");
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("activation=leaky-relu:0.01"));
        var alpha = driver.findElement(By.cssSelector("#activation-params input[data-param=alpha]"));
        alpha.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "0.1", org.openqa.selenium.Keys.TAB);
        waitUpTo(5).until(d -> d.getCurrentUrl().contains("activation=leaky-relu:0.1&"));
        assertThat(new Select(driver.findElement(By.cssSelector(".layer.hidden select"))).getFirstSelectedOption().getText())
                .isEqualTo("Leaky ReLU (alpha 0.1)");
    }

    @Test
    void closingThePagePausesTraining() throws Exception {
        open("#networkShape=4,2&activation=tanh&speed=1");
        String id = sessionId();
        driver.findElement(By.id("play")).click();
        waitUpTo(10).until(d -> epoch() >= 5);
        driver.get("about:blank"); // the tab's stream closes
        PlaygroundClient c = new PlaygroundClient(server.url());
        long t0 = System.nanoTime();
        String status = "";
        while (System.nanoTime() - t0 < 20_000_000_000L) {
            status = c.get("/api/sessions/" + id + "/frame").json().get("status").asText();
            if (status.equals("paused")) break;
            Thread.sleep(200);
        }
        System.out.printf("playground: training paused %.1f s after the page closed%n", (System.nanoTime() - t0) / 1e9);
        assertThat(status).isEqualTo("paused");
    }

    @Test
    void paintingAThirdClassMakesAThreeClassSet() {
        open("#networkShape=4&activation=tanh&dataset=xor");
        var swatches = driver.findElements(By.cssSelector("#paint-classes .swatch-button"));
        assertThat(swatches).hasSize(3); // class 0, class 1, + class 2
        swatches.get(2).click();
        var heatmap = driver.findElement(By.id("heatmap"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(heatmap, 10, 10).click().perform();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("dataset=custom"));
        assertThat(driver.getCurrentUrl()).contains("loss=cross-entropy");
        assertThat(((Number) js("return window.playground.state.classes;")).intValue()).isEqualTo(3);
        waitUpTo(5).until(d -> driver.findElements(By.cssSelector("#paint-classes .swatch-button")).size() == 4);
        assertThat(driver.findElements(By.cssSelector("#network .layer.output .node"))).hasSize(3);
    }

    @Test
    void aLoadedModelKeepsItsEpochAndHistory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        open("#networkShape=3&activation=tanh");
        for (int i = 0; i < 4; i++) {
            int before = epoch();
            driver.findElement(By.id("step")).click();
            waitUpTo(5).until(d -> epoch() > before);
        }
        PlaygroundClient c = new PlaygroundClient(server.url());
        Path file = dir.resolve("four.jgrad");
        Files.write(file, c.get("/api/sessions/" + sessionId() + "/model").raw().body());
        open("#networkShape=2&activation=relu");
        assertThat(epoch()).isZero();
        driver.findElement(By.id("load-model")).sendKeys(file.toAbsolutePath().toString());
        waitUpTo(10).until(d -> epoch() == 4);
        assertThat(((Number) js("return window.playground.currentFrame().history.length;")).intValue()).isEqualTo(4);
        assertThat(driver.getCurrentUrl()).contains("networkShape=3");
    }

    @Test
    void anErrorBannerClearsOnceTheSetupIsFixed() {
        open("#networkShape=4&activation=tanh");
        js("window.playground.change({ batchSize: 99 });");
        waitUpTo(5).until(d -> driver.findElement(By.id("status")).isDisplayed());
        assertThat(driver.findElement(By.id("status")).getText()).contains("batchSize");
        new Select(driver.findElement(By.id("learningRate"))).selectByValue("0.1");
        waitUpTo(5).until(d -> !driver.findElement(By.id("status")).isDisplayed());
    }

    @Test
    void theDigitPadWorksWithNoFlags() throws Exception {
        open("#networkShape=2&activation=tanh");
        // The server was started without --model: the built-in model answers.
        waitUpTo(60).until(d -> driver.findElement(By.id("digit-message")).getText().contains("pen-drawn digits"));
        assertThat(js("return document.getElementById('digit-title').textContent;")).isEqualTo("Digit pad");
        var pad = driver.findElement(By.id("digit-pad"));
        js("arguments[0].scrollIntoView({block: 'center'});", pad);
        // A seven: across the top, then down to the lower left.
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(pad, -58, -60).clickAndHold()
                .moveByOffset(40, 0).moveByOffset(40, 0).moveByOffset(36, 0)
                .moveByOffset(-20, 40).moveByOffset(-20, 40).moveByOffset(-20, 40).moveByOffset(-20, 38).release().perform();
        waitUpTo(10).until(d -> !driver.findElements(By.cssSelector("#digit-probs .row.top")).isEmpty());
        String top = driver.findElement(By.cssSelector("#digit-probs .row.top span")).getText();
        shoot("digit-pad");
        assertThat(top).isEqualTo("7");
    }

    @Test
    void redrawRateOfASixByThirtyTwoNetwork() throws Exception {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        open("#networkShape=32,32,32,32,32,32&activation=tanh&dataset=spiral&x=true&y=true&speed=1");
        driver.findElement(By.id("play")).click();
        waitUpTo(20).until(d -> epoch() >= 3);
        Thread.sleep(1000);
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Performance.enable", java.util.Map.of());
        java.util.Map<String, Double> metricsBefore = pageMetrics(chrome);
        long drawsBefore = draws(), framesBefore = frames(), t0 = System.nanoTime();
        Thread.sleep(4000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long redraws = draws() - drawsBefore;
        java.util.Map<String, Double> metricsAfter = pageMetrics(chrome);
        // Where the page's main thread spent its time, per redraw (Chromium's own counters).
        StringBuilder page = new StringBuilder();
        for (String k : List.of("TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration")) {
            page.append(String.format(java.util.Locale.ROOT, " %s %.1f", k.replace("Duration", ""),
                    1000 * (metricsAfter.get(k) - metricsBefore.get(k)) / Math.max(1, redraws)));
        }
        // Reported, not asserted: headless Chromium renders in software on a shared 2-core machine.
        System.out.printf(java.util.Locale.ROOT, "playground 6x32: %.1f frames/s received, %.1f redraws/s (load average %s); "
                        + "ms per redraw: drawing %s; main thread%s%n",
                (frames() - framesBefore) / seconds, redraws / seconds, loadAverage(),
                js("return JSON.stringify(window.playground.timings);"), page);
        driver.findElement(By.id("play")).click();
        shoot("six-by-32");
        assertThat(draws()).isGreaterThan(drawsBefore);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Double> pageMetrics(ChromeDriver chrome) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        for (Object o : (List<Object>) chrome.executeCdpCommand("Performance.getMetrics", java.util.Map.of()).get("metrics")) {
            java.util.Map<String, Object> m = (java.util.Map<String, Object>) o;
            out.put((String) m.get("name"), ((Number) m.get("value")).doubleValue());
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
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
