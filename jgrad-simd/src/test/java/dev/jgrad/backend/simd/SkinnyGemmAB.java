package dev.jgrad.backend.simd;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.SerialGemm;
import dev.jgrad.backend.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: the measurement behind the skinny routes ({@link FewColumnsNtGemm}, {@link ShallowNnGemm},
 * {@link FewRowsTnGemm}), in one JVM with rounds alternating between the contenders ({@link SharedPackGemmAB#measure}).
 * Contenders: 0 the route before these kernels ({@link #before}, a copy of {@code VectorKernels.gemm} as it was),
 * 1 the new kernel alone on the calling thread, 2 the new kernel banded by {@link GemmThreads} on the JVM's threads
 * (from 0 multiply-adds on), 3 today's route ({@link VectorKernels}), 4 an alternative on one thread: for NT the
 * dot-product kernel {@link FewRowsNtGemm} (routed only up to 11 rows), for NN the unrouted {@link ShallowNnGemm}
 * (contender 1 there too), for TN the new kernel again. Printed per product: GFLOPS by the wall clock
 * and by the calling thread's CPU time (medians of all rounds), and the median over rounds of contender 0's time over
 * each other's in the same round (wall clock; thread CPU time for contender 1).
 *
 * <p>Usage, from the worktree root after {@code mvn -pl jgrad-simd -am test-compile}, under the CPU lock:
 * {@code java --add-modules jdk.incubator.vector -XX:+UseSerialGC -XX:+UseCountedLoopSafepoints
 * -XX:LoopStripMiningIter=1000 -XX:ObjectAlignmentInBytes=64 -Djgrad.threads=1 -Dab.othersMax=99 -cp
 * jgrad-simd/target/test-classes:jgrad-simd/target/classes:jgrad-core/target/classes
 * dev.jgrad.backend.simd.SkinnyGemmAB [rounds] [roundMillis] [regex of rows]}
 */
public final class SkinnyGemmAB {

    private static volatile float sink;
    private static final VectorKernels KERNELS = new VectorKernels();

    private SkinnyGemmAB() {
    }

    record Product(String name, boolean ta, boolean tb, int m, int n, int k, float beta, SerialGemm kernel,
                   int rowUnit, int colUnit) {
    }

    static List<Product> products() {
        List<Product> out = new ArrayList<>();
        for (int b : new int[] {1024, 512, 256, 128, 64, 32}) {
            out.add(new Product("b" + b + " fwd3 NT " + b + "x128x10", false, true, b, 10, 128, 0f,
                    FewColumnsNtGemm::gemm, StridedTile.ROWS_MR, StridedTile.NR));
            out.add(new Product("b" + b + " dW3 TN 10x" + b + "x128", true, false, 10, 128, b, 1f,
                    FewRowsTnGemm::gemm, FewRowsTnGemm.MAX_M, StridedTile.NR));
            out.add(new Product("b" + b + " dX3 NN " + b + "x10x128", false, false, b, 128, 10, 0f,
                    ShallowNnGemm::gemm, StridedTile.ROWS_MR, 1 << 20));
        }
        return out;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        long roundNanos = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
        String filter = args.length > 2 ? args[2] : "";
        System.out.printf(Locale.ROOT, "java %s, threads %d, %d rounds of %d ms per contender%n",
                System.getProperty("java.version"), GemmThreads.threads(), rounds, roundNanos / 1_000_000);
        System.out.printf(Locale.ROOT, "%-26s %-43s %-36s   %s%n", "product", "GFLOPS wall: before new1t newT route alt",
                "GFLOPS thread-CPU: before new1t", "per-round speed-up over before: new1t(cpu) newT route alt");
        Random rnd = new Random(1);
        for (Product p : products()) {
            if (!p.name.matches(".*(" + filter + ").*")) {
                continue;
            }
            float[] a = GemmReference.centered(rnd, p.m * p.k);
            float[] b = GemmReference.centered(rnd, p.k * p.n);
            float[] c = new float[p.m * p.n];
            int lda = p.ta ? p.m : p.k;
            int ldb = p.tb ? p.k : p.n;
            Runnable[] contenders = {
                () -> before(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n),
                () -> p.kernel.gemm(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n),
                () -> GemmThreads.gemm(p.kernel, GemmThreads.threads(), 0, p.rowUnit, p.colUnit, p.ta, p.tb, p.m, p.n,
                        p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n),
                () -> KERNELS.gemm(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n),
                () -> (p.ta ? p.kernel : p.tb ? (SerialGemm) FewRowsNtGemm::gemm : (SerialGemm) ShallowNnGemm::gemm)
                        .gemm(p.ta, p.tb, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, p.beta, c, 0, p.n),
            };
            double[][] r = SharedPackGemmAB.measure(rounds, roundNanos, contenders);
            sink += c[0];
            report(p.name, 2.0 * p.m * p.n * p.k, r);
        }
        // The eight products of a 784-256-128-10 step, before against today's route (contenders 0 and 3 above).
        for (int b : new int[] {1024, 128, 32}) {
            String name = "step b" + b + " (8 products)";
            if (!name.matches(".*(" + filter + ").*")) {
                continue;
            }
            List<SharedPackGemmAB.Operands> ops = new ArrayList<>();
            double flops = 0;
            for (SharedPackGemmAB.Product p : SharedPackGemmAB.step(b)) {
                ops.add(new SharedPackGemmAB.Operands(p, rnd));
                flops += 2.0 * p.macs();
            }
            Runnable[] contenders = {() -> ops.forEach(o -> runStep(o, true)), () -> ops.forEach(o -> runStep(o, false))};
            double[][] r = SharedPackGemmAB.measure(rounds, roundNanos, contenders);
            System.out.printf(Locale.ROOT, "%-26s GFLOPS wall before %.1f route %.1f; us per step %.0f -> %.0f;"
                    + " per-round speed-up (wall) %.3f, thread CPU %.3f%n", name, flops / SharedPackGemmAB.median(r[0]),
                    flops / SharedPackGemmAB.median(r[1]), SharedPackGemmAB.median(r[0]) / 1e3,
                    SharedPackGemmAB.median(r[1]) / 1e3, ratio(r[0], r[1]), ratio(r[2], r[3]));
        }
    }

    private static void runStep(SharedPackGemmAB.Operands o, boolean old) {
        SharedPackGemmAB.Product p = o.p;
        int lda = p.ta() ? p.m() : p.k();
        int ldb = p.tb() ? p.k() : p.n();
        if (old) {
            before(p.ta(), p.tb(), p.m(), p.n(), p.k(), 1f, o.a, 0, lda, o.b, 0, ldb, p.beta(), o.c, 0, p.n());
        } else {
            KERNELS.gemm(p.ta(), p.tb(), p.m(), p.n(), p.k(), 1f, o.a, 0, lda, o.b, 0, ldb, p.beta(), o.c, 0, p.n());
        }
    }

    static void report(String name, double flops, double[][] r) {
        int c = r.length / 3;
        StringBuilder wall = new StringBuilder();
        for (int i = 0; i < c; i++) {
            wall.append(String.format(Locale.ROOT, " %6.1f", flops / SharedPackGemmAB.median(r[i])));
        }
        String cpu = String.format(Locale.ROOT, " %6.1f %6.1f", flops / SharedPackGemmAB.median(r[c]),
                flops / SharedPackGemmAB.median(r[c + 1]));
        StringBuilder ratios = new StringBuilder();
        ratios.append(String.format(Locale.ROOT, " %5.2f", ratio(r[c], r[c + 1])));
        for (int i = 2; i < c; i++) {
            ratios.append(String.format(Locale.ROOT, " %5.2f", ratio(r[0], r[i])));
        }
        System.out.printf(Locale.ROOT, "%-26s %-43s %-36s  %s   [before %.0f us]%n", name, wall, cpu, ratios,
                SharedPackGemmAB.median(r[0]) / 1e3);
    }

    /** The median over rounds of before[j] / after[j]. */
    static double ratio(double[] before, double[] after) {
        int n = Math.min(before.length, after.length);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = before[j] / after[j];
        }
        return SharedPackGemmAB.median(x);
    }

    /** {@code VectorKernels.gemm} as it was before the skinny routes (main at 485b1f5). */
    static void before(boolean transA, boolean transB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc) {
        if (m <= VectorKernels.SMALL_M && !transA && m > 0 && n > 0 && k > 0) {
            GemmThreads.gemm(SmallRowsGemm::gemm, GemmThreads.threads(), VectorKernels.SMALL_PARALLEL_MIN_MACS,
                    VectorKernels.SMALL_M, 16, false, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                    ldc);
            return;
        }
        if (VectorGemm.L == FewRowsNtGemm.L && m <= FewRowsNtGemm.MAX_M && !transA && transB && m > 0 && n > 0
                && k > 0) {
            GemmThreads.gemm(FewRowsNtGemm::gemm, GemmThreads.threads(), VectorKernels.SMALL_PARALLEL_MIN_MACS,
                    FewRowsNtGemm.MAX_M, 16, false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                    ldc);
            return;
        }
        if (VectorGemm.L == SmallBatchNtGemm.L && SmallBatchNtGemm.routes(m) && !transA && transB && n > 0 && k > 0) {
            GemmThreads.gemm(SmallBatchNtGemm::gemm, GemmThreads.threads(), SmallBatchNtGemm.MAX_M, 16,
                    false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int threads = GemmThreads.threads();
        if ((threads == 1 || (long) m * n * k < GemmThreads.PARALLEL_MIN_MACS) && !transA && transB
                && RowPanelNtGemm.routes(m, n, k)) {
            WorkerPool.keepAwake();
            RowPanelNtGemm.gemm(false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (m < VectorKernels.MIN_PARALLEL_ROWS) {
            WorkerPool.keepAwake();
            VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (SharedPackGemm.fits(threads, m, n, k)) {
            SharedPackGemm.gemm(threads, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                    ldc);
            return;
        }
        GemmThreads.gemm(VectorGemm::gemm, threads, VectorGemm.MR, VectorGemm.NR,
                transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
}
