package dev.jgrad.backend.simd;


/**
 * NT GEMM (C = X W^T: a batch of rows X through [out, in] weights W) for W of at most 16 rows, a classifier's last
 * layer (784-256-128-10: C = X[1024 x 128] W[10 x 128]^T), on 8 lanes (AVX2), without packing X. The packed
 * path packs all of X (128K floats at batch 1024) for only 10 multiply-adds per packed element, and its 16-column
 * B panel is the whole of C's width anyway.
 *
 * <p>Here W^T (k x 16 floats, zero past n: 8 KiB at k = 128) is the only thing copied, and X streams once from
 * where it is stored: a {@link StridedTile#rows} tile of 4 rows of X by the 16 columns broadcasts X's values from its stored
 * rows and loads W^T's two vectors per step. Columns past n are computed from the zeros and never written, so n
 * = 10 does 16 lanes of work for 10 columns of C: at most 10/16 of the FMA peak, where the packed path, with the same
 * 16-column panel, reached 14-20 GFLOPS because of its packing.
 *
 * <p>Each C element is one chain of fused multiply-adds over k in order, then alpha and beta ({@link StridedTile}):
 * C does not depend on the row band a thread computes. Written for 8 lanes; the route uses it only there.
 */
final class FewColumnsNtGemm {

    /** The most rows of W (columns of C): one tile's width. */
    static final int MAX_N = StridedTile.NR;

    /**
     * Whether the route uses this kernel: at most 16 columns, k at most {@link #MAX_K}, and more rows than
     * {@link RowPanelNtGemm#MAX_M}, or at least that many on two threads when the product is large enough to be split
     * ({@link VectorKernels#SKINNY_PARALLEL_MIN_MACS}). Measured against the route before (SkinnyGemmAB: thread CPU
     * time on one thread, wall time on two, 11-21 rounds alternating in one JVM, medians of the per-round ratios,
     * noisy 2-core AMD EPYC, launcher flags), m x 128 x 10 on one thread: JDK 17 1024 rows 1.53-1.97x, 512 1.51-1.79x,
     * 256 1.54-1.71x; JDK 25 1024 rows 2.19-2.22x, 512 1.86x. On two threads (row bands) against the two-thread route
     * before: 1024 rows 1.37-1.76x, 512 1.50-1.58x, 256 1.65-2.54x, 128 1.15-1.41x. Not taken: 128 rows on one thread
     * ({@link RowPanelNtGemm} stays faster, this kernel 0.79-0.97x), 64 rows on two (0.91x), 32 rows
     * ({@link SmallBatchNtGemm}, 0.84-0.96x); the dot-product kernel {@link FewRowsNtGemm} measured 1.25-1.38x over the
     * route before at 1024 rows, below this one.
     */
    static boolean routes(int m, int n, int k, int threads) {
        if (n <= 0 || n > MAX_N || k <= 0 || k > MAX_K) {
            return false;
        }
        return m > RowPanelNtGemm.MAX_M || m == RowPanelNtGemm.MAX_M && threads > 1
                && (long) m * n * k >= VectorKernels.SKINNY_PARALLEL_MIN_MACS;
    }

    /**
     * The deepest product routed here: W^T (k x 16 floats) then fits a 32 KiB L1 with room to spare, and it is read
     * once for every 4 rows of X. Only k = 128 was measured.
     */
    static final int MAX_K = 512;

    private FewColumnsNtGemm() {
    }

    /** C = alpha * X * W^T + beta * C, X stored m x k, W stored n x k (n at most {@link #MAX_N}). */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] x, int xOff, int ldx, float[] w, int wOff, int ldw,
                     float beta, float[] c, int cOff, int ldc) {
        KernelForms.require("FewColumnsNtGemm", false, true, transA, transB);
        if (n > MAX_N) {
            throw new IllegalArgumentException("FewColumnsNtGemm: n = " + n + " is more than " + MAX_N + " columns");
        }
        if (KernelForms.nothingToMultiply(m, n, k, beta, c, cOff, ldc)) {
            return;
        }
        StridedTile.Scratch scratch = StridedTile.scratch();
        float[] wt = scratch.panel(k * StridedTile.NR);
        transpose(w, wOff, ldw, n, k, wt);
        for (int i = 0; i < m; i += StridedTile.ROWS_MR) {
            int rows = Math.min(StridedTile.ROWS_MR, m - i);
            int x0 = xOff + i * ldx; // rows past m repeat the last one: computed, never written
            int x1 = xOff + (i + Math.min(1, rows - 1)) * ldx;
            int x2 = xOff + (i + Math.min(2, rows - 1)) * ldx;
            int x3 = xOff + (i + Math.min(3, rows - 1)) * ldx;
            int ci = cOff + i * ldc;
            if (StridedTile.direct(rows, StridedTile.ROWS_MR, n, alpha, beta)) {
                StridedTile.rows(k, x, x0, x1, x2, x3, wt, 0, beta == 1f, c, ci, ldc);
            } else {
                StridedTile.rows(k, x, x0, x1, x2, x3, wt, 0, false, scratch.tile, 0, StridedTile.NR);
                StridedTile.store(scratch.tile, rows, n, alpha, beta, c, ci, ldc);
            }
        }
    }

    /** wt[p * 16 + j] = w[wOff + j * ldw + p] for j < n, zero for j in [n, 16): W^T as one tile-wide panel. */
    static void transpose(float[] w, int wOff, int ldw, int n, int k, float[] wt) {
        for (int p = 0; p < k; p++) {
            for (int j = n; j < StridedTile.NR; j++) {
                wt[p * StridedTile.NR + j] = 0f;
            }
        }
        for (int j = 0; j < n; j++) {
            int src = wOff + j * ldw;
            for (int p = 0; p < k; p++) {
                wt[p * StridedTile.NR + j] = w[src + p];
            }
        }
    }
}
