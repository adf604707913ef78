package dev.jgrad.backend.simd;

import static dev.jgrad.backend.simd.VectorGemm.NR;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.SerialGemm;
import dev.jgrad.backend.WorkerPool;

/**
 * {@link VectorGemm} on several threads with C cut into column bands of whole NR-wide panels, one
 * {@link WorkerPool#run} per product: each band is a serial product ({@link VectorGemm}) that packs only its own columns of op(B) (into
 * its thread's workspace, read back from its own core's L2) and all of op(A), which for products of at most
 * {@link #MAX_M} rows is the small operand, stored transposed (a weight gradient dY^T X) and cheap to pack.
 *
 * <p>Why not {@link SharedPackGemm} for these: its two phases are two hand-offs and a barrier per product, and its
 * packing phase is short (tens of microseconds), so a worker that starts late finds it done. Timestamped per part on
 * the 2-core AVX2 VM under load from other processes (load average 6-10, {@code TwoThreadGemmTrace}), the worker
 * took no part in at least one phase in 47-78 % of the shared products against 19-56 % here. But in a quiet minute
 * (rounds alternating in one JVM, {@code SharedPackGemmAB}) column bands for every product of at most 256 rows were
 * 0.87-0.94x the shared packing per round on the 128-row NN and NT products (each thread then packs all of op(A)
 * value by value) while the eight products of a training step were 1.13x at batch 32 and 1.05x at batch 1024, whose
 * products of at most 256 rows are weight gradients (TN): op(A) stored k x m is packed by one vector copy per step.
 * So only products with a transposed op(A) come here.
 *
 * <p>C is bit for bit the single-thread {@link VectorGemm#gemm}'s: k is cut into the same blocks
 * ({@link VectorGemm#depthBlock} depends on k alone) added onto C in the same order, and a tile of C does not
 * depend on which columns its band holds (every element is its own chain of multiply-adds).
 */
final class ColumnBandGemm {

    private ColumnBandGemm() {
    }

    /** The most rows of C cut into column bands; taller products share one packed op(B) ({@link SharedPackGemm}). */
    static final int MAX_M = 256;

    /** Products with fewer multiply-adds than this stay on one thread. */
    static final long MIN_MACS = GemmThreads.PARALLEL_MIN_MACS;

    /**
     * Whether a product runs here: two threads or more, op(A) stored transposed (k x m: its packing is a vector copy
     * per step, cheap to do on every thread; stored m x k it is packed value by value and doing that twice cost more
     * than the shared packing's barrier), at most {@link #MAX_M} rows, at least {@link #MIN_MACS} multiply-adds and
     * one NR-wide panel of C per thread.
     */
    static boolean fits(int threads, boolean transA, int m, int n, int k) {
        return threads > 1 && transA && m > 0 && m <= MAX_M && k > 0 && n >= threads * NR
                && (long) m * n * k >= MIN_MACS;
    }

    /** One reusable product per calling thread, so a hand-off allocates nothing. */
    private static final ThreadLocal<Bands> BANDS = ThreadLocal.withInitial(Bands::new);

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in {@code parts} column bands (the contract of
     * {@link dev.jgrad.backend.Kernels#gemm}), at most one per NR-wide panel of C, each computed by {@code serial}: a
     * kernel whose C does not depend on where a band starts ({@link VectorGemm#gemm}, or one bit for bit equal to it).
     */
    static void gemm(SerialGemm serial, int parts, boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        int p = Math.min(Math.min(parts, (n + NR - 1) / NR), WorkerPool.MAX_PARTS);
        if (p <= 1) {
            serial.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Bands bands = BANDS.get();
        if (bands.inUse) {
            bands = new Bands(); // a product started from inside a band on this thread: rare, never shared
        }
        bands.set(serial, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        try {
            WorkerPool.run(bands, p);
        } finally {
            bands.clear();
        }
    }

    /** The arguments of one product; part i of p is the i-th run of whole panels of C. */
    private static final class Bands implements WorkerPool.Parts {
        private boolean inUse;
        private SerialGemm serial;
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private float alpha;
        private float[] a;
        private int aOff;
        private int lda;
        private float[] b;
        private int bOff;
        private int ldb;
        private float beta;
        private float[] c;
        private int cOff;
        private int ldc;

        void set(SerialGemm serial, boolean transA, boolean transB, int m, int n, int k, float alpha,
                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                 float beta, float[] c, int cOff, int ldc) {
            this.inUse = true;
            this.serial = serial;
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
        }

        /** Drops the caller's arrays so an idle thread's task does not keep them alive. */
        void clear() {
            serial = null;
            a = null;
            b = null;
            c = null;
            inUse = false;
        }

        @Override
        public void run(int part, int parts) {
            int panels = (n + NR - 1) / NR;
            int c0 = (int) ((long) panels * part / parts) * NR;
            int c1 = Math.min(n, (int) ((long) panels * (part + 1) / parts) * NR);
            serial.gemm(transA, transB, m, c1 - c0, k, alpha, a, aOff, lda, b, bOff + (transB ? c0 * ldb : c0),
                    ldb, beta, c, cOff + c0, ldc);
        }
    }
}
