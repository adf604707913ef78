package dev.jgrad.backend.simd;

import static dev.jgrad.backend.simd.Transpose16.CLEAR0;
import static dev.jgrad.backend.simd.Transpose16.CLEAR1;
import static dev.jgrad.backend.simd.Transpose16.CLEAR2;
import static dev.jgrad.backend.simd.Transpose16.CLEAR3;
import static dev.jgrad.backend.simd.Transpose16.DOWN0;
import static dev.jgrad.backend.simd.Transpose16.DOWN1;
import static dev.jgrad.backend.simd.Transpose16.DOWN2;
import static dev.jgrad.backend.simd.Transpose16.DOWN3;
import static dev.jgrad.backend.simd.Transpose16.SET0;
import static dev.jgrad.backend.simd.Transpose16.SET1;
import static dev.jgrad.backend.simd.Transpose16.SET2;
import static dev.jgrad.backend.simd.Transpose16.SET3;
import static dev.jgrad.backend.simd.Transpose16.UP0;
import static dev.jgrad.backend.simd.Transpose16.UP1;
import static dev.jgrad.backend.simd.Transpose16.UP2;
import static dev.jgrad.backend.simd.Transpose16.UP3;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM for a few rows of op(A) (one sample's forward or input gradient) without packing: B is streamed once
 * per row of A, straight from where it is stored, so the product costs about one read of B. Packing it, as
 * {@link VectorGemm} does, would copy all of B (800 KiB for a 784 x 256 layer) to compute one row of C.
 *
 * <ul>
 *   <li>NT (B stored n x k, a forward through [out, in] weights): 16 rows of B at a time against a row of A,
 *       16 accumulators, then one reduction tree that leaves the 16 dot products in the 16 lanes of one vector
 *       (15 combines of two permutes, two blends and an add), stored with one vector write. A
 *       {@code reduceLanes} per row costs several times as many instructions: 1 x 128 x 128 took 3.1 us that
 *       way against 2.1, 1 x 64 x 64 1.0-1.5 against 0.5 (JDK 17, one thread, B in L2).</li>
 *   <li>NN (B stored k x n, an input gradient): 8 (then 4) vectors of a row of C held in registers while k
 *       rows of B stream past, so C is written once, and two threads cutting C by columns do not fight over a
 *       cache line on every row of B as they did with one axpy per row of B (1 x 128 x 128: 1.2 against
 *       3.5 us; 1 x 784 x 256 on two threads: 10 against 20-47 us).</li>
 * </ul>
 *
 * <p>op(A) must be stored as used (no transA); callers route the rest to {@link VectorGemm}.
 */
final class SmallRowsGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** The reduction tree is written for 16 lanes (AVX-512); narrower vectors use one reduction per row. */
    static final boolean TREE = L == 16;

    /** Vectors of C held in registers per NN block. */
    private static final int NN_VECTORS = 8;

    private SmallRowsGemm() {
    }

    /** C = alpha * op(A) * op(B) + beta * C for m rows of A stored as used; matches {@code SerialGemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (transA) {
            throw new IllegalArgumentException("SmallRowsGemm: op(A) must be stored as used");
        }
        for (int i = 0; i < m; i++) {
            if (transB) {
                nt(n, k, alpha, a, aOff + i * lda, b, bOff, ldb, beta, c, cOff + i * ldc);
            } else {
                nn(n, k, alpha, a, aOff + i * lda, b, bOff, ldb, beta, c, cOff + i * ldc);
            }
        }
    }

    // ---- NT: c[j] = alpha * dot(x, B row j) + beta * c[j] -------------------------------------------------

    private static void nt(int n, int k, float alpha, float[] x, int xOff, float[] b, int bOff, int ldb,
                           float beta, float[] c, int cOff) {
        int j = 0;
        if (TREE) {
            for (; j + 16 <= n; j += 16) {
                dot16(k, alpha, x, xOff, b, bOff + j * ldb, ldb, beta, c, cOff + j);
            }
        }
        for (; j + 4 <= n; j += 4) {
            dotRows4(x, xOff, b, bOff + j * ldb, ldb, k, alpha, beta, c, cOff + j);
        }
        for (; j < n; j++) {
            float d = VectorKernels.dotProduct(x, xOff, b, bOff + j * ldb, k); // the last rows, fewer than four
            c[cOff + j] = beta == 0f ? alpha * d : alpha * d + beta * c[cOff + j];
        }
    }

    /**
     * Four dot products at once (rows left over after the blocks of 16, or all rows on narrower vectors): four
     * independent fma chains share each load of x, then one {@code reduceLanes} per row.
     */
    private static void dotRows4(float[] x, int xOff, float[] b, int bRow, int ldb, int k, float alpha, float beta,
                                 float[] c, int cIdx) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S);
        FloatVector s3 = FloatVector.zero(S);
        int r1 = bRow + ldb;
        int r2 = bRow + 2 * ldb;
        int r3 = bRow + 3 * ldb;
        int i = 0;
        for (int bound = S.loopBound(k); i < bound; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xOff + i);
            s0 = xv.fma(FloatVector.fromArray(S, b, bRow + i), s0);
            s1 = xv.fma(FloatVector.fromArray(S, b, r1 + i), s1);
            s2 = xv.fma(FloatVector.fromArray(S, b, r2 + i), s2);
            s3 = xv.fma(FloatVector.fromArray(S, b, r3 + i), s3);
        }
        float d0 = s0.reduceLanes(VectorOperators.ADD);
        float d1 = s1.reduceLanes(VectorOperators.ADD);
        float d2 = s2.reduceLanes(VectorOperators.ADD);
        float d3 = s3.reduceLanes(VectorOperators.ADD);
        for (; i < k; i++) {
            float xi = x[xOff + i];
            d0 = Math.fma(xi, b[bRow + i], d0);
            d1 = Math.fma(xi, b[r1 + i], d1);
            d2 = Math.fma(xi, b[r2 + i], d2);
            d3 = Math.fma(xi, b[r3 + i], d3);
        }
        if (beta == 0f) {
            c[cIdx] = alpha * d0;
            c[cIdx + 1] = alpha * d1;
            c[cIdx + 2] = alpha * d2;
            c[cIdx + 3] = alpha * d3;
        } else {
            c[cIdx] = alpha * d0 + beta * c[cIdx];
            c[cIdx + 1] = alpha * d1 + beta * c[cIdx + 1];
            c[cIdx + 2] = alpha * d2 + beta * c[cIdx + 2];
            c[cIdx + 3] = alpha * d3 + beta * c[cIdx + 3];
        }
    }

    // Reduction tree: each combine of u and v leaves in every block's lower half the sums of u's lane pairs and in
    // its upper half those of v, the blocks halving from 16 lanes to 8, 4, 2 and 1 (the stages of Transpose16).
    private static final VectorSpecies<Float> S16 = Transpose16.S;

    /**
     * 16 dot products of x against the rows {@code bRow + q * ldb} of B, q < 16, into c[cIdx + q]. After the
     * tree, lane q holds row q's sum: stage 1 pairs rows q and q+8, stage 2 q and q+4, stage 3 q and q+2,
     * stage 4 rows 0 and 1 of what is left, and each stage keeps the lower row's partial sums in the lower
     * half of every block.
     */
    private static void dot16(int k, float alpha, float[] x, int xOff, float[] b, int bRow, int ldb, float beta,
                              float[] c, int cIdx) {
        FloatVector s0 = FloatVector.zero(S16), s1 = FloatVector.zero(S16), s2 = FloatVector.zero(S16), s3 = FloatVector.zero(S16);
        FloatVector s4 = FloatVector.zero(S16), s5 = FloatVector.zero(S16), s6 = FloatVector.zero(S16), s7 = FloatVector.zero(S16);
        FloatVector s8 = FloatVector.zero(S16), s9 = FloatVector.zero(S16), s10 = FloatVector.zero(S16), s11 = FloatVector.zero(S16);
        FloatVector s12 = FloatVector.zero(S16), s13 = FloatVector.zero(S16), s14 = FloatVector.zero(S16), s15 = FloatVector.zero(S16);
        int full = k / 16 * 16;
        for (int p = 0; p < full; p += 16) {
            FloatVector xv = FloatVector.fromArray(S16, x, xOff + p);
            int r = bRow + p;
            s0 = xv.fma(FloatVector.fromArray(S16, b, r), s0);
            s1 = xv.fma(FloatVector.fromArray(S16, b, r + ldb), s1);
            s2 = xv.fma(FloatVector.fromArray(S16, b, r + 2 * ldb), s2);
            s3 = xv.fma(FloatVector.fromArray(S16, b, r + 3 * ldb), s3);
            s4 = xv.fma(FloatVector.fromArray(S16, b, r + 4 * ldb), s4);
            s5 = xv.fma(FloatVector.fromArray(S16, b, r + 5 * ldb), s5);
            s6 = xv.fma(FloatVector.fromArray(S16, b, r + 6 * ldb), s6);
            s7 = xv.fma(FloatVector.fromArray(S16, b, r + 7 * ldb), s7);
            s8 = xv.fma(FloatVector.fromArray(S16, b, r + 8 * ldb), s8);
            s9 = xv.fma(FloatVector.fromArray(S16, b, r + 9 * ldb), s9);
            s10 = xv.fma(FloatVector.fromArray(S16, b, r + 10 * ldb), s10);
            s11 = xv.fma(FloatVector.fromArray(S16, b, r + 11 * ldb), s11);
            s12 = xv.fma(FloatVector.fromArray(S16, b, r + 12 * ldb), s12);
            s13 = xv.fma(FloatVector.fromArray(S16, b, r + 13 * ldb), s13);
            s14 = xv.fma(FloatVector.fromArray(S16, b, r + 14 * ldb), s14);
            s15 = xv.fma(FloatVector.fromArray(S16, b, r + 15 * ldb), s15);
        }
        // The tree written out: a helper method taking vectors may be compiled on its own and then not inlined
        // ("already compiled into a big method"), and every vector passed to it would be boxed.
        FloatVector t0 = s0.blend(s8.rearrange(DOWN0), SET0).add(s8.blend(s0.rearrange(UP0), CLEAR0));
        FloatVector t1 = s1.blend(s9.rearrange(DOWN0), SET0).add(s9.blend(s1.rearrange(UP0), CLEAR0));
        FloatVector t2 = s2.blend(s10.rearrange(DOWN0), SET0).add(s10.blend(s2.rearrange(UP0), CLEAR0));
        FloatVector t3 = s3.blend(s11.rearrange(DOWN0), SET0).add(s11.blend(s3.rearrange(UP0), CLEAR0));
        FloatVector t4 = s4.blend(s12.rearrange(DOWN0), SET0).add(s12.blend(s4.rearrange(UP0), CLEAR0));
        FloatVector t5 = s5.blend(s13.rearrange(DOWN0), SET0).add(s13.blend(s5.rearrange(UP0), CLEAR0));
        FloatVector t6 = s6.blend(s14.rearrange(DOWN0), SET0).add(s14.blend(s6.rearrange(UP0), CLEAR0));
        FloatVector t7 = s7.blend(s15.rearrange(DOWN0), SET0).add(s15.blend(s7.rearrange(UP0), CLEAR0));
        FloatVector u0 = t0.blend(t4.rearrange(DOWN1), SET1).add(t4.blend(t0.rearrange(UP1), CLEAR1));
        FloatVector u1 = t1.blend(t5.rearrange(DOWN1), SET1).add(t5.blend(t1.rearrange(UP1), CLEAR1));
        FloatVector u2 = t2.blend(t6.rearrange(DOWN1), SET1).add(t6.blend(t2.rearrange(UP1), CLEAR1));
        FloatVector u3 = t3.blend(t7.rearrange(DOWN1), SET1).add(t7.blend(t3.rearrange(UP1), CLEAR1));
        FloatVector v0 = u0.blend(u2.rearrange(DOWN2), SET2).add(u2.blend(u0.rearrange(UP2), CLEAR2));
        FloatVector v1 = u1.blend(u3.rearrange(DOWN2), SET2).add(u3.blend(u1.rearrange(UP2), CLEAR2));
        FloatVector sums = v0.blend(v1.rearrange(DOWN3), SET3).add(v1.blend(v0.rearrange(UP3), CLEAR3));
        if (alpha != 1f) {
            sums = sums.mul(alpha);
        }
        if (beta != 0f) {
            sums = FloatVector.fromArray(S16, c, cIdx).mul(beta).add(sums);
        }
        sums.intoArray(c, cIdx);
        for (int q = 0; q < 16 && full < k; q++) {
            int r = bRow + q * ldb;
            float t = 0f;
            for (int p = full; p < k; p++) {
                t = Math.fma(x[xOff + p], b[r + p], t);
            }
            c[cIdx + q] += alpha * t;
        }
    }

    // ---- NN: c[j] = alpha * sum_p x[p] * B[p, j] + beta * c[j] ---------------------------------------------

    private static void nn(int n, int k, float alpha, float[] x, int xOff, float[] b, int bOff, int ldb,
                           float beta, float[] c, int cOff) {
        int j = 0;
        for (; j + NN_VECTORS * L <= n; j += NN_VECTORS * L) {
            nn8(k, alpha, x, xOff, b, bOff + j, ldb, beta, c, cOff + j);
        }
        if (j + 4 * L <= n) {
            nn4(k, alpha, x, xOff, b, bOff + j, ldb, beta, c, cOff + j);
            j += 4 * L;
        }
        for (; j + L <= n; j += L) {
            FloatVector s = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                s = FloatVector.broadcast(S, x[xOff + p]).fma(FloatVector.fromArray(S, b, bOff + p * ldb + j), s);
            }
            store(s, alpha, beta, c, cOff + j);
        }
        if (j < n) {
            // The last columns, fewer than a vector: C's row segment is updated in place, one row of B at a time.
            int ci = cOff + j;
            int len = n - j;
            if (beta == 0f) {
                Arrays.fill(c, ci, ci + len, 0f); // beta = 0 ignores C, NaN included
            } else if (beta != 1f) {
                for (int q = 0; q < len; q++) {
                    c[ci + q] *= beta;
                }
            }
            for (int p = 0; p < k; p++) {
                float ax = alpha * x[xOff + p];
                int bi = bOff + p * ldb + j;
                for (int q = 0; q < len; q++) {
                    c[ci + q] += ax * b[bi + q];
                }
            }
        }
    }

    /** c[cIdx .. cIdx + 8L) from 8 accumulators, one broadcast of x and 8 loads of B per row of B. */
    private static void nn8(int k, float alpha, float[] x, int xOff, float[] b, int bCol, int ldb, float beta,
                            float[] c, int cIdx) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
        FloatVector s4 = FloatVector.zero(S), s5 = FloatVector.zero(S), s6 = FloatVector.zero(S), s7 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector xp = FloatVector.broadcast(S, x[xOff + p]);
            int r = bCol + p * ldb;
            s0 = xp.fma(FloatVector.fromArray(S, b, r), s0);
            s1 = xp.fma(FloatVector.fromArray(S, b, r + L), s1);
            s2 = xp.fma(FloatVector.fromArray(S, b, r + 2 * L), s2);
            s3 = xp.fma(FloatVector.fromArray(S, b, r + 3 * L), s3);
            s4 = xp.fma(FloatVector.fromArray(S, b, r + 4 * L), s4);
            s5 = xp.fma(FloatVector.fromArray(S, b, r + 5 * L), s5);
            s6 = xp.fma(FloatVector.fromArray(S, b, r + 6 * L), s6);
            s7 = xp.fma(FloatVector.fromArray(S, b, r + 7 * L), s7);
        }
        store(s0, alpha, beta, c, cIdx);
        store(s1, alpha, beta, c, cIdx + L);
        store(s2, alpha, beta, c, cIdx + 2 * L);
        store(s3, alpha, beta, c, cIdx + 3 * L);
        store(s4, alpha, beta, c, cIdx + 4 * L);
        store(s5, alpha, beta, c, cIdx + 5 * L);
        store(s6, alpha, beta, c, cIdx + 6 * L);
        store(s7, alpha, beta, c, cIdx + 7 * L);
    }

    /** c[cIdx .. cIdx + 4L): {@link #nn8} with 4 accumulators, for the columns left after the blocks of 8. */
    private static void nn4(int k, float alpha, float[] x, int xOff, float[] b, int bCol, int ldb, float beta,
                            float[] c, int cIdx) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector xp = FloatVector.broadcast(S, x[xOff + p]);
            int r = bCol + p * ldb;
            s0 = xp.fma(FloatVector.fromArray(S, b, r), s0);
            s1 = xp.fma(FloatVector.fromArray(S, b, r + L), s1);
            s2 = xp.fma(FloatVector.fromArray(S, b, r + 2 * L), s2);
            s3 = xp.fma(FloatVector.fromArray(S, b, r + 3 * L), s3);
        }
        store(s0, alpha, beta, c, cIdx);
        store(s1, alpha, beta, c, cIdx + L);
        store(s2, alpha, beta, c, cIdx + 2 * L);
        store(s3, alpha, beta, c, cIdx + 3 * L);
    }

    /** c[cIdx .. cIdx + L) = alpha * s + beta * c (beta == 0 never reads C). */
    private static void store(FloatVector s, float alpha, float beta, float[] c, int cIdx) {
        if (alpha != 1f) {
            s = s.mul(alpha);
        }
        if (beta != 0f) {
            s = FloatVector.fromArray(S, c, cIdx).mul(beta).add(s);
        }
        s.intoArray(c, cIdx);
    }
}
