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
        int nFull = n / StridedTile.NR * StridedTile.NR;
        int tailCols = n - nFull;
        float[] tail = scratch.panel(k);
        if (tailCols > 0) {
            StridedTile.copyColumns(b, bOff, ldb, nFull, tailCols, k, tail);
        }
        int[] o = scratch.offsets;
        for (int i = 0; i < m; i += StridedTile.MR) {
            int rows = Math.min(StridedTile.MR, m - i);
            StridedTile.rowOffsets(rows, lda, o);
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            for (int j = 0; j < nFull; j += StridedTile.NR) {
                if (StridedTile.direct(rows, StridedTile.NR, alpha, beta)) {
                    StridedTile.run(k, a, ai, 1, o[1], o[2], o[3], o[4], o[5], b, bOff + j, ldb, beta == 1f,
                            c, ci + j, ldc);
                } else {
                    StridedTile.run(k, a, ai, 1, o[1], o[2], o[3], o[4], o[5], b, bOff + j, ldb, false,
                            scratch.tile, 0, StridedTile.NR);
                    StridedTile.store(scratch.tile, rows, StridedTile.NR, alpha, beta, c, ci + j, ldc);
                }
            }
            if (tailCols > 0) {
                StridedTile.run(k, a, ai, 1, o[1], o[2], o[3], o[4], o[5], tail, 0, StridedTile.NR, false,
                        scratch.tile, 0, StridedTile.NR);
                StridedTile.store(scratch.tile, rows, tailCols, alpha, beta, c, ci + nFull, ldc);
            }
        }
    }
}
