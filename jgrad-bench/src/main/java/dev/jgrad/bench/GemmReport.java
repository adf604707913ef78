package dev.jgrad.bench;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.Kernels;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * Prints a Markdown table of GEMM GFLOPS for the given kernels, shapes and forms: best wall-clock figure over
 * several timed rounds, and (for one thread) the figure per second of the calling thread's CPU time, which
 * stays meaningful when other processes share the cores. Threads come from {@code -Djgrad.threads}.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Djgrad.threads=1 -cp ... dev.jgrad.bench.GemmReport
 * [kernels,...] [forms,...]}, defaults {@code java,simd} and {@code NN,TN,NT}.
 */
public final class GemmReport {

    private static final int[][] SHAPES = {{128, 784, 256}, {128, 256, 128}, {256, 256, 256}, {1024, 1024, 1024}};

    private GemmReport() {
    }

    public static void main(String[] args) {
        String[] kernelNames = (args.length > 0 ? args[0] : "java,simd").split(",");
        String[] forms = (args.length > 1 ? args[1] : "NN,TN,NT").split(",");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%s, %s, %d threads%n%n", System.getProperty("java.vm.name"),
                Runtime.version(), GemmThreads.threads());
        System.out.println("| kernels | form | m x k x n | GFLOPS (wall) | GFLOPS (thread CPU) |");
        System.out.println("|---|---|---|---|---|");
        for (String name : kernelNames) {
            Kernels k = BenchKernels.byName(name);
            for (String form : forms) {
                for (int[] s : SHAPES) {
                    double[] r = measure(k, threads, form.charAt(0) == 'T', form.charAt(1) == 'T', s[0], s[1], s[2]);
                    String cpu = GemmThreads.threads() == 1 ? String.format(Locale.ROOT, "%.1f", r[1]) : "-";
                    System.out.printf(Locale.ROOT, "| %s | %s | %dx%dx%d | %.1f | %s |%n", k.name(), form,
                            s[0], s[1], s[2], r[0], cpu);
                }
            }
        }
    }

    /** {best wall GFLOPS, best thread-CPU GFLOPS} over 10 rounds of about 0.3 s after 2 s of warm-up. */
    private static double[] measure(Kernels k, ThreadMXBean threads, boolean transA, boolean transB,
                                    int m, int depth, int n) {
        Random rnd = new Random(42);
        float[] a = BenchArrays.centered(rnd, m * depth);
        float[] b = BenchArrays.centered(rnd, depth * n);
        float[] c = new float[m * n];
        int lda = transA ? m : depth;
        int ldb = transB ? depth : n;
        double flops = 2.0 * m * n * depth;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int reps = 1;
        while (System.nanoTime() < warmEnd) {
            long t0 = System.nanoTime();
            for (int q = 0; q < reps; q++) {
                k.gemm(transA, transB, m, n, depth, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
            }
            if (System.nanoTime() - t0 < 300_000_000L / 2) {
                reps *= 2;
            }
        }
        double bestWall = 0;
        double bestCpu = 0;
        for (int round = 0; round < 10; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int q = 0; q < reps; q++) {
                k.gemm(transA, transB, m, n, depth, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            bestWall = Math.max(bestWall, flops * reps / (t1 - t0));
            bestCpu = Math.max(bestCpu, flops * reps / Math.max(1, c1 - c0));
        }
        return new double[] {bestWall, bestCpu};
    }
}
