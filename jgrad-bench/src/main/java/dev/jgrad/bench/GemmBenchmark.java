package dev.jgrad.bench;

import dev.jgrad.backend.Kernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GEMM time per call; GFLOPS = 2*m*k*n / time. The thread count is per JVM. A {@code -jvmArgsAppend} on the
 * JMH command line replaces the one below, so repeat the module there:
 * {@code java -jar jgrad-bench/target/benchmarks.jar GemmBenchmark
 * -jvmArgsAppend "--add-modules=jdk.incubator.vector -Djgrad.threads=1"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemmBenchmark {

    /** m x k x n. */
    @Param({"128x784x256", "128x256x128", "256x256x256", "1024x1024x1024"})
    public String shape;

    /** NN, TN (A stored k x m), NT (B stored n x k) or TT. */
    @Param({"NN", "TN", "NT"})
    public String form;

    @Param({"java", "simd"})
    public String kernels;

    private Kernels k;
    private float[] a;
    private float[] b;
    private float[] c;
    private int m;
    private int n;
    private int depth;
    private boolean transA;
    private boolean transB;

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        m = Integer.parseInt(dims[0]);
        depth = Integer.parseInt(dims[1]);
        n = Integer.parseInt(dims[2]);
        transA = form.charAt(0) == 'T';
        transB = form.charAt(1) == 'T';
        k = BenchKernels.byName(kernels);
        Random rnd = new Random(42);
        a = BenchArrays.centered(rnd, m * depth);
        b = BenchArrays.centered(rnd, depth * n);
        c = new float[m * n];
    }

    @Benchmark
    public float[] gemm() {
        k.gemm(transA, transB, m, n, depth, 1f, a, 0, transA ? m : depth, b, 0, transB ? depth : n, 0f, c, 0, n);
        return c;
    }
}
