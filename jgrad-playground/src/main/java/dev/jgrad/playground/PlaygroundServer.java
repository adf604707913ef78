package dev.jgrad.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jgrad.playground.digits.DigitPad;
import dev.jgrad.playground.engine.JgradEngine;
import dev.jgrad.playground.http.ApiHandler;
import dev.jgrad.playground.http.RequestGuard;
import dev.jgrad.playground.http.StaticFiles;
import dev.jgrad.playground.session.SessionRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The playground's HTTP server: the static page at {@code /} and the JSON API at {@code /api/}.
 *
 * <pre>{@code
 * PlaygroundServer server = PlaygroundServer.start("127.0.0.1", 8080);
 * System.out.println(server.url());
 * ...
 * server.stop();
 * }</pre>
 */
public final class PlaygroundServer implements AutoCloseable {
    private final HttpServer http;
    private final SessionRegistry sessions;
    private final ExecutorService executor;
    private final String url;

    private PlaygroundServer(HttpServer http, SessionRegistry sessions, ExecutorService executor) {
        this.http = http;
        this.sessions = sessions;
        this.executor = executor;
        String host = http.getAddress().getHostString();
        this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + http.getAddress().getPort() + "/";
    }

    /** Starts on {@code host:port} (port 0 = any free port) with default options. */
    public static PlaygroundServer start(String host, int port) throws IOException {
        return start(PlaygroundOptions.defaults().withHost(host).withPort(port));
    }

    /** As {@link #start(String, int)}, with a model file for the digit pad (null for none). */
    public static PlaygroundServer start(String host, int port, Path digitModel) throws IOException {
        return start(PlaygroundOptions.defaults().withHost(host).withPort(port).withDigitModel(digitModel));
    }

    public static PlaygroundServer start(PlaygroundOptions options) throws IOException {
        DigitPad digits = options.digitModel() == null ? DigitPad.builtIn() : DigitPad.load(options.digitModel());
        ObjectMapper mapper = new ObjectMapper();
        SessionRegistry sessions = new SessionRegistry(JgradEngine.factory(), mapper, options.idleTimeout(),
                options.maxSessions(), options.evictAfter());
        HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        AtomicInteger n = new AtomicInteger();
        // Streams hold a thread each for as long as a tab is open, so the pool must grow with the tabs.
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "playground-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        RequestGuard guard = RequestGuard.forHost(options.host(), mapper);
        http.createContext("/", guard.wrap(new StaticFiles()));
        http.createContext("/api/", guard.wrap(new ApiHandler(sessions, mapper, digits)));
        http.start();
        return new PlaygroundServer(http, sessions, executor);
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        return url;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops accepting requests, ends every session and its training thread. */
    public void stop() {
        sessions.close();
        http.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code [--host H] [--port P] [--model FILE]}; runs until interrupted. */
    public static void main(String[] args) throws IOException, InterruptedException {
        PlaygroundOptions o = PlaygroundOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--host" -> { o = o.withHost(required(a, v)); i++; }
                case "--port" -> { o = o.withPort(Integer.parseInt(required(a, v))); i++; }
                case "--model" -> { o = o.withDigitModel(Path.of(required(a, v))); i++; }
                case "-h", "--help" -> {
                    System.out.println("usage: PlaygroundServer [--host 127.0.0.1] [--port 8080] [--model model.jgrad]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "' (try --help)");
            }
        }
        PlaygroundServer server = start(o);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("jgrad playground at " + server.url() + "  (Ctrl-C to stop)");
        Thread.currentThread().join();
    }

    private static String required(String option, String value) {
        if (value == null) throw new IllegalArgumentException(option + " needs a value");
        return value;
    }
}
