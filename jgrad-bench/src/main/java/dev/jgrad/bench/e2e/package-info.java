/**
 * The end-to-end, side-by-side benchmark: the same work (MLP training on Fashion-MNIST, inference, the
 * playground network, the notes' full-batch loop, allocation per step) in jgrad and in a PyTorch/numpy peer
 * ({@code jgrad-bench/peers/torch_mlp.py}), on 1 and 2 threads, as medians after warm-up.
 *
 * <p>Entry point: {@link dev.jgrad.bench.e2e.BenchSuite#run(BenchOptions, java.io.PrintStream)} (and its
 * {@code main}). jgrad's thread count is fixed per JVM ({@code -Djgrad.threads}), so each thread count runs in
 * a child JVM ({@link dev.jgrad.bench.e2e.JgradWorker}) that prints its results as one JSON line.
 */
package dev.jgrad.bench.e2e;
