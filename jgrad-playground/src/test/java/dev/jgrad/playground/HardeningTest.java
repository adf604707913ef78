package dev.jgrad.playground;

import dev.jgrad.io.ModelFile;
import dev.jgrad.io.ModelFileException;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Other web pages and hostile clients get nowhere: Host and Origin checks, content types, crafted uploads, floods. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net against a hung build, not a performance check
class HardeningTest {
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

    /** Sends raw HTTP/1.1 (the JDK client will not set Host) and returns the status code. */
    static int raw(int port, String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            req.append("Content-Length: ").append(b.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') head.write(c);
            String status = head.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static String local() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void onlyLoopbackHostNamesAreAnswered() throws Exception {
        int port = server.port();
        assertThat(raw(port, "GET", "/api/health", Map.of("Host", "evil.example:" + port), null)).isEqualTo(403);
        assertThat(raw(port, "GET", "/", Map.of("Host", "rebound.attacker.test"), null)).isEqualTo(403);
        assertThat(raw(port, "GET", "/api/health", Map.of("Host", "localhost:" + port), null)).isEqualTo(200);
        assertThat(raw(port, "GET", "/api/health", Map.of("Host", "127.0.0.1:" + port), null)).isEqualTo(200);
        assertThat(raw(port, "GET", "/api/health", Map.of("Host", "[::1]:" + port), null)).isEqualTo(200);
    }

    @Test
    void crossOriginWritesAreRefused() throws Exception {
        int port = server.port();
        String state = "{}";
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(), "Origin", "http://evil.example",
                "Content-Type", "application/json"), state)).isEqualTo(403);
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(), "Origin", "null",
                "Content-Type", "application/json"), state)).isEqualTo(403);
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(), "Sec-Fetch-Site", "cross-site",
                "Content-Type", "application/json"), state)).isEqualTo(403);
        // Another port on the same machine is another origin too.
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(), "Origin", "http://127.0.0.1:1",
                "Content-Type", "application/json"), state)).isEqualTo(403);
        // The page itself, and clients without an Origin (curl), are let in.
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(), "Origin", "http://" + local(),
                "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json"), state)).isEqualTo(201);
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(), "Content-Type", "application/json"),
                state)).isEqualTo(201);
    }

    @Test
    void bodiesMustSayTheyAreJson() throws Exception {
        int port = server.port();
        // What an HTML form on another site can send without a preflight: text/plain and form encoding.
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(), "Content-Type", "text/plain"), "{}"))
                .isEqualTo(415);
        assertThat(raw(port, "POST", "/api/sessions", Map.of("Host", local(),
                "Content-Type", "application/x-www-form-urlencoded"), "{}")).isEqualTo(415);
        String id = client.session("{}");
        assertThat(client.send("PUT", "/api/sessions/" + id + "/state", "{\"noise\":5}".getBytes(), "text/plain")
                .status()).isEqualTo(415);
        assertThat(client.send("POST", "/api/sessions/" + id + "/model", new byte[]{1, 2}, "text/plain").status())
                .isEqualTo(415);
        assertThat(client.post("/api/sessions/" + id + "/step", null).status()).isEqualTo(200);
    }

    @Test
    void aModelClaimingAHugeLayerGets400AtOnce() throws Exception {
        String header = "{\"architecture\":{\"type\":\"Sequential\",\"layers\":[{\"type\":\"Linear\",\"in_features\":20000,"
                + "\"out_features\":20000,\"bias\":true}]},\"parameters\":[{\"name\":\"0.weight\",\"shape\":[20000,20000]},"
                + "{\"name\":\"0.bias\",\"shape\":[20000]}],\"metadata\":{}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(5 + 8 + json.length + 4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("JGRAD".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(json.length).put(json).putInt(2)
                .putFloat(1).putFloat(2);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        String id = client.session("{}");
        PlaygroundClient.Reply r = client.send("POST", "/api/sessions/" + id + "/model", b.array(), "application/octet-stream");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("uploaded model: corrupt: the header lists 400020000 "
                + "weights but the file holds 2").doesNotContain("/tmp");
    }

    @Test
    void paintedPointsDefaultToTheClassesActuallyPainted() throws Exception {
        String id = client.session("{\"dataset\":\"blobs\",\"classes\":3,\"loss\":\"crossentropy\"}");
        PlaygroundClient.Reply r = client.put("/api/sessions/" + id + "/state",
                "{\"dataset\":\"custom\",\"custom\":[[0,0,0],[1,1,1],[2,2,0]]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/state/classes").asInt()).isEqualTo(2);
        r = client.put("/api/sessions/" + id + "/state", "{\"custom\":[[0,0,0],[1,1,1],[2,2,3]]}");
        assertThat(r.json().at("/state/classes").asInt()).isEqualTo(4);
    }

    @Test
    void badRequestsGet4xxNever5xx() throws Exception {
        int port = server.port();
        String id = client.session("{}");
        Object[][] cases = {
                {"GET", "/api/sessions/" + id + "/nope", null, null},
                {"DELETE", "/api/health", null, null},
                {"POST", "/api/sessions", "{\"layers\":[100000]}", "application/json"},
                {"POST", "/api/sessions", "{\"layers\":", "application/json"},
                {"POST", "/api/sessions", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "application/json"},
                {"PUT", "/api/sessions/" + id + "/state", "{\"learningRate\":1e400}", "application/json"},
                {"PUT", "/api/sessions/" + id + "/state", "{\"seed\":-1}", "application/json"},
                {"POST", "/api/sessions/" + id + "/weight", "{\"layer\":99,\"to\":0,\"from\":0,\"value\":1}", "application/json"},
                {"POST", "/api/sessions/" + id + "/data", "x1,x2,label\n1,2,\"3", "text/csv"},
                {"POST", "/api/sessions/" + id + "/data", "\u0000\u0001,\n\n", "text/csv"},
                {"POST", "/api/sessions/" + id + "/model", "JGRAD\u0001\u0000\u0000\u0000\u00ff\u00ff\u00ff\u007f", "application/octet-stream"},
                {"POST", "/api/digits/predict", "{\"pixels\":[1,2]}", "application/json"},
                {"GET", "/api/graphs/%00%2e%2e", null, null},
                {"GET", "/../../etc/passwd", null, null},
                {"PATCH", "/api/sessions/" + id, "{}", "application/json"},
        };
        for (Object[] c : cases) {
            java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
            h.put("Host", local());
            if (c[3] != null) h.put("Content-Type", (String) c[3]);
            int status = raw(port, (String) c[0], (String) c[1], h, (String) c[2]);
            assertThat(status).as(c[0] + " " + c[1] + " " + c[2]).isBetween(400, 499);
        }
    }

    @Test
    void aFloodOfSessionsGets429AndIdleOnesMakeRoomLater() throws Exception {
        try (PlaygroundServer small = PlaygroundServer.start(PlaygroundOptions.defaults().withPort(0).withMaxSessions(3)
                .withEvictAfter(Duration.ofMillis(300)))) {
            PlaygroundClient c = new PlaygroundClient(small.url());
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) ids.add(c.session("{}"));
            PlaygroundClient.Reply refused = c.post("/api/sessions", "{}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).contains("too many sessions in use (3)");
            assertThat(c.get("/api/health").status()).isEqualTo(200); // still serving
            Thread.sleep(400); // longer than evictAfter: the oldest idle session gives way
            String fresh = c.session("{}");
            assertThat(c.get("/api/sessions/" + ids.get(0)).status()).isEqualTo(404);
            assertThat(c.get("/api/sessions/" + fresh).status()).isEqualTo(200);
        }
    }

    @Test
    void aDrawingPadModelOfTheWrongInputSizeIsRefusedAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("xor.jgrad");
        ModelFile.save(new Sequential(new Linear(2, 10, new Random(3))), Map.of(), file);
        assertThatThrownBy(() -> PlaygroundServer.start(PlaygroundOptions.defaults().withPort(0).withDigitModel(file)))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("the drawing pad needs a model that takes a 28x28 image (784 inputs)");
    }
}
