package dev.jgrad.backend.simd;

import static dev.jgrad.backend.simd.VectorGemm.AS;
import static dev.jgrad.backend.simd.VectorGemm.L;
import static dev.jgrad.backend.simd.VectorGemm.MC;
import static dev.jgrad.backend.simd.VectorGemm.MR;
import static dev.jgrad.backend.simd.VectorGemm.NC;
import static dev.jgrad.backend.simd.VectorGemm.NR;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.WorkerPool;

/**
 * {@link VectorGemm} on several threads with op(B), the operand every row band of C needs whole, packed once for
 * all of them instead of once per band.
 *
 * <p>Cut into row bands that each run a serial GEMM ({@code GemmThreads}), every thread packs all of op(B): at
 * 128 x 784 x 256 each of two threads packs the whole 800 KB weight matrix for half the multiply-adds, and the
 * product gained only 0.93-1.53x from its second core. Here one call is two {@link WorkerPool#run} phases:
 * <ol>
 *   <li>pack: the panels of op(B), all k-blocks, cut into parts by (k-block, panel) that the threads take one at
 *       a time, into one buffer, in the layout of {@link VectorGemm}'s all-of-op(B) order;</li>
 *   <li>compute: row bands of C, each packing its own rows of op(A) a block at a time and running every k-block
 *       against the shared panels.</li>
 * </ol>
 * The phase boundary is {@link WorkerPool#run} returning (all parts done, whoever did them), never a wait for a
 * particular thread, so a worker that starts late or not at all only means the caller does more of the parts.
 *
 * <p>What it gains is bounded by what packing costs: on the AVX2 Zen 3 VM, one thread, CPU time, packing all of
 * op(B) is 4-11 % of a training product (128 x 256 x 784 NT 11 %, 256 x 784 x 128 TN 4 %, 1024 x 256 x 784 NT
 * 1.5 %), so sharing it saves at most half of that per thread. Measured against the per-band path, rounds
 * alternating in one JVM, quiet machine: the eight products of a training step 1.02x faster at batch 128 and
 * 1.08x at batch 1024 (2t/1t 1.57x and 2.03x); with 16-row bands, NN 128 x 256 x 784 1.22x, its input-gradient
 * twin 1.27x, NT 1.09x, TN 0.96-1.06x.
 *
 * <p>C is bit for bit the single-thread {@link VectorGemm#gemm}'s: the panels are the same values whoever packs
 * them, k is cut into the same blocks ({@link VectorGemm#depthBlock}) added onto C in the same order, and a tile
 * of C does not depend on where a band or block starts (every element is its own chain of multiply-adds).
 *
 * <p>The buffer (shared panels, then one slot per band for its tile and A block) belongs to the calling thread
 * and is reused, grown once per size it needs: a steady training step allocates nothing, and two threads that
 * multiply at the same time (the playground's engine work beside a training loop) each use their own.
 */
final class SharedPackGemm {

    /**
     * The most floats of packed op(B) (16 MiB; 1024 x 784 input rows at batch 1024 take 3.2 MB). Larger products
     * go to per-band GEMMs, whose packing is a small part of their work anyway.
     */
    static final long MAX_PACKED_FLOATS = 4L << 20;

    /**
     * Rows of C per band below which a band is not cut further. More bands than threads even out a late or
     * descheduled thread, but every band streams all of the shared panels again. Measured on the 2-core VM, rounds
     * alternating: quiet, 64 beat 16 (the 8 products of a step 1.11x faster at batch 128, 1.04x at 1024; TN
     * 128 x 256 x 784 1.09x); only under heavy load from other processes did 16 do better.
     */
    static final int MIN_BAND_ROWS = 64;

    /**
     * Parts of the packing phase per thread. Each thread takes parts until none is left, so the last one to finish
     * is ahead of the other by at most one part: with 2 per thread the worker of a 128 x 784 x 256 product sat idle
     * for ~100 us (median) while the caller packed its last quarter. Measured on the 2-core VM (StepPhases, batch
     * 128, rounds alternating in one JVM): 8 per thread raised the worker's share of the parts from 48.0 to 49.5 %,
     * cut the caller's wait from 11.5 to 8.2 us per hand-off and the step from 1636 to 1579 us (medians of 15
     * rounds each).
     */
    static final int PACK_PARTS_PER_THREAD = 8;

    /** Tile scratch plus one MC x KC A block per band, 16-float (64-byte) aligned like the panels. */
    private static final int SLOT_FLOATS = roundUp(MR * NR + MC * AS, 16);

    private SharedPackGemm() {
    }

    /** Products with fewer multiply-adds than this stay on one thread (see {@link #fits}). */
    static final long MIN_MACS = GemmThreads.PARALLEL_MIN_MACS;

    /**
     * Whether a product runs here: two threads or more, at least {@link #MIN_MACS} multiply-adds and two tiles of
     * rows, and op(B) within {@link #MAX_PACKED_FLOATS}.
     */
    static boolean fits(int threads, int m, int n, int k) {
        return threads > 1 && m >= 2 * MR && n > 0 && k > 0 && (long) m * n * k >= MIN_MACS
                && (long) k * roundUp(n, NR) <= MAX_PACKED_FLOATS;
    }

    /** One reusable product per calling thread: its buffer survives from call to call. */
    private static final ThreadLocal<Product> PRODUCTS = ThreadLocal.withInitial(Product::new);

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} on up to {@code threads} threads (the contract of
     * {@link dev.jgrad.backend.Kernels#gemm}); the caller checked {@link #fits}. With one thread in the JVM the
     * parts simply all run on the caller.
     */
    static void gemm(int threads, boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (threads <= 1) {
            VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Product p = PRODUCTS.get();
        if (p.inUse) {
            p = new Product(); // a product started from inside a part on this thread: rare, never shared
        }
        int t = Math.min(threads, WorkerPool.MAX_PARTS);
        p.set(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, bands(t, m));
        try {
            p.packing = true;
            WorkerPool.run(p, Math.min(p.panelBlocks, Math.min(PACK_PARTS_PER_THREAD * t, WorkerPool.MAX_PARTS)));
            p.packing = false;
            WorkerPool.run(p, p.bands);
        } finally {
            p.clear();
        }
    }

    /** Row bands for t threads: t, or up to 4t while each keeps {@link #MIN_BAND_ROWS} rows (whole MR tiles). */
    static int bands(int t, int m) {
        int units = (m + MR - 1) / MR;
        int byRows = m / MIN_BAND_ROWS;
        return Math.min(Math.min(units, WorkerPool.MAX_PARTS), Math.max(t, Math.min(4 * t, byRows)));
    }

    /**
     * The arguments of one product and its buffer, as the {@link WorkerPool.Parts} of both phases ({@link #packing}
     * says which). Plain fields: the pool publishes them to a worker with its volatile hand-off.
     */
    private static final class Product implements WorkerPool.Parts {
        private float[] w = new float[0];
        private final int[] stridesA = new int[L];
        private final int[] stridesB = new int[L];
        private int stridesAOf = -1;
        private int stridesBOf = -1;
        private boolean inUse;
        private boolean packing;
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
        /** Steps of k per block, as the serial GEMM cuts them. */
        private int kc;
        private int kBlocks;
        /** Columns of op(B) rounded up to whole panels: the floats per k-step of the packed op(B). */
        private int nPad;
        private int panels;
        /** kBlocks x panels: the units the packing phase hands out. */
        private int panelBlocks;
        private int bands;
        /** Where the packed op(B) starts (64-byte aligned when the JVM allows) and where the bands' slots start. */
        private int packed;
        private int slots;

        void set(boolean transA, boolean transB, int m, int n, int k, float alpha,
                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                 float beta, float[] c, int cOff, int ldc, int bands) {
            this.inUse = true;
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
            this.bands = bands;
            kc = VectorGemm.depthBlock(k);
            kBlocks = (k + kc - 1) / kc;
            nPad = roundUp(n, NR);
            panels = nPad / NR;
            panelBlocks = kBlocks * panels;
            packed = VectorGemm.B_START;
            slots = packed + k * nPad; // nPad is a multiple of NR, so of 16 floats: the slots stay aligned
            int floats = Math.max(slots + bands * SLOT_FLOATS, VectorGemm.ALIGNMENT.minBufferFloats());
            if (w.length < floats) {
                w = new float[floats];
            }
            if (stridesAOf != lda) {
                VectorGemm.fillStrides(stridesA, lda);
                stridesAOf = lda;
            }
            if (stridesBOf != ldb) {
                VectorGemm.fillStrides(stridesB, ldb);
                stridesBOf = ldb;
            }
        }

        /** Drops the caller's arrays so an idle thread's product does not keep them alive; keeps the buffer. */
        void clear() {
            a = null;
            b = null;
            c = null;
            inUse = false;
        }

        @Override
        public void run(int part, int parts) {
            if (packing) {
                pack(part, parts);
            } else {
                band(part, parts);
            }
        }

        /** Packs units [part, part+1) x panelBlocks / parts: runs of panels of one k-block per packB call. */
        private void pack(int part, int parts) {
            int u = (int) ((long) panelBlocks * part / parts);
            int end = (int) ((long) panelBlocks * (part + 1) / parts);
            while (u < end) {
                int block = u / panels;
                int q0 = u % panels;
                int q1 = Math.min(panels, q0 + (end - u));
                int pc = block * kc;
                int kb = Math.min(kc, k - pc);
                int jc = q0 * NR;
                int nb = Math.min(n, q1 * NR) - jc;
                VectorGemm.packB(transB, b, bOff, ldb, pc, jc, kb, nb, w, packed + pc * nPad + jc * kb,
                        transB ? stridesB : null);
                u += q1 - q0;
            }
        }

        /**
         * Row band {@code part}: whole MR tiles of rows, cut into even blocks of at most MC rows; each block packs
         * its rows of op(A) per k-block into the band's slot and runs it against the shared panels, NC columns at a
         * time (a KC x NC piece of the panels stays in L2 while the block's A panels pass over it).
         */
        private void band(int part, int parts) {
            int units = (m + MR - 1) / MR;
            int r0 = (int) ((long) units * part / parts) * MR;
            int r1 = Math.min(m, (int) ((long) units * (part + 1) / parts) * MR);
            int tile = slots + part * SLOT_FLOATS;
            int aBlock = tile + MR * NR;
            int rows = r1 - r0;
            int blocks = (rows + MC - 1) / MC;
            int step = roundUp((rows + blocks - 1) / blocks, MR);
            for (int ic = r0; ic < r1; ic += step) {
                int mb = Math.min(step, r1 - ic);
                for (int pc = 0; pc < k; pc += kc) {
                    int kb = Math.min(kc, k - pc);
                    float betaNow = pc == 0 ? beta : 1f; // later k-blocks add onto what the first one stored
                    VectorGemm.packA(transA, a, aOff, lda, ic, pc, mb, kb, w, aBlock, transA ? stridesA : null);
                    int panelsOfBlock = packed + pc * nPad;
                    for (int jc = 0; jc < n; jc += NC) {
                        VectorGemm.block(w, aBlock, panelsOfBlock + jc * kb, tile, mb, Math.min(NC, n - jc), kb,
                                alpha, betaNow, c, cOff + ic * ldc + jc, ldc);
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }
}
