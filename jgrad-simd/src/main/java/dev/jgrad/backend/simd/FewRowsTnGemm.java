package dev.jgrad.backend.simd;


/**
 * TN GEMM (C = A^T B, A stored k x m) for C of at most 16 rows, on 8 lanes (AVX2), without packing: the weight
 * gradient of a narrow layer (784-256-128-10: dW[10 x 128] = dY[1024 x 10]^T X[1024 x 128], k the batch). The
 * packed path gathers dY's columns into panels and packs all of X (128K floats) for 10 multiply-adds per packed
 * element of X.
 *
 * <p>Here a {@link StridedTile#interleaved} tile of 5 rows of C by 16 columns stays in registers over all of k: per
 * step it loads 16 floats of a stored row of B and broadcasts 5 values of A, from a copy of A's columns interleaved
 * 5 per step (A is the small operand: 10K floats at batch 1024). Column blocks outermost,
 * so the row blocks of one column block (2 at m = 10) read the same strip of B (64
 * bytes of each row) one after the other, the second time from cache. A last block of fewer than 16 columns reads
 * B from a zero-padded copy of those columns.
 *
 * <p>Each C element is one chain of fused multiply-adds over k in order, then alpha and beta ({@link StridedTile}):
 * C does not depend on the column band a thread computes. Written for 8 lanes; the route uses it only there.
 */
final class FewRowsTnGemm {

    /** The most rows of C the route gives this kernel (it takes any m). */
    static final int MAX_M = 16;

    /**
     * Whether the route uses this kernel: at most {@link #MAX_M} rows of C. Measured against the route before
     * (SkinnyGemmAB: thread CPU time on one thread, wall time on two, 21 rounds alternating in one JVM, medians of the
     * per-round ratios, noisy 2-core AMD EPYC, launcher flags), 10 x k x 128 on one thread: JDK 17 k = 32 1.54x, 64
     * 1.35x, 128 1.27x, 256 1.39x, 512 1.29x, 1024 1.13x; JDK 25 1.77x, 1.56x, 1.59x, 1.44x, 1.37x, 1.10x. At k = 1024
     * X (512 KiB) no longer fits L2, and this kernel reads it 64 bytes per row, 512 bytes apart, which the prefetchers
     * follow worse than the packed path's row-by-row copy. On two threads (column bands from
     * {@link VectorKernels#SKINNY_PARALLEL_MIN_MACS}, each reading half of X's columns; wall time) against the route
     * before, which kept these products on one thread: k = 128 1.80x, 256 1.96x, 512 1.93x, 1024 1.66x. The 6-row
     * tile this kernel had first measured 0.84-1.05x at k = 1024 on one thread (JDK 17) and 0.84-0.93x at every k
     * on JDK 25 (see {@link StridedTile}).
     */
    static boolean routes(int m, int n, int k) {
        return m > 0 && m <= MAX_M && n > 0 && k > 0;
    }

    private FewRowsTnGemm() {
    }

    /** C = alpha * A^T * B + beta * C, A stored k x m, B stored k x n. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        KernelForms.require("FewRowsTnGemm", true, false, transA, transB);
        if (KernelForms.nothingToMultiply(m, n, k, beta, c, cOff, ldc)) {
            return;
        }
        StridedTile.Scratch scratch = StridedTile.scratch();
        int blocks = (m + StridedTile.MR - 1) / StridedTile.MR;
        int blockFloats = k * StridedTile.MR;
        float[] at = scratch.interleaved(blocks * blockFloats);
        for (int q = 0; q < blocks; q++) {
            int i = q * StridedTile.MR;
            StridedTile.interleave(a, aOff, lda, i, Math.min(StridedTile.MR, m - i), k, at, q * blockFloats);
        }
        for (int j = 0; j < n; j += StridedTile.NR) {
            int cols = Math.min(StridedTile.NR, n - j);
            float[] panel = b;
            int bi = bOff + j;
            int bStep = ldb;
            if (cols < StridedTile.NR) {
                panel = scratch.panel(k * StridedTile.NR);
                StridedTile.copyColumns(b, bOff, ldb, j, cols, k, panel, 0);
                bi = 0;
                bStep = StridedTile.NR;
            }
            for (int q = 0; q < blocks; q++) {
                int i = q * StridedTile.MR;
                int rows = Math.min(StridedTile.MR, m - i);
                int ci = cOff + i * ldc + j;
                if (StridedTile.direct(rows, StridedTile.MR, cols, alpha, beta)) {
                    StridedTile.interleaved(k, at, q * blockFloats, panel, bi, bStep, beta == 1f, c, ci, ldc);
                } else {
                    StridedTile.interleaved(k, at, q * blockFloats, panel, bi, bStep, false, scratch.tile, 0,
                            StridedTile.NR);
                    StridedTile.store(scratch.tile, rows, cols, alpha, beta, c, ci, ldc);
                }
            }
        }
    }
}
