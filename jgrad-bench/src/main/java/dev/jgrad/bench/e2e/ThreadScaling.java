package dev.jgrad.bench.e2e;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two threads against one, measured so that the machine's drift can neither fake nor hide the gain: the Trainer
 * rows (784-256-128-10, Adam, batches 32, 128 and 1024) in short child JVMs that alternate between 1 thread and
 * {@code threads} in the order 1,2 / 2,1 / 1,2 ... (a slow trend in the load hits both counts alike), and each
 * pair's ratio. The per-thread sections of the suite run minutes apart, one JVM each: on a shared VM their ratio
 * for the same build swung from 0.83x to 1.5x (eighth session), so the scaling targets are read here.
 */
final class ThreadScaling {

    static final int[] BATCHES = {32, 128, 1024};

    private ThreadScaling() {
    }

    /** How many 1-thread/N-thread pairs of JVMs a scale runs (none at TINY: the unit test runs in process). */
    static int pairs(Scale scale) {
        return switch (scale) {
            case FULL -> 5;
            case QUICK -> 1;
            case TINY -> 0;
        };
    }

    /**
     * Runs the pairs, prints the table and returns {"threads", "pairs", "rows": {train_bN: {one: [...], many: [...],
     * ratios: [...], one_median, many_median, ratio_median, ratio_min, ratio_max}}}; a failed JVM ends the section
     * with an "error" entry.
     */
    static Map<String, Object> run(int threads, BenchOptions o, PrintStream out) {
        int pairs = pairs(o.scale());
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("threads", threads);
        section.put("pairs", pairs);
        out.println();
        out.println("== " + threads + " threads against 1: " + pairs + " pair" + (pairs == 1 ? "" : "s")
                + " of JVMs, alternating ==");
        List<Map<String, Object>> one;
        List<Map<String, Object>> many;
        try {
            List<List<Map<String, Object>>> runs = AlternatingPairs.run(pairs, "1 thread", () -> trainerRows(1, o, out),
                    threads + " threads", () -> trainerRows(threads, o, out), out);
            one = runs.get(0);
            many = runs.get(1);
        } catch (Processes.ChildFailedException e) {
            out.println("thread scaling not measured: " + e.getMessage());
            section.put("error", e.getMessage());
            return section;
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        for (int b : BATCHES) {
            rows.put("train_b" + b, row("train_b" + b, one, many));
        }
        section.put("rows", rows);
        print(out, threads, pairs, rows);
        return section;
    }

    /** The Trainer rows in a child JVM on {@code threads} threads: its metrics. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> trainerRows(int threads, BenchOptions o, PrintStream out)
            throws Processes.ChildFailedException {
        Map<String, Object> r = Processes.runForJson(BenchSuite.workerCommand(threads, o, JgradWorker.TRAINER_ROWS),
                BenchSuite.workerEnvironment(threads), List.of(), JgradWorker.RESULT_PREFIX, out);
        return (Map<String, Object>) r.get("metrics");
    }

    /** One row: the figures of each JVM in run order, their medians and the pairs' ratios (many / one). */
    static Map<String, Object> row(String key, List<Map<String, Object>> one, List<Map<String, Object>> many) {
        return AlternatingPairs.row(key, "one", one, "many", many);
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintStream out, int threads, int pairs, Map<String, Object> rows) {
        out.println();
        out.println("| Trainer 784-256-128-10, Adam (samples/s) | 1 thread | " + threads + " threads | " + threads
                + "t / 1t, median of pairs | pairs' range | per CPU-second, 1t -> " + threads + "t |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (int b : BATCHES) {
            Map<String, Object> r = (Map<String, Object>) rows.get("train_b" + b);
            out.println(String.format(Locale.ROOT, "| batch %d | %,.0f | %,.0f | %.2fx | %.2f-%.2fx | %s -> %s |", b,
                    (double) r.get("one_median"), (double) r.get("many_median"), (double) r.get("ratio_median"),
                    (double) r.get("ratio_min"), (double) r.get("ratio_max"), thousands((double) r.get("one_cpu_median")),
                    thousands((double) r.get("many_cpu_median"))));
        }
        out.println("(medians over " + pairs + " JVMs per thread count, each the median epoch of its Trainer row;"
                + " JVMs alternate 1," + threads + " / " + threads + ",1 so the machine's drift hits both)");
    }

    private static String thousands(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1fk", v / 1000);
    }
}
