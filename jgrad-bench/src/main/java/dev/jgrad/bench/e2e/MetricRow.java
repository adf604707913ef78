package dev.jgrad.bench.e2e;

import java.util.List;

/**
 * One line of the comparison table: the jgrad result key, the peer's key for the same work (null when the peer
 * has no counterpart), the unit, and whether larger is better (rates) or smaller (latency, seconds, bytes).
 * The speed ratio is always "how many times faster jgrad is": jgrad/peer for rates, peer/jgrad for times.
 */
record MetricRow(String key, String peerKey, String label, String unit, boolean higherIsBetter) {

    static final List<MetricRow> ALL = java.util.stream.Stream.concat(gemmRows().stream(), List.of(
            new MetricRow("train_b32", "train_b32", "MLP train 784-256-128-10, Adam, batch 32 (Trainer)", "samples/s", true),
            new MetricRow("train_b128", "train_b128", "MLP train, batch 128 (Trainer)", "samples/s", true),
            new MetricRow("train_b1024", "train_b1024", "MLP train, batch 1024 (Trainer)", "samples/s", true),
            new MetricRow("train_b32_cpu", "train_b32_cpu", "MLP train, batch 32, per CPU-second", "samples/CPU-s", true),
            new MetricRow("train_b128_cpu", "train_b128_cpu", "MLP train, batch 128, per CPU-second", "samples/CPU-s", true),
            new MetricRow("train_b1024_cpu", "train_b1024_cpu", "MLP train, batch 1024, per CPU-second", "samples/CPU-s", true),
            new MetricRow("train_autograd_b128", "train_b128", "MLP train, batch 128 (autograd loop)", "samples/s", true),
            new MetricRow("train_gelu_b128", "train_gelu_b128", "MLP train, GELU hidden, batch 128 (Trainer)", "samples/s", true),
            new MetricRow("train_huber_b128", "train_huber_b128", "MLP train, Huber loss on one-hot, batch 128 (Trainer)", "samples/s", true),
            new MetricRow("infer_b1_us", "infer_b1_us", "inference batch 1 (noGrad + Sequential.forward)", "us", false),
            new MetricRow("infer_big", "infer_big", "inference large batch (noGrad + Sequential.forward)", "samples/s", true),
            new MetricRow("playground_steps", "playground_steps", "playground 2-8-8-1 tanh, batch 10, SGD (Trainer)", "steps/s", true),
            new MetricRow("playground_steps_cpu", "playground_steps_cpu", "playground net (Trainer), per CPU-second", "steps/CPU-s", true),
            new MetricRow("playground_autograd_steps", "playground_steps", "playground net (autograd loop)", "steps/s", true),
            new MetricRow("classic_s", "classic_numpy_s", "classic sigmoid loop, full batch, GD (vs numpy)", "s/iter", false),
            new MetricRow("alloc_trainer_step", null, "alloc/step, Trainer.fit, amortized, b128", "bytes", false),
            new MetricRow("alloc_autograd_step", null, "alloc/step, autograd loop (README's five lines), b128", "bytes", false),
            new MetricRow("alloc_gemm_pool_step", null, "alloc/step on GEMM pool threads (autograd loop)", "bytes", false))
            .stream()).toList();

    private static List<MetricRow> gemmRows() {
        List<MetricRow> rows = new java.util.ArrayList<>();
        for (String form : JgradBenchmarks.GEMM_FORMS) {
            for (int[] s : JgradBenchmarks.GEMM_SHAPES) {
                String key = JgradBenchmarks.gemmKey(form, s);
                rows.add(new MetricRow(key, key, "GEMM " + form.toUpperCase(java.util.Locale.ROOT) + " " + s[0] + "x"
                        + s[1] + "x" + s[2] + " (m x k x n)", "GFLOPS", true));
            }
        }
        return rows;
    }

    /** How many times faster (or leaner) jgrad is; NaN when either side is missing. */
    double speedRatio(Double jgrad, Double peer) {
        if (jgrad == null || peer == null || jgrad <= 0 || peer <= 0) {
            return Double.NaN;
        }
        return higherIsBetter ? jgrad / peer : peer / jgrad;
    }
}
