package dev.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;

/**
 * Not routed, kept with its measurements as the tried alternative (as {@link ColumnBandGemm}): slower than the packed
 * path. Against the route before (SkinnyGemmAB: thread CPU time, 11 rounds alternating in one JVM, medians of the
 * per-round ratios, noisy 2-core AMD EPYC, JDK 17, launcher flags), m x 10 x 128: one thread 1024 rows 0.63-0.91x,
 * 128 rows 0.64-0.89x, 32 rows 0.62-1.09x; row bands on two threads against the shared packing 0.60-0.92x. With
 * k = 10 the packed path's packing is cheap (dY is 10K floats, W 1280) and its 6 x 2 tile does 12 fused
 * multiply-adds per step against this 4 x 2 tile's 8; the 6-row tile over stored rows does not fit the registers
 * once C2 hoists its broadcasts ({@link StridedTile}). Also tried: dY's rows interleaved 5 at a time and W read in place
 * by {@link StridedTile#interleaved} (the packed path's tile minus a row, without packing W): 0.85-0.88x from 128 rows
 * up, 0.95-1.08x at 32-64 rows.
 *
 * <p>NN GEMM with a short k (at most 16), on 8 lanes (AVX2), without packing A: the input gradient of a narrow
 * layer (784-256-128-10: dX[1024 x 128] = dY[1024 x 10] W[10 x 128]). Each row of C is a combination of B's k rows:
 * B is copied into 16-column panels (k x 16 floats each, 5 KiB in all at 10 x 128, kept in L1), and a
 * {@link StridedTile#rows} tile of 4 rows of C broadcasts A's values from its stored rows, all the column blocks of
 * a row block in one call ({@link #rowBlock}), rows of C outermost so A streams once and C is written
 * once, in order.
 *
 * <p>Each C element is one chain of fused multiply-adds over k in order, then alpha and beta ({@link StridedTile}):
 * C does not depend on the row band a thread computes. Written for 8 lanes.
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
        KernelForms.require("ShallowNnGemm", false, false, transA, transB);
        if (KernelForms.nothingToMultiply(m, n, k, beta, c, cOff, ldc)) {
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
                rowBlock(k, a, a0, a1, a2, a3, panels, 0, q0, blockFloats, beta == 1f, c,
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

    /**
     * {@link StridedTile#rows} for {@code blocks} tiles side by side along C's row: tile q reads its panel at
     * {@code p0 + q * blockFloats} and writes C from {@code cIdx + q * 16}. One call for a whole row block, since with
     * k = 10 a tile is only 80 fused multiply-adds: 0.77-0.79x of the route before with a call per tile, 0.86-0.91x
     * this way (one noisy comparison each).
     */
    private static void rowBlock(int steps, float[] a, int r0, int r1, int r2, int r3, float[] panel, int p0,
                                 int blocks, int blockFloats, boolean accumulate, float[] c, int cIdx, int ldc) {
        for (int q = 0; q < blocks; q++) {
            int p = p0 + q * blockFloats;
            int ci = cIdx + q * StridedTile.NR;
            FloatVector c00 = FloatVector.zero(StridedTile.S), c01 = FloatVector.zero(StridedTile.S);
            FloatVector c10 = FloatVector.zero(StridedTile.S), c11 = FloatVector.zero(StridedTile.S);
            FloatVector c20 = FloatVector.zero(StridedTile.S), c21 = FloatVector.zero(StridedTile.S);
            FloatVector c30 = FloatVector.zero(StridedTile.S), c31 = FloatVector.zero(StridedTile.S);
            for (int s = 0; s < steps; s++) {
                FloatVector b0 = FloatVector.fromArray(StridedTile.S, panel, p + s * StridedTile.NR);
                FloatVector b1 = FloatVector.fromArray(StridedTile.S, panel, p + s * StridedTile.NR + StridedTile.L);
                FloatVector a0 = FloatVector.broadcast(StridedTile.S, a[r0 + s]);
                c00 = a0.fma(b0, c00);
                c01 = a0.fma(b1, c01);
                FloatVector a1 = FloatVector.broadcast(StridedTile.S, a[r1 + s]);
                c10 = a1.fma(b0, c10);
                c11 = a1.fma(b1, c11);
                FloatVector a2 = FloatVector.broadcast(StridedTile.S, a[r2 + s]);
                c20 = a2.fma(b0, c20);
                c21 = a2.fma(b1, c21);
                FloatVector a3 = FloatVector.broadcast(StridedTile.S, a[r3 + s]);
                c30 = a3.fma(b0, c30);
                c31 = a3.fma(b1, c31);
            }
            int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
            if (accumulate) {
                c00 = c00.add(FloatVector.fromArray(StridedTile.S, c, ci));
                c01 = c01.add(FloatVector.fromArray(StridedTile.S, c, ci + StridedTile.L));
                c10 = c10.add(FloatVector.fromArray(StridedTile.S, c, c1));
                c11 = c11.add(FloatVector.fromArray(StridedTile.S, c, c1 + StridedTile.L));
                c20 = c20.add(FloatVector.fromArray(StridedTile.S, c, c2));
                c21 = c21.add(FloatVector.fromArray(StridedTile.S, c, c2 + StridedTile.L));
                c30 = c30.add(FloatVector.fromArray(StridedTile.S, c, c3));
                c31 = c31.add(FloatVector.fromArray(StridedTile.S, c, c3 + StridedTile.L));
            }
            c00.intoArray(c, ci);
            c01.intoArray(c, ci + StridedTile.L);
            c10.intoArray(c, c1);
            c11.intoArray(c, c1 + StridedTile.L);
            c20.intoArray(c, c2);
            c21.intoArray(c, c2 + StridedTile.L);
            c30.intoArray(c, c3);
            c31.intoArray(c, c3 + StridedTile.L);
        }
    }
}
