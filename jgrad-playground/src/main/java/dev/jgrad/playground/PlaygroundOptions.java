package dev.jgrad.playground;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the server.
 *
 * @param host        interface to bind; 127.0.0.1 by default so the page is not exposed to the network
 * @param port        0 picks a free port
 * @param digitModel  model file for the digit pad, or null
 * @param idleTimeout sessions without requests or an open stream for this long are freed
 * @param maxSessions concurrent sessions (each owns a training thread)
 * @param evictAfter  when all sessions are taken, one idle at least this long (no request, no open stream) makes
 *                    room for a new one; a flood of fresh sessions gets 429 instead
 */
public record PlaygroundOptions(String host, int port, Path digitModel, Duration idleTimeout, int maxSessions,
                                Duration evictAfter) {

    public PlaygroundOptions(String host, int port, Path digitModel, Duration idleTimeout, int maxSessions) {
        this(host, port, digitModel, idleTimeout, maxSessions, Duration.ofMinutes(1));
    }

    public static PlaygroundOptions defaults() {
        return new PlaygroundOptions("127.0.0.1", 8080, null, Duration.ofMinutes(10), 32, Duration.ofMinutes(1));
    }

    public PlaygroundOptions withEvictAfter(Duration d) {
        return new PlaygroundOptions(host, port, digitModel, idleTimeout, maxSessions, d);
    }

    public PlaygroundOptions withHost(String h) {
        return new PlaygroundOptions(h, port, digitModel, idleTimeout, maxSessions, evictAfter);
    }

    public PlaygroundOptions withPort(int p) {
        return new PlaygroundOptions(host, p, digitModel, idleTimeout, maxSessions, evictAfter);
    }

    public PlaygroundOptions withDigitModel(Path m) {
        return new PlaygroundOptions(host, port, m, idleTimeout, maxSessions, evictAfter);
    }

    public PlaygroundOptions withIdleTimeout(Duration d) {
        return new PlaygroundOptions(host, port, digitModel, d, maxSessions, evictAfter);
    }

    public PlaygroundOptions withMaxSessions(int n) {
        return new PlaygroundOptions(host, port, digitModel, idleTimeout, n, evictAfter);
    }
}
