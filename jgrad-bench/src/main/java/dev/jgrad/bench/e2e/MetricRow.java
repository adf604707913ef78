package dev.jgrad.bench.e2e;

import java.util.List;

/**
 * One line of the comparison table: the jgrad result key, the peer's key for the same work (null when the peer
 * has no counterpart), the unit, and whether larger is better (rates) or smaller (latency, seconds, bytes).
 * The speed ratio is always "how many times faster jgrad is": jgrad/peer for rates, peer/jgrad for times.
 * {@code flops} is the floating-point work of one unit (a sample, a step, a call, an iteration; 1 for GFLOPS
 * rows, 0 where no FLOP count applies), from which {@link #gflops} turns a figure into GFLOPS and so into a
 * fraction of the machine's measured FMA peak.
 */
record MetricRow(String key, String peerKey, String label, String unit, boolean higherIsBetter, double flops) {

    MetricRow(String key, String peerKey, String label, String unit, boolean higherIsBetter) {
        this(key, peerKey, label, unit, higherIsBetter, 0);
    }

    /** 784-256-128-10 forward, per sample: 2 x (784*256 + 256*128 + 128*10) = 469,504 flops (biases ignored). */
    static final double MLP_FORWARD = 2.0 * (784 * 256 + 256 * 128 + 128 * 10);
    /**
     * A training step per sample: forward, weight gradients (as much again) and input gradients of every layer
     * but the first (whose input needs none): 1,007,104 flops, "about 1 MFLOP per sample".
     */
    static final double MLP_TRAIN = 2 * MLP_FORWARD + 2.0 * (256 * 128 + 128 * 10);
    /** The playground's 2-8-8-1 step at batch 10, the same count (forward, weight and input gradients). */
    static final double PLAYGROUND_STEP = 10 * (2 * 2.0 * (2 * 8 + 8 * 8 + 8) + 2.0 * (8 * 8 + 8));

    static final List<MetricRow> ALL = java.util.stream.Stream.concat(gemmRows().stream(), List.of(
            new MetricRow("train_b32", "train_b32", "MLP train 784-256-128-10, Adam, batch 32 (Trainer)", "samples/s", true, MLP_TRAIN),
            new MetricRow("train_b128", "train_b128", "MLP train, batch 128 (Trainer)", "samples/s", true, MLP_TRAIN),
            new MetricRow("train_b1024", "train_b1024", "MLP train, batch 1024 (Trainer)", "samples/s", true, MLP_TRAIN),
            new MetricRow("train_b32_cpu", "train_b32_cpu", "MLP train, batch 32, per CPU-second", "samples/CPU-s", true, MLP_TRAIN),
            new MetricRow("train_b128_cpu", "train_b128_cpu", "MLP train, batch 128, per CPU-second", "samples/CPU-s", true, MLP_TRAIN),
            new MetricRow("train_b1024_cpu", "train_b1024_cpu", "MLP train, batch 1024, per CPU-second", "samples/CPU-s", true, MLP_TRAIN),
            new MetricRow("train_b32_paired_pk", null, "MLP train, batch 32, % of the FMA peak measured before each epoch", "%", true),
            new MetricRow("train_b128_paired_pk", null, "MLP train, batch 128, % of the FMA peak measured before each epoch", "%", true),
            new MetricRow("train_b1024_paired_pk", null, "MLP train, batch 1024, % of the FMA peak measured before each epoch", "%", true),
            new MetricRow("train_autograd_b128", "train_b128", "MLP train, batch 128 (autograd loop)", "samples/s", true, MLP_TRAIN),
            new MetricRow("train_gelu_b128", "train_gelu_b128", "MLP train, GELU hidden, batch 128 (Trainer)", "samples/s", true),
            new MetricRow("train_huber_b128", "train_huber_b128", "MLP train, Huber loss on one-hot, batch 128 (Trainer)", "samples/s", true, MLP_TRAIN),
            new MetricRow("step_b32_us", null, "one step, batch 32 (README loop on one batch)", "us", false, 32 * MLP_TRAIN),
            new MetricRow("step_products_b32_us", null, "its 8 products alone (same shapes, same kernels)", "us", false, 32 * MLP_TRAIN),
            new MetricRow("step_overhead_b32_us", null, "per-step overhead, batch 32 (step minus products)", "us", false),
            new MetricRow("step_overhead_b32_cpu_us", null, "per-step overhead, batch 32, calling thread's CPU time", "us", false),
            new MetricRow("step_b128_us", null, "one step, batch 128 (README loop on one batch)", "us", false, 128 * MLP_TRAIN),
            new MetricRow("step_products_b128_us", null, "its 8 products alone (same shapes, same kernels)", "us", false, 128 * MLP_TRAIN),
            new MetricRow("step_overhead_b128_us", null, "per-step overhead, batch 128 (step minus products)", "us", false),
            new MetricRow("step_overhead_b128_cpu_us", null, "per-step overhead, batch 128, calling thread's CPU time", "us", false),
            new MetricRow("infer_b1_us", "infer_b1_us", "inference batch 1 (noGrad + Sequential.forward)", "us", false, MLP_FORWARD),
            new MetricRow("infer_big", "infer_big", "inference large batch (noGrad + Sequential.forward)", "samples/s", true, MLP_FORWARD),
            new MetricRow("playground_steps", "playground_steps", "playground 2-8-8-1 tanh, batch 10, SGD (Trainer)", "steps/s", true, PLAYGROUND_STEP),
            new MetricRow("playground_steps_cpu", "playground_steps_cpu", "playground net (Trainer), per CPU-second", "steps/CPU-s", true, PLAYGROUND_STEP),
            new MetricRow("playground_autograd_steps", "playground_steps", "playground net (autograd loop)", "steps/s", true, PLAYGROUND_STEP),
            new MetricRow("classic_s", "classic_numpy_s", "classic sigmoid loop, full batch, GD (vs numpy)", "s/iter", false, MLP_TRAIN),
            new MetricRow("alloc_trainer_step", null, "alloc/step, Trainer.fit, amortized, b128", "bytes", false),
            new MetricRow("alloc_autograd_step", null, "alloc/step, autograd loop (README's five lines), b128", "bytes", false),
            new MetricRow("alloc_gemm_pool_step", null, "alloc/step on worker pool threads (autograd loop)", "bytes", false))
            .stream()).toList();

    private static List<MetricRow> gemmRows() {
        List<MetricRow> rows = new java.util.ArrayList<>();
        for (String form : JgradBenchmarks.GEMM_FORMS) {
            for (int[] s : JgradBenchmarks.GEMM_SHAPES) {
                String key = JgradBenchmarks.gemmKey(form, s);
                rows.add(new MetricRow(key, key, "GEMM " + form.toUpperCase(java.util.Locale.ROOT) + " " + s[0] + "x"
                        + s[1] + "x" + s[2] + " (m x k x n)", "GFLOPS", true, 1));
            }
        }
        return rows;
    }

    /** Whether the row's figure is per CPU-second (all threads' time), so it compares with one core's peak. */
    boolean perCpuSecond() {
        return unit.endsWith("/CPU-s");
    }

    /**
     * The figure as GFLOPS (NaN when the row has no FLOP count or the figure is missing); a seconds-per-iteration
     * figure is a full-batch iteration over {@code rowsPerIteration} rows (the scale's classic loop).
     */
    double gflops(Double value, int rowsPerIteration) {
        if (value == null || value.isNaN() || value <= 0 || flops <= 0) {
            return Double.NaN;
        }
        return switch (unit) {
            case "GFLOPS" -> value;
            case "us" -> flops / (value * 1e3);
            case "s/iter" -> flops * rowsPerIteration / (value * 1e9);
            default -> value * flops / 1e9; // a rate: samples or steps per second (or per CPU-second)
        };
    }

    /** How many times faster (or leaner) jgrad is; NaN when either side is missing. */
    double speedRatio(Double jgrad, Double peer) {
        if (jgrad == null || peer == null || jgrad <= 0 || peer <= 0) {
            return Double.NaN;
        }
        return higherIsBetter ? jgrad / peer : peer / jgrad;
    }
}
