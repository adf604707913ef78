package dev.jgrad.bench.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
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
        List<Map<String, Object>> one = new ArrayList<>();
        List<Map<String, Object>> many = new ArrayList<>();
        try {
            for (int p = 0; p < pairs; p++) {
                int[] order = p % 2 == 0 ? new int[] {1, threads} : new int[] {threads, 1};
                for (int t : order) {
                    out.println("  pair " + (p + 1) + ", " + t + " thread" + (t == 1 ? "" : "s"));
                    Map<String, Object> r = Processes.runForJson(BenchSuite.workerCommand(t, o, JgradWorker.TRAINER_ROWS),
                            BenchSuite.workerEnvironment(t), List.of(), JgradWorker.RESULT_PREFIX, out);
                    (t == 1 ? one : many).add(metrics(r));
                }
            }
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Map<String, Object> result) {
        return (Map<String, Object>) result.get("metrics");
    }

    /** One row: the figures of each JVM in run order, their medians and the pairs' ratios (many / one). */
    static Map<String, Object> row(String key, List<Map<String, Object>> one, List<Map<String, Object>> many) {
        double[] a = values(key, one);
        double[] b = values(key, many);
        double[] ratios = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = b[i] / a[i];
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("one", toList(a));
        row.put("many", toList(b));
        row.put("ratios", toList(ratios));
        row.put("one_median", Stats.median(a));
        row.put("many_median", Stats.median(b));
        row.put("ratio_median", Stats.median(ratios));
        row.put("ratio_min", java.util.Arrays.stream(ratios).min().orElse(Double.NaN));
        row.put("ratio_max", java.util.Arrays.stream(ratios).max().orElse(Double.NaN));
        double[] aCpu = values(key + "_cpu", one);
        double[] bCpu = values(key + "_cpu", many);
        row.put("one_cpu_median", Stats.median(aCpu));
        row.put("many_cpu_median", Stats.median(bCpu));
        return row;
    }

    private static double[] values(String key, List<Map<String, Object>> runs) {
        return runs.stream().map(m -> m.get(key)).mapToDouble(v -> v instanceof Number n ? n.doubleValue() : Double.NaN)
                .toArray();
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) {
            l.add(d);
        }
        return l;
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
