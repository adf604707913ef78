package dev.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * NT GEMM (B stored n x k, a forward through [out, in] weights) for 5 to 11 rows of A (a small batch), without packing:
 * both operands are contiguous along k, so C[i][j] is a dot product of two stored rows. {@link VectorGemm}
 * would transpose all of B into panels for only a batch of rows of work, and {@link SmallRowsGemm} reads all
 * of B once per row of A.
 *
 * <p>A register tile of 2 rows of A by 4 rows of B (8 accumulators and 6 loads: 14 of AVX2's 16 registers)
 * walks k; the 4 rows of B (12.5 KiB at k = 784) stay in L1 while all rows of A stream past from L2, so B is
 * read from memory once per call. A 3 x 4 tile (12 + 4 registers) spilled 4 accumulators under C2's unrolling
 * and measured no faster once it did not. Written for 8 lanes (AVX2); the route uses it only there.
 *
 * <p>Every C element is summed the same way whichever tile (or thread band) computes it: vector fmas over the
 * whole 8-float chunks of k in order, the 8 lanes added in one fixed scalar order, then the k % 8 tail with
 * scalar fmas, then alpha and beta. So the result does not depend on the tiling, the band cut or the thread
 * count, and not on whether the JIT has compiled the kernel yet (the lanes are summed in plain Java, not with
 * {@code reduceLanes}, whose order the intrinsic does not promise).
 */
final class FewRowsNtGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    /** Rows of A per register tile. */
    static final int MR = 2;
    /** Rows of B per register tile. */
    static final int NR = 4;
    /**
     * Rows of A up to which the route uses this kernel (from {@link SmallBatchNtGemm#MIN_M} on, that one); also the
     * row unit it is banded with, so two threads always cut C by columns and each reads only its own rows of B.
     * Measured against the packed path (one thread, thread CPU time, alternating rounds, medians, busy 2-core Zen
     * 3): 5 x 784 x 256 2.5-2.9x, 8 x 784 x 256 1.8-2.3x, 16 x 784 x 256 1.1-1.3x faster; 32 x 784 x 256 0.9-1.14x
     * and 32 x 256 x 128 0.8-1.0x (A, 100 KiB, streams from L2 once per 4 rows of B), 64 x 784 x 256 0.8x. Against
     * {@link SmallBatchNtGemm} in the same way: 5 rows 2.1x, 8 rows 1.3x faster, 12 rows 0.9-1.05x, 13 rows
     * 0.83x, 14 rows 0.78x, 16 rows 0.67x.
     */
    static final int MAX_M = SmallBatchNtGemm.MIN_M - 1;
    /**
     * The k-loop's stride, always {@link #L}, read from a non-final field on purpose: with a constant stride C2
     * (JDK 17) unrolls the loop four times and hoists all its loads, which spilled accumulators to the stack
     * (seen with hsdis); with a stride it cannot fold it leaves one step per iteration and nothing spills.
     */
    private static int stride = L;

    private FewRowsNtGemm() {
    }

    /** C = alpha * A * B^T + beta * C, A stored as used (m x k), B stored n x k; matches {@code SerialGemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        KernelForms.require("FewRowsNtGemm", false, true, transA, transB);
        int kv = k / L * L;
        float[] lanes = new float[MR * NR * L];
        int j = 0;
        for (; j + NR <= n; j += NR) {
            int bRow = bOff + j * ldb;
            int i = 0;
            for (; i + MR <= m; i += MR) {
                tile2x4(kv, a, aOff + i * lda, lda, b, bRow, ldb, lanes);
                finish(MR, NR, k, kv, alpha, a, aOff + i * lda, lda, b, bRow, ldb, beta, c, cOff + i * ldc + j, ldc,
                        lanes);
            }
            for (; i < m; i++) {
                tile1x4(kv, a, aOff + i * lda, b, bRow, ldb, lanes);
                finish(1, NR, k, kv, alpha, a, aOff + i * lda, lda, b, bRow, ldb, beta, c, cOff + i * ldc + j, ldc,
                        lanes);
            }
        }
        for (; j < n; j++) {
            int bRow = bOff + j * ldb;
            for (int i = 0; i < m; i++) {
                tile1x1(kv, a, aOff + i * lda, b, bRow, lanes);
                finish(1, 1, k, kv, alpha, a, aOff + i * lda, lda, b, bRow, ldb, beta, c, cOff + i * ldc + j, ldc,
                        lanes);
            }
        }
    }

    /** The 8 vector sums of rows a0, a0+lda against B rows b0..b0+3 over k[0, kv), into lanes[(r * 4 + q) * 8 ..]. */
    private static void tile2x4(int kv, float[] a, int a0, int lda, float[] b, int b0, int ldb, float[] lanes) {
        int step = stride;
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S), s03 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S), s13 = FloatVector.zero(S);
        int a1 = a0 + lda;
        int b1 = b0 + ldb;
        int b2 = b1 + ldb;
        int b3 = b2 + ldb;
        for (int p = 0; p < kv; p += step) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            s00 = x0.fma(y0, s00);
            s10 = x1.fma(y0, s10);
            s01 = x0.fma(y1, s01);
            s11 = x1.fma(y1, s11);
            s02 = x0.fma(y2, s02);
            s12 = x1.fma(y2, s12);
            s03 = x0.fma(y3, s03);
            s13 = x1.fma(y3, s13);
        }
        s00.intoArray(lanes, 0);
        s01.intoArray(lanes, 8);
        s02.intoArray(lanes, 16);
        s03.intoArray(lanes, 24);
        s10.intoArray(lanes, 32);
        s11.intoArray(lanes, 40);
        s12.intoArray(lanes, 48);
        s13.intoArray(lanes, 56);
    }

    /** One row of A against B rows b0..b0+3: {@link #tile2x4} for the row left over (odd m). */
    private static void tile1x4(int kv, float[] a, int a0, float[] b, int b0, int ldb, float[] lanes) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
        int b1 = b0 + ldb;
        int b2 = b1 + ldb;
        int b3 = b2 + ldb;
        for (int p = 0; p < kv; p += L) {
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
            s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
            s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
        }
        s0.intoArray(lanes, 0);
        s1.intoArray(lanes, 8);
        s2.intoArray(lanes, 16);
        s3.intoArray(lanes, 24);
    }

    /** One row of A against one row of B, for the B rows left over after the blocks of 4. */
    private static void tile1x1(int kv, float[] a, int a0, float[] b, int b0, float[] lanes) {
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < kv; p += L) {
            s = FloatVector.fromArray(S, a, a0 + p).fma(FloatVector.fromArray(S, b, b0 + p), s);
        }
        s.intoArray(lanes, 0);
    }

    /**
     * Adds up each accumulator's 8 lanes in one fixed order, then the k % 8 tail, and writes
     * c = alpha * d + beta * c (beta == 0 never reads C). lanes holds rows x cols accumulators, row-major.
     */
    private static void finish(int rows, int cols, int k, int kv, float alpha, float[] a, int a0, int lda,
                               float[] b, int b0, int ldb, float beta, float[] c, int c0, int ldc, float[] lanes) {
        for (int r = 0; r < rows; r++) {
            int ar = a0 + r * lda;
            for (int q = 0; q < cols; q++) {
                int t = (r * cols + q) * L;
                float d = ((lanes[t] + lanes[t + 4]) + (lanes[t + 1] + lanes[t + 5]))
                        + ((lanes[t + 2] + lanes[t + 6]) + (lanes[t + 3] + lanes[t + 7]));
                int bq = b0 + q * ldb;
                for (int p = kv; p < k; p++) {
                    d = Math.fma(a[ar + p], b[bq + p], d);
                }
                int ci = c0 + r * ldc + q;
                c[ci] = beta == 0f ? alpha * d : alpha * d + beta * c[ci];
            }
        }
    }
}
