package dev.jgrad.playground;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.net.http.HttpClient;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 concurrent clients on 127.0.0.1 for a bounded time (20 s, or {@code -Djgrad.loadtest.seconds=N}) doing what
 * the page does, with a share of bad requests mixed in: no reply is a 5xx, every client's session keeps working,
 * and once they are gone the heap is back near where it started. Counts, not timings, are asserted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net; the run stops itself after its seconds
class LoadTest {
    static final int CLIENTS = 32;

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Runs the clients until {@code seconds} have passed; returns the count of each status. */
    private static Map<Integer, Long> round(PlaygroundServer server, HttpClient http, long seconds) throws Exception {
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int seed = c;
            clients.add(pool.submit(() -> {
                Random rng = new Random(seed);
                PlaygroundClient client = new PlaygroundClient(server.url(), http);
                String id = null;
                while (System.nanoTime() < deadline) {
                    PlaygroundClient.Reply r;
                    if (id == null) {
                        r = client.post("/api/sessions", "{\"noise\":" + rng.nextInt(50) + "}");
                        if (r.status() == 201) id = r.json().get("id").asText();
                    } else {
                        String base = "/api/sessions/" + id;
                        r = switch (rng.nextInt(8)) {
                            case 0 -> client.put(base + "/state", "{\"layers\":[" + (1 + rng.nextInt(8)) + "],"
                                    + "\"activations\":[\"tanh\"]}");
                            case 1 -> client.post(base + "/step", null);
                            case 2 -> client.get(base + "/frame");
                            case 3 -> client.put(base + "/state", "{\"learningRate\":-" + rng.nextInt(9) + "}"); // 400
                            case 4 -> client.send("POST", base + "/data", "x1,x2,label\n1,2,0\n3,\"4".getBytes(), "text/csv"); // 400
                            case 5 -> client.send("POST", base + "/model", new byte[]{'J', 'G', 'R', 'A', 'D', 1},
                                    "application/octet-stream"); // 400
                            case 6 -> client.get("/api/graphs");
                            default -> {
                                PlaygroundClient.Reply d = client.send("DELETE", base, null, null);
                                id = null;
                                yield d;
                            }
                        };
                    }
                    statuses.computeIfAbsent(r.status(), k -> new AtomicLong()).incrementAndGet();
                }
                if (id != null) client.send("DELETE", "/api/sessions/" + id, null, null);
                return null;
            }));
        }
        for (Future<?> f : clients) f.get();
        pool.shutdown();
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    @Test
    void thirtyTwoClientsGetNo5xxAndTheMemoryComesBack() throws Exception {
        long seconds = Long.getLong("jgrad.loadtest.seconds", 20);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-test-http");
            t.setDaemon(true);
            return t;
        })).build();
        try (PlaygroundServer server = PlaygroundServer.start(PlaygroundOptions.defaults().withPort(0))) {
            PlaygroundClient warm = new PlaygroundClient(server.url(), http);
            warm.post("/api/sessions/" + warm.session("{}") + "/step", null);
            long baseline = usedHeapAfterGc();
            // Two rounds: the first grows what is kept per server thread (GEMM workspaces of the pooled HTTP
            // threads, freed when they idle out), the second must not grow it further: no leak per request.
            Map<Integer, Long> first = round(server, http, seconds / 2);
            long afterFirst = usedHeapAfterGc();
            Map<Integer, Long> second = round(server, http, seconds - seconds / 2);
            long afterSecond = usedHeapAfterGc();
            System.out.println("load test: " + CLIENTS + " clients, " + seconds + " s; statuses " + first + " then "
                    + second + "; heap after GC " + baseline / (1 << 20) + " MiB before, " + afterFirst / (1 << 20)
                    + " MiB after round 1, " + afterSecond / (1 << 20) + " MiB after round 2");
            for (Map<Integer, Long> statuses : List.of(first, second)) {
                assertThat(statuses.keySet()).as("statuses " + statuses).allMatch(s -> s < 500);
                assertThat(statuses.getOrDefault(200, 0L)).isGreaterThan(CLIENTS);
                assertThat(statuses.getOrDefault(400, 0L)).isPositive();
            }
            // Only the warm-up session is left: every session of the clients was freed.
            assertThat(warm.get("/api/health").json().get("sessions").asInt()).isEqualTo(1);
            assertThat(afterFirst).as("heap after round 1, baseline " + baseline).isLessThan(baseline + (192L << 20));
            assertThat(afterSecond).as("heap after round 2, after round 1 " + afterFirst).isLessThan(afterFirst + (32L << 20));
        }
    }
}
