package dev.jgrad.bench.e2e;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * jgrad against PyTorch on the Trainer rows (784-256-128-10, Adam, batches 32, 128 and 1024), interleaved: a child
 * JVM with jgrad's rows and the peer script with the same rows ({@code torch_mlp.py --only trainer}) alternate in
 * the order jgrad,torch / torch,jgrad ... on the same thread count, and the figure to read is the median of the
 * per-pair ratios. The per-thread sections run all of jgrad's rows, then all of the peer's, minutes apart: on a
 * shared VM whose speed moves 20-30 % within minutes, their ratio mixes the two implementations with the drift.
 */
final class PeerPairs {

    private PeerPairs() {
    }

    /**
     * Runs {@link ThreadScaling#pairs} pairs on {@code threads} threads, prints the table and returns {"threads",
     * "pairs", "rows": {train_bN: {torch: [...], jgrad: [...], ratios (jgrad / torch): [...], torch_median,
     * jgrad_median, ratio_median, ratio_min, ratio_max, ...}}}; a failed run ends the section with an "error" entry.
     */
    static Map<String, Object> run(int threads, PeerRunner peer, BenchOptions o, PrintStream out) {
        int pairs = ThreadScaling.pairs(o.scale());
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("threads", threads);
        section.put("pairs", pairs);
        out.println();
        out.println("== jgrad against PyTorch, " + threads + " thread" + (threads == 1 ? "" : "s") + ": " + pairs
                + " pair" + (pairs == 1 ? "" : "s") + " of processes, alternating ==");
        List<List<Map<String, Object>>> runs;
        try {
            runs = AlternatingPairs.run(pairs, "jgrad", () -> ThreadScaling.trainerRows(threads, o, out),
                    "torch", () -> metrics(peer.runTrainerRows(threads, o, out)), out);
        } catch (Processes.ChildFailedException e) {
            out.println("jgrad against PyTorch not measured: " + e.getMessage());
            section.put("error", e.getMessage());
            return section;
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        for (int b : ThreadScaling.BATCHES) {
            rows.put("train_b" + b, AlternatingPairs.row("train_b" + b, "torch", runs.get(1), "jgrad", runs.get(0)));
        }
        section.put("rows", rows);
        print(out, threads, pairs, rows);
        return section;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Map<String, Object> result) {
        return (Map<String, Object>) result.get("metrics");
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintStream out, int threads, int pairs, Map<String, Object> rows) {
        out.println();
        out.println("| Trainer 784-256-128-10, Adam, " + threads + "t (samples/s) | jgrad | PyTorch | jgrad / PyTorch,"
                + " median of pairs | pairs' range |");
        out.println("|---|---:|---:|---:|---:|");
        for (int b : ThreadScaling.BATCHES) {
            Map<String, Object> r = (Map<String, Object>) rows.get("train_b" + b);
            out.println(String.format(Locale.ROOT, "| batch %d | %,.0f | %,.0f | %.2fx | %.2f-%.2fx |", b,
                    (double) r.get("jgrad_median"), (double) r.get("torch_median"), (double) r.get("ratio_median"),
                    (double) r.get("ratio_min"), (double) r.get("ratio_max")));
        }
        out.println("(medians over " + pairs + " run" + (pairs == 1 ? "" : "s") + " each, each the median epoch of"
                + " its Trainer row; runs alternate jgrad,torch / torch,jgrad so the machine's drift hits both)");
    }
}
