package dev.jgrad.backend.simd;

import dev.jgrad.backend.GemmThreads;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: the measurement behind {@link SharedPackGemm}, in one JVM with rounds alternating between the
 * contenders so a change in the machine's load hits all of them: one thread ({@link VectorGemm} alone), two
 * threads the old way (row or column bands, each a serial GEMM packing the shared operand itself) and two threads
 * sharing one packed op(B). Each round runs a contender for {@code roundMillis}; the figure is the median over
 * rounds (GFLOPS by the wall clock; for one thread also by its CPU time). Also the eight products of one
 * 784-256-128-10 training step at batch 128 and 1024 as the kernels route them, old against new.
 *
 * <p>Usage, from the worktree root after {@code mvn -pl jgrad-simd -am test-compile}:
 * {@code java --add-modules jdk.incubator.vector -Djgrad.threads=2 -cp jgrad-simd/target/test-classes:jgrad-simd/target/classes:jgrad-core/target/classes dev.jgrad.backend.simd.SharedPackGemmAB [rounds] [roundMillis] [filter]}
 */
public final class SharedPackGemmAB {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile float sink;

    private SharedPackGemmAB() {
    }

    /** One product: C = op(A) op(B), m x n, depth k, C overwritten (beta 0) or accumulated (beta 1). */
    record Product(String name, boolean ta, boolean tb, int m, int n, int k, float beta) {
        long macs() {
            return (long) m * n * k;
        }
    }

    /** A product's operands, allocated once. */
    static final class Operands {
        final Product p;
        final float[] a;
        final float[] b;
        final float[] c;

        Operands(Product p, Random rnd) {
            this.p = p;
            a = random(rnd, p.m * p.k);
            b = random(rnd, p.k * p.n);
            c = new float[p.m * p.n];
        }

        void run(int how) {
            int lda = p.ta ? p.m : p.k;
            int ldb = p.tb ? p.k : p.n;
            switch (how) {
                case 0 -> VectorGemm.gemm(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n);
                case 1 -> GemmThreads.gemm(VectorGemm::gemm, 2, VectorGemm.MR, VectorGemm.NR, p.ta, p.tb, p.m, p.n,
                        p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n);
                default -> {
                    if (SharedPackGemm.fits(2, p.m, p.n, p.k)) {
                        SharedPackGemm.gemm(2, p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0,
                                p.n);
                    } else {
                        run(1);
                    }
                }
            }
            sink += c[0];
        }
    }

    /** The products of one 784-256-128-10 step (as the bench's step-overhead row issues them) at batch b. */
    static List<Product> step(int b) {
        return List.of(
                new Product("fwd1 NT", false, true, b, 256, 784, 0f),
                new Product("fwd2 NT", false, true, b, 128, 256, 0f),
                new Product("fwd3 NT", false, true, b, 10, 128, 0f),
                new Product("dW3 TN", true, false, 10, 128, b, 1f),
                new Product("dX3 NN", false, false, b, 128, 10, 0f),
                new Product("dW2 TN", true, false, 128, 256, b, 1f),
                new Product("dX2 NN", false, false, b, 256, 128, 0f),
                new Product("dW1 TN", true, false, 256, 784, b, 1f));
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        long roundNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
        String filter = args.length > 2 ? args[2] : "";
        System.out.printf(Locale.ROOT, "threads %d, %d lanes, %d rounds of %d ms per contender%n",
                GemmThreads.threads(), VectorGemm.L, rounds, roundNanos / 1_000_000);
        List<Product> single = new ArrayList<>();
        single.add(new Product("bench NN 128x784x256", false, false, 128, 256, 784, 0f));
        single.add(new Product("bench NT 128x784x256", false, true, 128, 256, 784, 0f));
        single.add(new Product("bench TN 128x784x256", true, false, 128, 256, 784, 0f));
        single.add(new Product("fwd1 NT 1024x256x784", false, true, 1024, 256, 784, 0f));
        single.add(new Product("dX1 NN 128x784x256", false, false, 128, 784, 256, 0f));
        single.add(new Product("dX1 NN 1024x784x256", false, false, 1024, 784, 256, 0f));
        single.add(new Product("dW1 TN 256x784x128", true, false, 256, 784, 128, 1f));
        single.add(new Product("dW1 TN 256x784x1024", true, false, 256, 784, 1024, 1f));
        single.add(new Product("fwd2 NT 128x128x256", false, true, 128, 128, 256, 0f));
        single.add(new Product("dW2 TN 128x256x128", true, false, 128, 256, 128, 1f));
        single.add(new Product("dX2 NN 128x256x128", false, false, 128, 256, 128, 0f));
        single.add(new Product("sq NN 1024^3", false, false, 1024, 1024, 1024, 0f));
        Random rnd = new Random(1);
        System.out.println("product                         1t GF (cpu)   2t old GF   2t new GF   old/1t  new/1t  new/old");
        for (Product p : single) {
            if (!p.name.contains(filter)) {
                continue;
            }
            Operands o = new Operands(p, rnd);
            double[][] r = measure(rounds, roundNanos, new Runnable[] {() -> o.run(0), () -> o.run(1), () -> o.run(2)});
            report(p.name, 2.0 * p.macs(), r);
        }
        for (int b : new int[] {128, 1024}) {
            if (!("step b" + b).contains(filter) && !filter.isEmpty()) {
                continue;
            }
            List<Operands> ops = new ArrayList<>();
            long macs = 0;
            for (Product p : step(b)) {
                ops.add(new Operands(p, rnd));
                macs += p.macs();
            }
            Runnable[] contenders = new Runnable[3];
            for (int how = 0; how < 3; how++) {
                int h = how;
                contenders[how] = () -> ops.forEach(o -> o.run(h));
            }
            report("step b" + b + " (8 products)", 2.0 * macs, measure(rounds, roundNanos, contenders));
        }
    }

    /** Per contender: wall ns per call per round, and thread-CPU ns per call per round. */
    static double[][] measure(int rounds, long roundNanos, Runnable[] contenders) {
        int c = contenders.length;
        double[][] wall = new double[c][rounds];
        double[][] cpu = new double[c][rounds];
        for (Runnable r : contenders) { // warm-up
            for (long end = System.nanoTime() + roundNanos * 3; System.nanoTime() < end; ) {
                r.run();
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < c; i++) {
                int who = (i + round) % c; // rotate who goes first
                long calls = 0;
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long t1;
                do {
                    contenders[who].run();
                    calls++;
                    t1 = System.nanoTime();
                } while (t1 - t0 < roundNanos);
                long cpu1 = THREADS.getCurrentThreadCpuTime();
                wall[who][round] = (double) (t1 - t0) / calls;
                cpu[who][round] = (double) (cpu1 - cpu0) / calls;
            }
        }
        double[][] out = new double[2 * c][];
        for (int i = 0; i < c; i++) {
            out[i] = wall[i];
            out[c + i] = cpu[i];
        }
        return out;
    }

    static void report(String name, double flops, double[][] r) {
        double one = median(r[0]);
        double oneCpu = median(r[3]);
        double old = median(r[1]);
        double neu = median(r[2]);
        System.out.printf(Locale.ROOT, "%-30s %6.1f (%5.1f) %9.1f %11.1f %8.2f %7.2f %7.2f   [us: %.0f %.0f %.0f]%n",
                name, flops / one, flops / oneCpu, flops / old, flops / neu, one / old, one / neu, old / neu,
                one / 1e3, old / 1e3, neu / 1e3);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextFloat() - 0.5f;
        }
        return x;
    }
}
