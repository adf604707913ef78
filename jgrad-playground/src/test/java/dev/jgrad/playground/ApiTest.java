package dev.jgrad.playground;

import dev.jgrad.examples.SeedGraph;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.playground.PlaygroundClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every endpoint over real HTTP, including the bad-input paths (4xx with a JSON message, never a 500). */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net against a hung build, not a performance check
class ApiTest {
    static PlaygroundServer server;
    static PlaygroundClient client;

    @BeforeAll
    static void start() throws Exception {
        server = PlaygroundServer.start(PlaygroundOptions.defaults().withPort(0).withMaxSessions(1000));
        client = new PlaygroundClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void healthAndDefaults() throws Exception {
        assertThat(client.get("/api/health").json().get("ok").asBoolean()).isTrue();
        JsonNode d = client.get("/api/defaults").json();
        assertThat(d.at("/state/layers").toString()).isEqualTo("[4,2]");
        assertThat(d.at("/choices/optimizers").toString()).contains("adam", "nesterov");
        JsonNode p = client.get("/api/previews").json();
        assertThat(p.fieldNames()).toIterable().contains("circle", "spirals", "plane");
    }

    @Test
    void servesThePageAndOnlyThePage() throws Exception {
        Reply index = client.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(index.body()).contains("<script type=\"module\" src=\"app.js\">");
        assertThat(client.get("/app.js").raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        for (String name : dev.jgrad.playground.http.StaticFiles.FILES.keySet())
            assertThat(client.get("/" + name).status()).as(name).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/..%2f..%2fetc%2fpasswd", "/web/index.html",
            "/dev/jgrad/playground/PlaygroundServer.class", "/index.html/", "/nope.js", "/%00"})
    void pathTraversalIsNotFound(String path) throws Exception {
        assertThat(rawStatus(path)).isEqualTo(404);
    }

    /** Sends the path byte for byte (HttpClient would normalize "..") and returns the status code. */
    private static int rawStatus(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void createSessionReturnsStateDataAndFrame() throws Exception {
        Reply r = client.post("/api/sessions", "{}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode j = r.json();
        assertThat(j.at("/state/dataset").asText()).isEqualTo("circle");
        assertThat(j.at("/data/train/x1").size()).isEqualTo(250);
        assertThat(j.at("/data/test/x1").size()).isEqualTo(250);
        assertThat(j.at("/data/features").size()).isEqualTo(9); // x1 ... sinx2, r, theta
        JsonNode f = j.get("frame");
        assertThat(f.get("epoch").asInt()).isZero();
        assertThat(f.get("status").asText()).isEqualTo("paused");
        assertThat(f.get("params").asInt()).isEqualTo(2 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
        assertThat(f.at("/maps/size").asInt()).isEqualTo(100);
        // 100 x 100 bytes, base64: every neuron's heatmap of the default 4-2 network plus the output.
        assertThat(java.util.Base64.getDecoder().decode(f.at("/maps/output/0").asText())).hasSize(10_000);
        assertThat(f.at("/maps/hidden").size()).isEqualTo(2);
        assertThat(f.at("/maps/hidden/0").size()).isEqualTo(4);
        assertThat(f.at("/weights/0/w").size()).isEqualTo(4);
        assertThat(f.at("/weights/0/w/0").size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"learningRate\": 99}", "{\"learningRate\": 0}", "{\"noise\": 51}", "{\"trainRatio\": 5}",
            "{\"layers\": [4,4,4,4,4,4,4], \"activations\": [\"tanh\",\"tanh\",\"tanh\",\"tanh\",\"tanh\",\"tanh\",\"tanh\"]}",
            "{\"layers\": [33], \"activations\": [\"tanh\"]}", "{\"layers\": [0], \"activations\": [\"tanh\"]}",
            "{\"layers\": [4]}", "{\"dataset\": \"mnist\"}", "{\"features\": []}", "{\"features\": [\"x3\"]}",
            "{\"activations\": [\"relu7\", \"tanh\"]}", "{\"batchSize\": 31}", "{\"regRate\": -1}", "{\"dropout\": 0.95}",
            "{\"seed\": -1}", "{\"seed\": 99999999999}", "{\"speed\": 0}", "{\"bogus\": 1}", "{\"noise\": \"loud\"}",
            "{\"noise\": 1.5}", "{\"problem\": \"regression\"}", "{\"dataset\": \"spirals\"}",
            "{\"dataset\": \"plane\", \"problem\": \"regression\", \"loss\": \"hinge\"}",
            "{\"points\": [[7, 0, 1]]}", "{\"points\": [[0, 0, 2]]}", "{\"points\": [[0, 0]]}",
            "{\"dataset\": \"custom\"}", "{\"custom\": [[0,0,1],[1,1,0]]}", "not json", "[1,2]",
            "{\"optimizer\": null}", "{\"classes\": 9}"})
    void invalidStateIs400WithMessage(String body) throws Exception {
        Reply create = client.post("/api/sessions", body);
        assertThat(create.status()).as(create.body()).isEqualTo(400);
        assertThat(create.json().get("error").asText()).isNotBlank();
        String id = client.session("{}");
        Reply put = client.put("/api/sessions/" + id + "/state", body);
        assertThat(put.status()).as(put.body()).isEqualTo(400);
        assertThat(put.json().get("error").asText()).isNotBlank();
    }

    @Test
    void errorMessagesNameTheField() throws Exception {
        Reply r = client.post("/api/sessions", "{\"learningRate\": 99}");
        assertThat(r.json().get("error").asText()).contains("learningRate").contains("10");
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        byte[] big = new byte[(1 << 20) + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(client.send("POST", "/api/sessions", big, "application/json").status()).isEqualTo(413);
        String id = client.session("{}");
        assertThat(client.send("POST", "/api/sessions/" + id + "/data", big, "text/csv").status()).isEqualTo(413);
        assertThat(client.send("POST", "/api/sessions/" + id + "/model", big, "application/octet-stream").status()).isEqualTo(413);
    }

    @Test
    void unknownSessionEndpointOrMethod() throws Exception {
        assertThat(client.get("/api/sessions/nope").status()).isEqualTo(404);
        assertThat(client.post("/api/sessions/nope/play", null).status()).isEqualTo(404);
        assertThat(client.get("/api/nothing").status()).isEqualTo(404);
        String id = client.session("{}");
        assertThat(client.get("/api/sessions/" + id + "/play").status()).isEqualTo(405);
        assertThat(client.get("/api/sessions/" + id + "/teleport").status()).isEqualTo(404);
        assertThat(client.send("PATCH", "/api/sessions", null, null).status()).isEqualTo(405);
        assertThat(client.send("DELETE", "/api/sessions/" + id, null, null).status()).isEqualTo(204);
        assertThat(client.get("/api/sessions/" + id).status()).isEqualTo(404);
    }

    @Test
    void steppingTrainsAndLowersTheLoss() throws Exception {
        String id = client.session("{}");
        JsonNode first = client.post("/api/sessions/" + id + "/step", null).json();
        assertThat(first.get("epoch").asInt()).isEqualTo(1);
        JsonNode last = first;
        for (int i = 0; i < 60; i++) last = client.post("/api/sessions/" + id + "/step", null).json();
        assertThat(last.get("epoch").asInt()).isEqualTo(61);
        assertThat(last.get("trainLoss").asDouble()).isLessThan(first.get("trainLoss").asDouble() * 0.7);
        assertThat(last.at("/metrics/trainAccuracy").asDouble()).isGreaterThan(0.8);
        assertThat(last.get("history").size()).isEqualTo(61);
        assertThat(last.at("/maps/output/0").asText()).isNotEqualTo(first.at("/maps/output/0").asText());
    }

    @Test
    void sameStateSameTraining() throws Exception {
        String state = "{\"dataset\":\"xor\",\"noise\":10,\"seed\":42,\"initSeed\":7,\"batchSize\":5}";
        String a = client.session(state), b = client.session(state);
        JsonNode fa = null, fb = null;
        for (int i = 0; i < 5; i++) {
            fa = client.post("/api/sessions/" + a + "/step", null).json();
            fb = client.post("/api/sessions/" + b + "/step", null).json();
        }
        assertThat(fa.get("weights")).isEqualTo(fb.get("weights"));
        assertThat(fa.get("trainLoss").asDouble()).isEqualTo(fb.get("trainLoss").asDouble());
        // Reset goes back to exactly the initial weights of the state.
        JsonNode reset = client.post("/api/sessions/" + a + "/reset", null).json();
        JsonNode fresh = client.post("/api/sessions", state).json().get("frame");
        assertThat(reset.get("epoch").asInt()).isZero();
        assertThat(reset.get("weights")).isEqualTo(fresh.get("weights"));
    }

    @Test
    void playStreamsFramesAndPauseStops() throws Exception {
        String id = client.session("{\"speed\": 2}");
        client.post("/api/sessions/" + id + "/play", null);
        List<JsonNode> frames = readFrames(id, 5);
        assertThat(frames).hasSize(5);
        assertThat(frames.get(4).get("epoch").asInt()).isGreaterThan(frames.get(1).get("epoch").asInt());
        assertThat(frames.get(4).get("status").asText()).isEqualTo("running");
        JsonNode paused = client.post("/api/sessions/" + id + "/pause", null).json();
        assertThat(paused.get("status").asText()).isEqualTo("paused");
        int epoch = client.get("/api/sessions/" + id + "/frame").json().get("epoch").asInt();
        Thread.sleep(150);
        assertThat(client.get("/api/sessions/" + id + "/frame").json().get("epoch").asInt()).isEqualTo(epoch);
    }

    private static List<JsonNode> readFrames(String id, int n) throws Exception {
        return readFrames(id, n, f -> false);
    }

    /** Up to n frames of the stream, stopping after the first one that passes {@code last}. */
    private static List<JsonNode> readFrames(String id, int n, java.util.function.Predicate<JsonNode> last) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url() + "api/sessions/" + id + "/stream"))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> r = client.http().send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while (out.size() < n && (line = in.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    out.add(PlaygroundClient.JSON.readTree(line.substring(6)));
                    if (last.test(out.get(out.size() - 1))) break;
                }
            }
        }
        return out;
    }

    @Test
    void sessionsAreIndependent() throws Exception {
        String a = client.session("{}"), b = client.session("{}");
        client.post("/api/sessions/" + a + "/step", null);
        client.post("/api/sessions/" + a + "/step", null);
        client.put("/api/sessions/" + a + "/state", "{\"learningRate\": 0.1}");
        assertThat(client.get("/api/sessions/" + b + "/frame").json().get("epoch").asInt()).isZero();
        assertThat(client.get("/api/sessions/" + b).json().at("/state/learningRate").asDouble()).isEqualTo(0.03);
    }

    @Test
    void hyperParametersKeepWeightsShapeChangesRebuild() throws Exception {
        String id = client.session("{}");
        client.post("/api/sessions/" + id + "/step", null);
        JsonNode lr = client.put("/api/sessions/" + id + "/state", "{\"learningRate\": 0.3, \"optimizer\": \"adam\"}").json();
        assertThat(lr.get("rebuilt").asBoolean()).isFalse();
        assertThat(lr.at("/frame/epoch").asInt()).isEqualTo(1);
        JsonNode painted = client.put("/api/sessions/" + id + "/state", "{\"points\": [[1.5, -2, 1], [0, 0, 0]]}").json();
        assertThat(painted.get("rebuilt").asBoolean()).isFalse();
        assertThat(painted.at("/data/train/x1").size()).isEqualTo(252);
        JsonNode shape = client.put("/api/sessions/" + id + "/state",
                "{\"layers\": [3], \"activations\": [\"relu\"], \"features\": [\"x1\", \"x2\", \"x1sq\"]}").json();
        assertThat(shape.get("rebuilt").asBoolean()).isTrue();
        assertThat(shape.at("/frame/epoch").asInt()).isZero();
        assertThat(shape.at("/frame/weights/0/w/0").size()).isEqualTo(3);
        assertThat(shape.at("/frame/maps/hidden").size()).isEqualTo(1);
        JsonNode bias = client.put("/api/sessions/" + id + "/state", "{\"biasInit\": 0.1}").json();
        assertThat(bias.get("rebuilt").asBoolean()).isTrue();
        assertThat(bias.at("/frame/weights/0/b/0").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void multiClassUsesSoftmaxAndReportsPerClassMaps() throws Exception {
        String id = client.session("{\"dataset\":\"blobs\",\"classes\":4,\"loss\":\"crossentropy\",\"optimizer\":\"adam\","
                + "\"learningRate\":0.03,\"layers\":[8],\"activations\":[\"relu\"]}");
        JsonNode f = null;
        for (int i = 0; i < 20; i++) f = client.post("/api/sessions/" + id + "/step", null).json();
        assertThat(f.at("/maps/outputKind").asText()).isEqualTo("probabilities");
        assertThat(f.at("/maps/output").size()).isEqualTo(4);
        assertThat(f.at("/metrics/confusion").size()).isEqualTo(4);
        assertThat(f.at("/metrics/testAccuracy").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void regressionReportsR2() throws Exception {
        String id = client.session("{\"dataset\":\"plane\",\"problem\":\"regression\",\"loss\":\"huber\"}");
        JsonNode f = null;
        for (int i = 0; i < 30; i++) f = client.post("/api/sessions/" + id + "/step", null).json();
        assertThat(f.at("/metrics/r2Test").asDouble()).isGreaterThan(0.8);
        assertThat(f.at("/metrics/trainAccuracy").isNull()).isTrue();
    }

    @Test
    void divergenceHaltsWithAnExplanation() throws Exception {
        String id = client.session("{\"dataset\":\"plane\",\"problem\":\"regression\",\"learningRate\":10,"
                + "\"features\":[\"x1\",\"x2\",\"x1sq\",\"x2sq\",\"x1x2\"],\"layers\":[8,8],\"activations\":[\"relu\",\"relu\"],\"batchSize\":1}");
        JsonNode f = null;
        for (int i = 0; i < 20; i++) {
            Reply r = client.post("/api/sessions/" + id + "/step", null);
            if (r.status() == 409) break;
            f = r.json();
            if (f.get("status").asText().equals("halted")) break;
        }
        assertThat(f.get("status").asText()).isEqualTo("halted");
        assertThat(f.get("message").asText()).contains("learning rate");
        Reply play = client.post("/api/sessions/" + id + "/play", null);
        assertThat(play.status()).isEqualTo(409);
        assertThat(play.json().get("error").asText()).contains("reset");
        assertThat(client.post("/api/sessions/" + id + "/reset", null).json().get("status").asText()).isEqualTo("paused");
    }

    @Test
    void editWeights() throws Exception {
        String id = client.session("{}");
        JsonNode f = client.post("/api/sessions/" + id + "/weight", "{\"layer\":1,\"to\":1,\"from\":3,\"value\":2.5}").json();
        assertThat(f.at("/weights/1/w/1/3").asDouble()).isEqualTo(2.5);
        f = client.post("/api/sessions/" + id + "/weight", "{\"layer\":2,\"to\":0,\"from\":-1,\"value\":-0.75}").json();
        assertThat(f.at("/weights/2/b/0").asDouble()).isEqualTo(-0.75);
        for (String bad : List.of("{\"layer\":3,\"to\":0,\"from\":0,\"value\":1}", "{\"layer\":0,\"to\":4,\"from\":0,\"value\":1}",
                "{\"layer\":0,\"to\":0,\"from\":2,\"value\":1}", "{\"layer\":0,\"to\":0,\"from\":-2,\"value\":1}",
                "{\"layer\":0,\"to\":0,\"from\":0,\"value\":1000}", "{\"layer\":0,\"to\":0,\"from\":0}",
                "{\"layer\":0.5,\"to\":0,\"from\":0,\"value\":1}", "{\"layer\":\"0\",\"to\":0,\"from\":0,\"value\":1}"))
            assertThat(client.post("/api/sessions/" + id + "/weight", bad).status()).as(bad).isEqualTo(400);
    }

    @Test
    void csvDownloadAndUpload() throws Exception {
        String id = client.session("{}");
        Reply csv = client.get("/api/sessions/" + id + "/data");
        assertThat(csv.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body().lines().findFirst()).hasValue("x1,x2,label,split");
        assertThat(csv.body().lines().count()).isEqualTo(501);
        String upload = "x1,x2,label\n-1,-1,0\n1,1,1\n2,-2,2\n-2,2,1\n0.5,0.5,0\n";
        Reply up = client.send("POST", "/api/sessions/" + id + "/data", upload.getBytes(), "text/csv");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().at("/state/dataset").asText()).isEqualTo("custom");
        assertThat(up.json().at("/state/classes").asInt()).isEqualTo(3);
        assertThat(up.json().at("/state/loss").asText()).isEqualTo("cross-entropy");
        // The downloaded file can be uploaded again as it is.
        Reply again = client.send("POST", "/api/sessions/" + id + "/data", csv.body().getBytes(), "text/csv");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/state/custom").size()).isEqualTo(500);
        for (String bad : List.of("", "x1,x2,label\n", "1,2\n3,4\n", "a,b,c\nd,e,f\n", "9,0,1\n0,0,1\n", "0,0,-1\n1,1,1\n", "0,0,0.5\n1,1,1\n"))
            assertThat(client.send("POST", "/api/sessions/" + id + "/data", bad.getBytes(), "text/csv").status()).as(bad).isEqualTo(400);
    }

    @Test
    void choicesAreTheLibraryCatalogs() throws Exception {
        JsonNode c = client.get("/api/choices").json();
        List<String> activations = new java.util.ArrayList<>();
        c.get("activations").forEach(a -> activations.add(a.get("name").asText()));
        assertThat(activations).containsExactlyElementsOf(
                dev.jgrad.activation.Activations.entries().stream().map(e -> e.name()).toList());
        JsonNode leaky = null;
        for (JsonNode a : c.get("activations")) if (a.get("name").asText().equals("leaky-relu")) leaky = a;
        assertThat(leaky.get("displayName").asText()).isEqualTo("Leaky ReLU");
        assertThat(leaky.get("aliases").toString()).contains("leakyrelu");
        assertThat(leaky.at("/parameters/0/name").asText()).isEqualTo("alpha");
        assertThat(leaky.at("/parameters/0/default").asDouble()).isEqualTo(0.01);
        assertThat(leaky.get("description").asText()).isNotBlank();
        List<String> losses = new java.util.ArrayList<>();
        c.get("losses").forEach(l -> losses.add(l.get("name").asText()));
        // The ones the playground can draw, in the catalog's order; nll wants log-probabilities, so it is left out.
        assertThat(losses).containsExactly("cross-entropy", "mse", "quadratic", "bce", "l1", "huber", "hinge");
        assertThat(c.at("/losses/2/regression").asBoolean()).isTrue();
        assertThat(c.at("/losses/0/multiClass").asBoolean()).isTrue();
        assertThat(c.get("optimizers").toString()).contains("\"nesterov\"", "\"adam\"", "\"beta1\"");
        assertThat(c.get("initializers").toString()).contains("\"uniform\"", "\"glorot-uniform\"");
    }

    @Test
    void leakyReluAlphaTrainsAndIsKeptInSavedModels(@TempDir Path dir) throws Exception {
        String id = client.session("{\"layers\":[4],\"activations\":[\"leaky-relu:0.1\"],\"loss\":\"huber:0.5\","
                + "\"optimizer\":\"momentum:0.8\"}");
        JsonNode before = client.get("/api/sessions/" + id).json();
        assertThat(before.at("/state/activations/0").asText()).isEqualTo("leaky-relu:0.1");
        assertThat(before.at("/state/loss").asText()).isEqualTo("huber:0.5");
        for (int i = 0; i < 5; i++) client.post("/api/sessions/" + id + "/step", null);
        JsonNode f = client.get("/api/sessions/" + id + "/frame").json();
        assertThat(f.get("trainLoss").asDouble()).isLessThan(before.at("/frame/trainLoss").asDouble());
        Path file = dir.resolve("leaky.jgrad");
        java.nio.file.Files.write(file, client.get("/api/sessions/" + id + "/model").raw().body());
        var saved = (dev.jgrad.nn.Sequential) ModelFile.load(file).model();
        assertThat(saved.layers().get(1)).isInstanceOfSatisfying(dev.jgrad.nn.Activation.class,
                a -> assertThat(a.function().spec()).isEqualTo("leaky-relu:0.1"));
        // An old link's spelling still works and comes back in the catalog's.
        String old = client.session("{\"layers\":[2],\"activations\":[\"leakyrelu\"],\"loss\":\"crossentropy\"}");
        JsonNode o = client.get("/api/sessions/" + old).json();
        assertThat(o.at("/state/activations/0").asText()).isEqualTo("leaky-relu:0.01");
        assertThat(o.at("/state/loss").asText()).isEqualTo("cross-entropy");
    }

    @Test
    void trainingPausesWhenNoPageWatchesAndGoesOnWhenOneIsBack() throws Exception {
        String id = client.session("{}");
        client.post("/api/sessions/" + id + "/play", null);
        List<JsonNode> frames = readFrames(id, 3); // a page watched, then went away
        assertThat(frames.get(2).get("status").asText()).isEqualTo("running");
        JsonNode f = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            f = client.get("/api/sessions/" + id + "/frame").json();
            if (f.get("status").asText().equals("paused")) break;
            Thread.sleep(200);
        }
        assertThat(f.get("status").asText()).isEqualTo("paused");
        assertThat(f.get("message").asText()).contains("no page was watching");
        int epoch = f.get("epoch").asInt();
        Thread.sleep(300);
        assertThat(client.get("/api/sessions/" + id + "/frame").json().get("epoch").asInt()).isEqualTo(epoch);
        List<JsonNode> back = readFrames(id, 4); // the page is back: training goes on
        assertThat(back.get(3).get("status").asText()).isEqualTo("running");
        assertThat(back.get(3).get("epoch").asInt()).isGreaterThan(epoch);
        client.post("/api/sessions/" + id + "/pause", null);
    }

    @Test
    void trainingStopsAtTheTargetLoss() throws Exception {
        String id = client.session("{\"targetLoss\": 0.2, \"learningRate\": 0.3, \"speed\": 5}");
        client.post("/api/sessions/" + id + "/play", null);
        JsonNode f = null;
        List<JsonNode> frames = readFrames(id, 2000, frame -> frame.get("status").asText().equals("paused"));
        f = frames.get(frames.size() - 1);
        assertThat(f.get("status").asText()).isEqualTo("paused");
        assertThat(f.get("trainLoss").asDouble()).isLessThanOrEqualTo(0.2);
        assertThat(f.get("message").asText()).contains("Reached the target");
    }

    @Test
    void tfStyleLinksMakeTfSessionsAndComeBackAsLinks() throws Exception {
        String tf = dev.jgrad.playground.state.LinkCodecTest.TF_DEFAULT;
        Reply r = client.post("/api/sessions", PlaygroundClient.JSON.writeValueAsString(java.util.Map.of("link", tf)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode s = r.json();
        assertThat(s.get("link").asText()).isEqualTo(tf);
        assertThat(s.at("/state/tfCompat").asBoolean()).isTrue();
        // TF's initialization: every bias 0.1, every weight in [-0.5, 0.5].
        for (JsonNode layer : s.at("/frame/weights")) {
            for (JsonNode b : layer.get("b")) assertThat(b.asDouble()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-7));
            for (JsonNode row : layer.get("w")) for (JsonNode w : row) assertThat(Math.abs(w.asDouble())).isLessThanOrEqualTo(0.5);
        }
        // TF's regression sets have 1200 points.
        String reg = client.post("/api/sessions", "{\"link\": \"#problem=regression&regDataset=reg-plane&networkShape=2\"}").json().get("id").asText();
        assertThat(client.get("/api/sessions/" + reg + "/data").body().lines().count()).isEqualTo(1201);
        // A pasted link replaces the whole setup.
        JsonNode put = client.put("/api/sessions/" + reg + "/state", "{\"link\": \"#networkShape=3&activation=relu\"}").json();
        assertThat(put.at("/state/layers").toString()).isEqualTo("[3]");
        assertThat(put.at("/state/problem").asText()).isEqualTo("classification");
        assertThat(client.post("/api/sessions", "{\"link\": \"#networkShape=x\"}").status()).isEqualTo(400);
    }

    @Test
    void exportAndShareLinksCarryTheWeights() throws Exception {
        String id = client.session("{\"layers\":[3],\"activations\":[\"leaky-relu:0.1\"],\"features\":[\"x1\",\"x2\",\"r\"]}");
        for (int i = 0; i < 3; i++) client.post("/api/sessions/" + id + "/step", null);
        JsonNode x = client.get("/api/sessions/" + id + "/export").json();
        JsonNode frame = client.get("/api/sessions/" + id + "/frame").json();
        assertThat(x.at("/layers/0/weight")).isEqualTo(frame.at("/weights/0/w"));
        assertThat(x.at("/layers/0/activation").asText()).isEqualTo("leaky-relu:0.1");
        assertThat(x.get("command").asText()).contains("jgrad train --data circle", "--layers 3,3,1", "--activation leaky-relu:0.1",
                "--init glorot-uniform", "--epochs 3", "# the command line feeds X1, X2 only");
        assertThat(x.get("java").asText()).contains("Activation.of(\"leaky-relu:0.1\")", "Losses.parse(\"quadratic\")",
                "new TrainingStep(net, loss, opt)");
        // The Java snippet compiles against the library as it is.
        String snippet = x.get("java").asText();
        int body = snippet.indexOf("\n\n");
        String source = snippet.substring(0, body) + "\nclass Snippet {\n static void run() {\n" + snippet.substring(body)
                + "\n }\n}\n";
        Path dir = java.nio.file.Files.createTempDirectory("jgrad-snippet");
        java.nio.file.Files.writeString(dir.resolve("Snippet.java"), source);
        var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                dir.resolve("Snippet.java").toString());
        assertThat(rc).as(source + "\n" + errors).isZero();
        // The link with weights starts a session with exactly these weights.
        String copy = client.post("/api/sessions", PlaygroundClient.JSON.writeValueAsString(
                java.util.Map.of("link", x.get("linkWithWeights").asText()))).json().get("id").asText();
        assertThat(client.get("/api/sessions/" + copy + "/frame").json().get("weights")).isEqualTo(frame.get("weights"));
        assertThat(client.post("/api/sessions", "{\"link\": \"#networkShape=2&weights=AAAAAA\"}").status()).isEqualTo(400);
    }

    @Test
    void modelSaveAndLoadRoundTrip(@TempDir Path dir) throws Exception {
        String id = client.session("{\"layers\":[3],\"activations\":[\"relu\"]}");
        for (int i = 0; i < 3; i++) client.post("/api/sessions/" + id + "/step", null);
        JsonNode trained = client.get("/api/sessions/" + id + "/frame").json();
        Reply model = client.get("/api/sessions/" + id + "/model");
        assertThat(model.status()).isEqualTo(200);
        assertThat(new String(model.raw().body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("JGRAD");
        // The file is a regular jgrad model: ModelFile reads it back.
        Path file = dir.resolve("p.jgrad");
        java.nio.file.Files.write(file, model.raw().body());
        assertThat(ModelFile.load(file).model().parameterCount()).isEqualTo(2 * 3 + 3 + 3 + 1);
        String other = client.session("{}");
        Reply loaded = client.send("POST", "/api/sessions/" + other + "/model", model.raw().body(), "application/octet-stream");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().at("/state/layers").toString()).isEqualTo("[3]");
        assertThat(loaded.json().at("/frame/weights")).isEqualTo(trained.get("weights"));
        // It goes on from its epoch, with its loss curve.
        assertThat(loaded.json().at("/frame/epoch").asInt()).isEqualTo(3);
        assertThat(loaded.json().at("/frame/history")).isEqualTo(trained.get("history"));
        assertThat(client.send("POST", "/api/sessions/" + other + "/model", "garbage".getBytes(), "application/octet-stream").status())
                .isEqualTo(400);
        assertThat(client.send("POST", "/api/sessions/" + other + "/model", new byte[0], "application/octet-stream").status())
                .isEqualTo(400);
    }

    @Test
    void onnxExportRunsInOnnxRuntimeWithTheSavedModelsOutputs(@TempDir Path dir) throws Exception {
        String id = client.session("{\"features\":[\"x1\",\"x2\",\"x1sq\"],\"layers\":[4,3],\"activations\":[\"tanh\",\"gelu\"]}");
        for (int i = 0; i < 3; i++) client.post("/api/sessions/" + id + "/step", null);
        Reply onnx = client.get("/api/sessions/" + id + "/onnx");
        assertThat(onnx.status()).isEqualTo(200);
        assertThat(onnx.raw().headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"playground.onnx\"");
        Path file = dir.resolve("p.jgrad");
        java.nio.file.Files.write(file, client.get("/api/sessions/" + id + "/model").raw().body());
        dev.jgrad.nn.Module model = ModelFile.load(file).model();
        float[][] x = new float[20][3];
        Random rng = new Random(4);
        for (float[] row : x) {
            row[0] = (float) rng.nextGaussian();
            row[1] = (float) rng.nextGaussian();
            row[2] = row[0] * row[0];
        }
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession session = env.createSession(onnx.raw().body(), new ai.onnxruntime.OrtSession.SessionOptions());
             ai.onnxruntime.OnnxTensor t = ai.onnxruntime.OnnxTensor.createTensor(env, x);
             ai.onnxruntime.OrtSession.Result r = session.run(Map.of("features", t))) {
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("features", "x1,x2,x1sq");
            float[][] got = (float[][]) r.get(0).getValue();
            float[] flat = new float[60];
            for (int i = 0; i < 20; i++) System.arraycopy(x[i], 0, flat, 3 * i, 3);
            float[] expected;
            try (var g = dev.jgrad.tensor.Tensor.noGrad()) {
                expected = model.eval().forward(dev.jgrad.tensor.Tensor.of(flat, 20, 3)).toArray();
            }
            int k = got[0].length;
            for (int i = 0; i < 20; i++)
                for (int j = 0; j < k; j++) assertThat((double) got[i][j]).isCloseTo(expected[i * k + j], within(1e-5));
        }
        assertThat(client.send("POST", "/api/sessions/" + id + "/onnx", new byte[0], "application/octet-stream").status())
                .isEqualTo(405);
    }

    @Test
    void computationalGraphsMatchTheNotes() throws Exception {
        assertThat(client.get("/api/graphs").json().size()).isEqualTo(SeedGraph.values().length); // 7 since sigmoid-regression and xor-perceptrons
        Map<String, JsonNode> add = byLabel(client.get("/api/graphs/add-mul").json());
        assertThat(add.get("f").get("value").asDouble()).isEqualTo(-12);
        assertThat(add.get("x").get("grad").asDouble()).isEqualTo(-4);
        assertThat(add.get("y").get("grad").asDouble()).isEqualTo(-4);
        assertThat(add.get("z").get("grad").asDouble()).isEqualTo(3);
        assertThat(add.get("q").get("grad").asDouble()).isEqualTo(-4);

        Map<String, JsonNode> sig = byLabel(client.get("/api/graphs/sigmoid-neuron").json());
        assertThat(sig.get("1/x").get("value").asDouble()).isCloseTo(0.73, within(0.005));
        assertThat(sig.get("w0").get("grad").asDouble()).isCloseTo(-0.20, within(0.005));
        assertThat(sig.get("x0").get("grad").asDouble()).isCloseTo(0.39, within(0.005));
        assertThat(sig.get("w1").get("grad").asDouble()).isCloseTo(-0.39, within(0.005));
        assertThat(sig.get("x1").get("grad").asDouble()).isCloseTo(-0.59, within(0.005));
        assertThat(sig.get("w2").get("grad").asDouble()).isCloseTo(0.20, within(0.005));

        JsonNode lr = client.get("/api/graphs/logistic-step").json();
        Map<String, JsonNode> log = byLabel(lr);
        double p = 1 / (1 + Math.exp(-0.32));
        assertThat(log.get("L").get("value").asDouble()).isCloseTo(-Math.log(p), within(1e-4));
        assertThat(log.get("w1").get("grad").asDouble()).isCloseTo((p - 1) * 0.1, within(1e-4));
        assertThat(log.get("w2").get("grad").asDouble()).isCloseTo((p - 1) * 0.7, within(1e-4));
        assertThat(log.get("b").get("grad").asDouble()).isCloseTo(p - 1, within(1e-4));
        // Topological order: every node's inputs come before it; edges match the inputs.
        JsonNode nodes = lr.get("nodes");
        for (JsonNode n : nodes) for (JsonNode in : n.get("inputs")) assertThat(in.asInt()).isLessThan(n.get("id").asInt());
        assertThat(nodes.get(nodes.size() - 1).get("name").asText()).isEqualTo("L");
        assertThat(client.get("/api/graphs/nope").status()).isEqualTo(404);
    }

    private static Map<String, JsonNode> byLabel(JsonNode graph) {
        Map<String, JsonNode> m = new java.util.HashMap<>();
        for (JsonNode n : graph.get("nodes")) m.put(n.get("name").asText(), n);
        return m;
    }

    @Test
    void digitPadWorksWithNoFlags() throws Exception {
        // No --model: the built-in model is trained at first use from strokes the playground draws itself.
        JsonNode d = client.get("/api/digits").json();
        assertThat(d.get("available").asBoolean()).isTrue();
        assertThat(d.get("title").asText()).isEqualTo("Digit pad");
        assertThat(d.get("message").asText()).contains("pen-drawn digits");
        // A vertical bar is a one.
        StringBuilder px = new StringBuilder("{\"pixels\":[");
        for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++)
            px.append(r == 0 && c == 0 ? "" : ",").append(r >= 4 && r < 24 && c >= 13 && c < 15 ? 1 : 0);
        JsonNode p = client.post("/api/digits/predict", px.append("]}").toString()).json();
        assertThat(p.get("labels").toString()).isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]");
        assertThat(p.get("top").asInt()).isEqualTo(1);
        assertThat(client.post("/api/digits/predict", "{\"pixels\":[1,2]}").status()).isEqualTo(400);
        assertThat(client.post("/api/digits/predict", pixels(1.5)).status()).isEqualTo(400);
    }

    @Test
    void digitPadWithModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("digits.jgrad");
        ModelFile.save(new Sequential(new Linear(784, 10, new Random(3))), Map.of("dataset", "fashion-mnist"), file);
        try (PlaygroundServer s = PlaygroundServer.start(PlaygroundOptions.defaults().withPort(0).withDigitModel(file))) {
            PlaygroundClient c = new PlaygroundClient(s.url());
            JsonNode d = c.get("/api/digits").json();
            assertThat(d.get("available").asBoolean()).isTrue();
            assertThat(d.get("labels").get(9).asText()).isEqualTo("Ankle boot");
            JsonNode r = c.post("/api/digits/predict", pixels(0.25)).json();
            double sum = 0;
            for (JsonNode p : r.get("probabilities")) sum += p.asDouble();
            assertThat(sum).isCloseTo(1.0, within(1e-4));
            assertThat(r.get("top").asInt()).isBetween(0, 9);
        }
    }

    private static String pixels(double v) {
        StringBuilder sb = new StringBuilder("{\"pixels\":[");
        for (int i = 0; i < 784; i++) sb.append(i == 0 ? "" : ",").append(v);
        return sb.append("]}").toString();
    }

    @Test
    void theSessionLimitHolds() throws Exception {
        try (PlaygroundServer s = PlaygroundServer.start(PlaygroundOptions.defaults().withPort(0).withMaxSessions(2))) {
            PlaygroundClient c = new PlaygroundClient(s.url());
            String a = c.session("{}");
            c.session("{}");
            Reply third = c.post("/api/sessions", "{}");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.json().get("error").asText()).contains("too many sessions");
            c.send("DELETE", "/api/sessions/" + a, null, null);
            assertThat(c.post("/api/sessions", "{}").status()).isEqualTo(201);
        }
    }

    @Test
    void idleSessionsAreFreed() throws Exception {
        try (PlaygroundServer s = PlaygroundServer.start(PlaygroundOptions.defaults().withPort(0)
                .withIdleTimeout(Duration.ofMillis(200)))) {
            PlaygroundClient c = new PlaygroundClient(s.url());
            String a = c.session("{}");
            // Poll the health count, not the session: a request to the session would keep it alive.
            long deadline = System.currentTimeMillis() + 30_000;
            while (c.get("/api/health").json().get("sessions").asInt() > 0 && System.currentTimeMillis() < deadline)
                Thread.sleep(100);
            assertThat(c.get("/api/sessions/" + a).status()).isEqualTo(404);
            assertThat(c.get("/api/sessions/" + a).json().get("error").asText()).contains("expired");
        }
    }
}
