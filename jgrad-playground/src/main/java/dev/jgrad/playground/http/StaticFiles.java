package dev.jgrad.playground.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serves the page from {@code /web/} on the classpath. Only names in {@link #FILES} exist: the request path is looked up
 * in that map, never joined onto a directory, so {@code ..}, encoded slashes and the like simply miss (404).
 */
public final class StaticFiles implements HttpHandler {
    /** Every file the page consists of, with its content type. */
    public static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("style.css", "text/css; charset=utf-8"),
            Map.entry("app.js", "text/javascript; charset=utf-8"),
            Map.entry("state.js", "text/javascript; charset=utf-8"),
            Map.entry("api.js", "text/javascript; charset=utf-8"),
            Map.entry("colors.js", "text/javascript; charset=utf-8"),
            Map.entry("heatmap.js", "text/javascript; charset=utf-8"),
            Map.entry("network.js", "text/javascript; charset=utf-8"),
            Map.entry("pictures.js", "text/javascript; charset=utf-8"),
            Map.entry("chart.js", "text/javascript; charset=utf-8"),
            Map.entry("graph.js", "text/javascript; charset=utf-8"),
            Map.entry("digits.js", "text/javascript; charset=utf-8"),
            Map.entry("spec.js", "text/javascript; charset=utf-8"),
            Map.entry("favicon.svg", "image/svg+xml"));

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type = FILES.get(name);
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            Http.send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (type == null) {
            Http.send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body;
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                Http.send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            body = in.readAllBytes();
        }
        if (name.equals("index.html"))
            ex.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        Http.send(ex, 200, type, body);
    }
}
