package dev.jgrad.playground.http;

import com.sun.net.httpserver.HttpExchange;
import dev.jgrad.playground.session.Session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-Sent Events: each new frame of a session is one {@code data:} line. Frames are produced at most ~30 times a
 * second by the training thread; a slow client skips to the latest. A comment line every second keeps proxies quiet
 * and tells us when the tab is gone (the write fails).
 */
final class EventStream {

    void serve(HttpExchange ex, Session s) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        long seen = 0;
        try (AutoCloseable watching = s.watch(); OutputStream out = ex.getResponseBody()) {
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!s.isClosed()) {
                Session.Frame f = s.awaitFrame(seen, 1000);
                s.touch();
                if (f == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    seen = f.version();
                    out.write(("data: " + f.json() + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The tab closed the stream: nothing to do.
        } catch (Exception e) {
            throw new IllegalStateException("event stream: " + e.getMessage(), e); // from closing the watch: not expected
        } finally {
            ex.close();
        }
    }
}
