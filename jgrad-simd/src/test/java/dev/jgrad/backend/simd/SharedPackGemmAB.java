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
 * sharing one packed op(B). Each round runs a contender for {@code roundMillis}; a round counts only if the other
 * processes on the machine used at most {@code -Dab.othersMax} cores meanwhile (default 0.15, from /proc/stat),
 * and rounds go on until every contender has {@code rounds} such rounds or {@code -Dab.maxSeconds} (90) passed.
 * Printed: medians of the counted rounds (GFLOPS by the wall clock; for one thread also by its CPU time), then
 * the best round of each. Also the eight products of one 784-256-128-10 training step at batch 128 and 1024 as
 * the kernels route them, old against new.
 *
 * <p>Usage, from the worktree root after {@code mvn -pl jgrad-simd -am test-compile}:
 * {@code java --add-modules jdk.incubator.vector -Djgrad.threads=2 -cp jgrad-simd/target/test-classes:jgrad-simd/target/classes:jgrad-core/target/classes dev.jgrad.backend.simd.SharedPackGemmAB [rounds] [roundMillis] [regex of rows]}
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
            if (!p.name.matches(".*(" + filter + ").*")) {
                continue;
            }
            Operands o = new Operands(p, rnd);
            double[][] r = measure(rounds, roundNanos, new Runnable[] {() -> o.run(0), () -> o.run(1), () -> o.run(2)});
            report(p.name, 2.0 * p.macs(), r);
        }
        for (int b : new int[] {128, 1024}) {
            if (!("step b" + b).matches(".*(" + filter + ").*")) {
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

    /** Cores' worth of CPU that processes other than this JVM may use during a round that still counts. */
    static final double OTHERS_MAX = Double.parseDouble(System.getProperty("ab.othersMax", "0.15"));

    /**
     * Per contender: wall ns per call and thread-CPU ns per call of its counted rounds, those in which the other
     * processes (the machine's busy time from /proc/stat minus this JVM's CPU time) used at most
     * {@link #OTHERS_MAX} cores.
     */
    static double[][] measure(int rounds, long roundNanos, Runnable[] contenders) {
        int c = contenders.length;
        List<List<double[]>> quiet = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            quiet.add(new ArrayList<>());
        }
        for (Runnable r : contenders) { // warm-up
            for (long end = System.nanoTime() + roundNanos * 3; System.nanoTime() < end; ) {
                r.run();
            }
        }
        // Rounds until every contender has `rounds` quiet ones, or MAX_SECONDS have passed.
        long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        int total = 0;
        for (int round = 0; System.nanoTime() < deadline; round++) {
            int fewest = Integer.MAX_VALUE;
            for (List<double[]> q : quiet) {
                fewest = Math.min(fewest, q.size());
            }
            if (fewest >= rounds) {
                break;
            }
            for (int i = 0; i < c; i++) {
                int who = (i + round) % c; // rotate who goes first
                long calls = 0;
                long busy0 = machineBusyNanos();
                long proc0 = processCpuNanos();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long t1;
                do {
                    contenders[who].run();
                    calls++;
                    t1 = System.nanoTime();
                } while (t1 - t0 < roundNanos);
                long cpu1 = THREADS.getCurrentThreadCpuTime();
                double others = (double) ((machineBusyNanos() - busy0) - (processCpuNanos() - proc0)) / (t1 - t0);
                total++;
                if (busy0 < 0 || others <= OTHERS_MAX) {
                    quiet.get(who).add(new double[] {(double) (t1 - t0) / calls, (double) (cpu1 - cpu0) / calls});
                }
            }
        }
        int kept = 0;
        double[][] out = new double[2 * c][];
        for (int i = 0; i < c; i++) {
            List<double[]> q = quiet.get(i);
            kept += q.size();
            out[i] = q.stream().mapToDouble(x -> x[0]).toArray();
            out[c + i] = q.stream().mapToDouble(x -> x[1]).toArray();
        }
        System.out.printf(Locale.ROOT, "  (%d of %d rounds quiet)%n", kept, total);
        return out;
    }

    /** The longest a product's measurement waits for quiet rounds. */
    static final long MAX_SECONDS = Long.getLong("ab.maxSeconds", 90);

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** All CPUs' non-idle time from /proc/stat, in ns (USER_HZ = 100 assumed), or -1 if unreadable. */
    private static long machineBusyNanos() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                    .split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    static void report(String name, double flops, double[][] r) {
        int c = r.length / 2;
        double one = median(r[0]);
        double oneCpu = median(r[c]);
        double old = median(r[1]);
        double neu = median(r[2]);
        System.out.printf(Locale.ROOT, "%-30s %6.1f (%5.1f) %9.1f %11.1f %8.2f %7.2f %7.2f   [us: %.0f %.0f %.0f]%n",
                name, flops / one, flops / oneCpu, flops / old, flops / neu, one / old, one / neu, old / neu,
                one / 1e3, old / 1e3, neu / 1e3);
        double bOne = best(r[0]);
        double bOld = best(r[1]);
        double bNew = best(r[2]);
        System.out.printf(Locale.ROOT, "%-30s %6.1f %17.1f %11.1f %8.2f %7.2f %7.2f%n", "  best rounds",
                flops / bOne, flops / bOld, flops / bNew, bOne / bOld, bOne / bNew, bOld / bNew);
    }

    static double best(double[] x) {
        return Arrays.stream(x).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
    }

    static double median(double[] x) {
        double[] s = Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
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
