package dev.jgrad.bench.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two contenders measured in child processes that alternate in the order A,B / B,A / A,B ..., so that a slow trend
 * in the machine's speed (on a shared VM the same build moved 20-30 % within minutes) hits both alike, and the
 * figure to read is the median of the per-pair ratios with its range. Used for 2 threads against 1
 * ({@link ThreadScaling}) and for jgrad against PyTorch ({@link PeerPairs}).
 */
final class AlternatingPairs {

    /** One run of a contender: its child process's {@code metrics} map. */
    interface Contender {
        Map<String, Object> run() throws Processes.ChildFailedException;
    }

    private AlternatingPairs() {
    }

    /**
     * Runs {@code pairs} pairs, logging each run as {@code "pair p, <label>"}; returns the metrics of A's runs and of
     * B's runs, each in run order.
     */
    static List<List<Map<String, Object>>> run(int pairs, String labelA, Contender a, String labelB, Contender b,
                                               PrintStream out) throws Processes.ChildFailedException {
        List<Map<String, Object>> as = new ArrayList<>();
        List<Map<String, Object>> bs = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            boolean aFirst = p % 2 == 0;
            for (int i = 0; i < 2; i++) {
                boolean isA = aFirst == (i == 0);
                out.println("  pair " + (p + 1) + ", " + (isA ? labelA : labelB));
                (isA ? as : bs).add(isA ? a.run() : b.run());
            }
        }
        return List.of(as, bs);
    }

    /**
     * One row: each contender's figures for {@code key} in run order (under {@code nameA}, {@code nameB}), their
     * medians, the pairs' ratios B / A with median, min and max, and the medians of {@code key + "_cpu"}.
     */
    static Map<String, Object> row(String key, String nameA, List<Map<String, Object>> a, String nameB,
                                   List<Map<String, Object>> b) {
        double[] va = values(key, a);
        double[] vb = values(key, b);
        double[] ratios = new double[Math.min(va.length, vb.length)];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = vb[i] / va[i];
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(nameA, toList(va));
        row.put(nameB, toList(vb));
        row.put("ratios", toList(ratios));
        row.put(nameA + "_median", Stats.median(va));
        row.put(nameB + "_median", Stats.median(vb));
        row.put("ratio_median", Stats.median(ratios));
        row.put("ratio_min", Arrays.stream(ratios).min().orElse(Double.NaN));
        row.put("ratio_max", Arrays.stream(ratios).max().orElse(Double.NaN));
        row.put(nameA + "_cpu_median", Stats.median(values(key + "_cpu", a)));
        row.put(nameB + "_cpu_median", Stats.median(values(key + "_cpu", b)));
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
}
