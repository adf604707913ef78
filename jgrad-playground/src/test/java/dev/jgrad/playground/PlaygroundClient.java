package dev.jgrad.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small JSON client for the tests. */
final class PlaygroundClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;

    PlaygroundClient(String base) {
        this(base, HttpClient.newHttpClient());
    }

    /** A client sharing {@code http} (its connections and threads) with others. */
    PlaygroundClient(String base, HttpClient http) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    record Reply(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Reply send(String method, String path, byte[] body, String contentType) throws IOException, InterruptedException {
        // A safety net, not a timing assertion: a lost reply fails the test instead of hanging the build.
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(60));
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), r);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json == null ? null : json.getBytes(), "application/json");
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json.getBytes(), "application/json");
    }

    /** Creates a session and returns its id. */
    String session(String stateJson) throws IOException, InterruptedException {
        Reply r = post("/api/sessions", stateJson);
        if (r.status() != 201) throw new AssertionError("session not created: " + r.status() + " " + r.body());
        return r.json().get("id").asText();
    }

    HttpClient http() {
        return http;
    }
}
