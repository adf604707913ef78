package dev.jgrad.backend.simd;

import static dev.jgrad.backend.simd.VectorGemm.NR;

import dev.jgrad.backend.SerialGemm;
import dev.jgrad.backend.WorkerPool;

/**
 * {@link VectorGemm} on several threads with C cut into column bands of whole NR-wide panels, one
 * {@link WorkerPool#run} per product: each band is a serial product that packs only its own columns of op(B) (into
 * its thread's workspace, read back from its own core's L2) and all of op(A), the small operand of a product of few
 * rows (the training step's have at most 256). Not routed, so it lives in the test sources: tested, the alternative
 * {@code SharedPackGemmAB} measures the shared packing against (contender 3), until a quiet machine says where it pays.
 *
 * <p>Why it was tried: {@link SharedPackGemm}'s two phases are two hand-offs and a barrier per product, and its
 * packing phase is short (tens of microseconds), so a worker that starts late finds it done. Timestamped per part on
 * the 2-core AVX2 VM under load from other processes (load average 6-10, {@code TwoThreadGemmTrace}), the worker
 * took no part in at least one phase in 47-78 % of the shared products against 19-56 % here, and when both threads
 * took part the slower one's CPU time in its parts was about the same either way. Why it is not routed: in a quiet
 * minute (rounds alternating in one JVM, 27-31 of ~30 rounds with other processes below 0.3 cores) column bands for
 * every product of at most 256 rows were 0.87-0.94x the shared packing per round on the 128-row NN and NT products
 * (each thread packs all of op(A) value by value), the eight products of a training step 1.13x at batch 32, 0.97x
 * at 128 and 1.05x at 1024; the weight gradients alone (TN, op(A) packed by a vector copy per step) measured
 * 0.55-1.37x per round across windows, no clear gain.
 *
 * <p>C is bit for bit the single-thread {@link VectorGemm#gemm}'s: k is cut into the same blocks
 * ({@link VectorGemm#depthBlock} depends on k alone) added onto C in the same order, and a tile of C does not
 * depend on which columns its band holds (every element is its own chain of multiply-adds).
 */
final class ColumnBandGemm {

    private ColumnBandGemm() {
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
