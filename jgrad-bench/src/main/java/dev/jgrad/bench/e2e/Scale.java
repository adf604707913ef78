package dev.jgrad.bench.e2e;

/**
 * How much work each benchmark does. FULL is the published table (a few minutes for 1 and 2 threads with the
 * peer), QUICK a few seconds of smoke signal, TINY only for the unit test (numbers meaningless).
 */
public enum Scale {

    TINY(256, 1, 2, 100, 128, 1, 2, 2, 5_000_000L, 0L),
    QUICK(1_024, 1, 3, 2_000, 2_000, 1, 2, 2, 30_000_000L, 200_000_000L),
    FULL(8_192, 2, 5, 10_000, 60_000, 2, 5, 100, 250_000_000L, 3_000_000_000L);

    /** Fashion-MNIST rows per training epoch (the first N samples). */
    final int trainSamples;
    /** Epochs (or timed rounds) thrown away while the JIT compiles, then the measured ones. */
    final int warmup;
    final int runs;
    /** The large inference batch (10,000 in the full run). */
    final int bigBatch;
    /** Rows of the notes' full-batch gradient-descent loop (60,000 = all of Fashion-MNIST's training set). */
    final int classicSamples;
    final int classicWarmup;
    final int classicRuns;
    /** Epochs of 50 steps (500 points, batch 10) per timed playground round. */
    final int playgroundEpochs;
    /** Minimum length of one timed round of a latency loop, in nanoseconds. */
    final long roundNanos;
    /**
     * Minimum warm-up time per benchmark before anything is measured: the Vector API runs boxed, allocating
     * fallback code until C2 has compiled the kernels with intrinsics, which takes seconds, not a few epochs.
     */
    final long warmNanos;

    Scale(int trainSamples, int warmup, int runs, int bigBatch, int classicSamples, int classicWarmup,
          int classicRuns, int playgroundEpochs, long roundNanos, long warmNanos) {
        this.trainSamples = trainSamples;
        this.warmup = warmup;
        this.runs = runs;
        this.bigBatch = bigBatch;
        this.classicSamples = classicSamples;
        this.classicWarmup = classicWarmup;
        this.classicRuns = classicRuns;
        this.playgroundEpochs = playgroundEpochs;
        this.roundNanos = roundNanos;
        this.warmNanos = warmNanos;
    }
}
