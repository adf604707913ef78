package dev.jgrad.backend.simd;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.SerialGemm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: the measurement behind the two-thread GEMM routes, in one JVM with rounds alternating between the
 * contenders so a change in the machine's load hits all of them. Contenders ({@code -Dab.contenders}, default
 * 0,1,2): 0 one thread (the serial kernel the one-thread route uses), 1 the route before column bands (small-row routes,
 * else {@link SharedPackGemm}, else row or column bands of serial GEMMs), 2 today's route ({@link VectorKernels}),
 * 3 {@link ColumnBandGemm} directly. Each round runs a contender for {@code roundMillis}; a round counts only if the
 * other processes on the machine used at most {@code -Dab.othersMax} cores meanwhile (default 0.15, from /proc/stat;
 * a large value counts every round), and rounds go on until every contender has {@code rounds} such rounds or
 * {@code -Dab.maxSeconds} (90) passed. Printed per product: GFLOPS by the wall clock (medians of the counted rounds)
 * and the speed-up over the first contender, wall and process CPU time per call, the first contender's GFLOPS by
 * its thread CPU time, and the median per-round speed-up of the third contender on over the second. The products: the
 * bench's, then the eight of one 784-256-128-10 training step at batch 32, 128 and 1024, then the steps whole.
 *
 * <p>Usage, from the worktree root after {@code mvn -pl jgrad-simd -am test-compile}:
 * {@code java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -Djgrad.threads=2 -cp jgrad-simd/target/test-classes:jgrad-simd/target/classes:jgrad-core/target/classes dev.jgrad.backend.simd.SharedPackGemmAB [rounds] [roundMillis] [regex of rows]}
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
            a = GemmReference.centered(rnd, p.m * p.k);
            b = GemmReference.centered(rnd, p.k * p.n);
            c = new float[p.m * p.n];
        }

        void run(int how) {
            int lda = p.ta ? p.m : p.k;
            int ldb = p.tb ? p.k : p.n;
            SerialGemm small = smallRoute(p);
            switch (how) {
                case 0 -> (small != null ? small : !p.ta && p.tb && RowPanelNtGemm.routes(p.m, p.n, p.k)
                        ? (SerialGemm) RowPanelNtGemm::gemm : (SerialGemm) VectorGemm::gemm).gemm(p.ta, p.tb, p.m, p.n,
                        p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n);
                case 1 -> {
                    if (small != null) {
                        KERNELS.gemm(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n);
                    } else if (SharedPackGemm.fits(2, p.m, p.n, p.k)) {
                        SharedPackGemm.gemm(2, p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0,
                                p.n);
                    } else {
                        GemmThreads.gemm(VectorGemm::gemm, 2, VectorGemm.MR, VectorGemm.NR, p.ta, p.tb, p.m, p.n,
                                p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n);
                    }
                }
                case 2 -> KERNELS.gemm(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n);
                default -> {
                    if (small != null) {
                        KERNELS.gemm(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n);
                    } else {
                        ColumnBandGemm.gemm(VectorGemm::gemm, 2, p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb,
                                p.beta, c, 0, p.n);
                    }
                }
            }
            sink += c[0];
        }
    }

    private static final VectorKernels KERNELS = new VectorKernels();

    /** The serial kernel of a product that takes one of the few-row routes of {@link VectorKernels}, else null. */
    static SerialGemm smallRoute(Product p) {
        if (p.ta || p.m <= 0) {
            return null;
        }
        if (p.m <= VectorKernels.SMALL_M) {
            return SmallRowsGemm::gemm;
        }
        if (VectorGemm.L == FewRowsNtGemm.L && p.m <= FewRowsNtGemm.MAX_M && p.tb) {
            return FewRowsNtGemm::gemm;
        }
        if (VectorGemm.L == SmallBatchNtGemm.L && SmallBatchNtGemm.routes(p.m) && p.tb) {
            return SmallBatchNtGemm::gemm;
        }
        return null;
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

    /** Which contenders run: 0 one thread, 1 the route before (shared packing), 2 today's route, 3 column bands. */
    static final int[] HOW = java.util.Arrays.stream(System.getProperty("ab.contenders", "0,1,2").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final String[] HOW_NAMES = {"1t", "before", "route", "cols2"};

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
        single.add(new Product("bench NN 128x256x128", false, false, 128, 128, 256, 0f));
        single.add(new Product("bench NN 256x256x256", false, false, 256, 256, 256, 0f));
        Random rnd = new Random(1);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-30s", "product (GFLOPS, x vs first)"));
        for (int h : HOW) {
            head.append(String.format(Locale.ROOT, " %14s", HOW_NAMES[h]));
        }
        System.out.println(head + "   [us per call] (1t thread-CPU GFLOPS)");
        for (int b : new int[] {32, 128, 1024}) {
            for (Product p : step(b)) {
                single.add(new Product("b" + b + " " + p.name + " " + p.m + "x" + p.k + "x" + p.n, p.ta, p.tb,
                        p.m, p.n, p.k, p.beta));
            }
        }
        for (Product p : single) {
            if (!p.name.matches(".*(" + filter + ").*")) {
                continue;
            }
            Operands o = new Operands(p, rnd);
            Runnable[] contenders = new Runnable[HOW.length];
            for (int i = 0; i < HOW.length; i++) {
                int h = HOW[i];
                contenders[i] = () -> o.run(h);
            }
            report(p.name, 2.0 * p.macs(), measure(rounds, roundNanos, contenders));
        }
        for (int b : new int[] {32, 128, 1024}) {
            if (!("step b" + b).matches(".*(" + filter + ").*")) {
                continue;
            }
            List<Operands> ops = new ArrayList<>();
            long macs = 0;
            for (Product p : step(b)) {
                ops.add(new Operands(p, rnd));
                macs += p.macs();
            }
            Runnable[] contenders = new Runnable[HOW.length];
            for (int i = 0; i < HOW.length; i++) {
                int h = HOW[i];
                contenders[i] = () -> ops.forEach(o -> o.run(h));
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
                long proc1 = processCpuNanos();
                double others = (double) ((machineBusyNanos() - busy0) - (processCpuNanos() - proc0)) / (t1 - t0);
                total++;
                if (busy0 < 0 || others <= OTHERS_MAX) {
                    quiet.get(who).add(new double[] {(double) (t1 - t0) / calls, (double) (cpu1 - cpu0) / calls,
                            (double) (proc1 - proc0) / calls});
                }
            }
        }
        int kept = 0;
        double[][] out = new double[3 * c][];
        for (int i = 0; i < c; i++) {
            List<double[]> q = quiet.get(i);
            kept += q.size();
            out[i] = q.stream().mapToDouble(x -> x[0]).toArray();
            out[c + i] = q.stream().mapToDouble(x -> x[1]).toArray();
            out[2 * c + i] = q.stream().mapToDouble(x -> x[2]).toArray();
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
        int c = r.length / 3;
        double first = median(r[0]);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", name));
        StringBuilder us = new StringBuilder();
        for (int i = 0; i < c; i++) {
            double t = median(r[i]);
            line.append(String.format(Locale.ROOT, " %6.1f (%5.2f)", flops / t, first / t));
            us.append(String.format(Locale.ROOT, " %.0f/%.0f", t / 1e3, median(r[2 * c + i]) / 1e3));
        }
        // Per round, each contender's time over the second one's (the route before a change) in that same round: the
        // ratios cancel the load's drift between rounds, which the medians of the times alone do not.
        StringBuilder pairs = new StringBuilder();
        for (int i = 2; i < c; i++) {
            int rounds = Math.min(r[1].length, r[i].length);
            double[] ratio = new double[rounds];
            for (int j = 0; j < rounds; j++) {
                ratio[j] = r[1][j] / r[i][j];
            }
            pairs.append(String.format(Locale.ROOT, " %.2f", median(ratio)));
        }
        System.out.printf(Locale.ROOT, "%s   [wall/process-CPU us:%s] (%.1f) speed-up over the second, per round:%s%n",
                line, us, flops / median(r[c]), pairs);
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
}
