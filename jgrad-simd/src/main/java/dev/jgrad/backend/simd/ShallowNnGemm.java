package dev.jgrad.backend.simd;

import dev.jgrad.backend.SerialGemm;

/**
 * NN GEMM with a short k (at most 16), on 8 lanes (AVX2), without packing: the input gradient of a narrow layer
 * (784-256-128-10: dX[1024 x 128] = dY[1024 x 10] W[10 x 128]). The packed path packs all of dY and W for 10
 * multiply-adds per element of C, and then writes C in 6 x 16 tiles after a 10-step loop, so packing was much of
 * the work.
 *
 * <p>Each row of C is a combination of B's k rows (5 KiB at 10 x 128: they stay in L1): a {@link StridedTile} of 6
 * rows of C by 16 columns broadcasts A's values from its stored rows and loads B's two vectors per step from B's
 * stored rows, rows of C outermost so A streams once and C is written once, in order. A last block of fewer than
 * 16 columns reads B from a zero-padded copy of those columns, so no load runs past B's rows.
 *
 * <p>Each C element is one chain of fused multiply-adds over k in order, then alpha and beta ({@link StridedTile}):
 * C does not depend on the row band a thread computes. Written for 8 lanes; the route uses it only there.
 */
final class ShallowNnGemm {

    /** The deepest product this kernel is meant for (the route's limit; the kernel itself takes any k). */
    static final int MAX_K = 16;

    private ShallowNnGemm() {
    }

    /** C = alpha * A * B + beta * C, A stored m x k, B stored k x n. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (transA || transB) {
            throw new IllegalArgumentException("ShallowNnGemm: both operands must be stored as used (NN), got"
                    + " transA=" + transA + " transB=" + transB);
        }
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            SerialGemm.scaleC(beta, c, cOff, ldc, m, n);
            return;
        }
        StridedTile.Scratch scratch = StridedTile.scratch();
        int blocks = (n + StridedTile.NR - 1) / StridedTile.NR;
        int blockFloats = k * StridedTile.NR;
        float[] panels = scratch.panel(blocks * blockFloats);
        for (int q = 0; q < blocks; q++) {
            int j = q * StridedTile.NR;
            StridedTile.copyColumns(b, bOff, ldb, j, Math.min(StridedTile.NR, n - j), k, panels, q * blockFloats);
        }
        for (int i = 0; i < m; i += StridedTile.ROWS_MR) {
            int rows = Math.min(StridedTile.ROWS_MR, m - i);
            int a0 = aOff + i * lda; // rows past m repeat the last one: computed, never written
            int a1 = aOff + (i + Math.min(1, rows - 1)) * lda;
            int a2 = aOff + (i + Math.min(2, rows - 1)) * lda;
            int a3 = aOff + (i + Math.min(3, rows - 1)) * lda;
            int q0 = 0;
            if (rows == StridedTile.ROWS_MR && alpha == 1f && (beta == 0f || beta == 1f)) {
                q0 = n / StridedTile.NR; // the whole tiles of the row block in one call, straight to C
                StridedTile.rowBlock(k, a, a0, a1, a2, a3, panels, 0, q0, blockFloats, beta == 1f, c,
                        cOff + i * ldc, ldc);
            }
            for (int q = q0; q < blocks; q++) {
                int j = q * StridedTile.NR;
                int cols = Math.min(StridedTile.NR, n - j);
                int ci = cOff + i * ldc + j;
                if (StridedTile.direct(rows, StridedTile.ROWS_MR, cols, alpha, beta)) {
                    StridedTile.rows(k, a, a0, a1, a2, a3, panels, q * blockFloats, beta == 1f, c, ci, ldc);
                } else {
                    StridedTile.rows(k, a, a0, a1, a2, a3, panels, q * blockFloats, false, scratch.tile, 0,
                            StridedTile.NR);
                    StridedTile.store(scratch.tile, rows, cols, alpha, beta, c, ci, ldc);
                }
            }
        }
    }
}
