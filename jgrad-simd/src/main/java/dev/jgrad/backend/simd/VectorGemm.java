package dev.jgrad.backend.simd;

import dev.jgrad.backend.SerialGemm;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The single-threaded Goto/BLIS-style GEMM behind {@link VectorKernels}.
 *
 * <p>Loops, outermost first: {@code NC} columns of C, {@code KC} steps of k (pack that KC x NC block of op(B)
 * into NR-wide panels, for L2), {@code MC} rows, then each MR-high panel of A (kept in L1) against every
 * NR-wide B panel in the register-tiled micro-kernel: MR x NV vectors of C held in registers, MR broadcasts
 * of A and NV loads of B per k-step, MR x NV fused multiply-adds. Measured on AVX-512 (Cascade Lake, thread
 * CPU time, kernel alone): 6 x 4 vectors (6 x 64 floats) ~105 GFLOPS, 12 x 2 ~104, 8 x 3 ~102, 8 x 2 ~94,
 * 14 x 2 ~78, 4 x 4 ~60. Unrolling the k-loop by hand made C2 spill and was slower.
 *
 * <p>A: stored m x k (not transposed) it is not packed at all: {@code microRows} broadcasts straight from its
 * MR rows, which are contiguous in k (packing cost 10-25 % at the benchmark shapes); a ragged last panel is
 * copied into MR zero-padded rows first. Stored k x m it is packed into MR-high panels for {@code micro}.
 * B is always packed (NT by a strip-wise transpose). So NN, TN, NT and TT share two kernels that differ only
 * in where the broadcasts come from. Padding makes edge tiles run the same kernels; every tile lands in a
 * small scratch buffer that is then merged into C (vector loop for full tiles, scalar for edges): no slow
 * path, no masks.
 */
final class VectorGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the register tile. */
    static final int MR = 6;
    /** Vectors per row of the register tile: MR x NV accumulators + NV B vectors + 1 broadcast fit in 32 zmm. */
    static final int NV = 4;
    /** Columns of the register tile. */
    static final int NR = NV * L;
    /** Depth of a packed block: one MR-high A panel (MR x KC floats = 6 KiB) stays in L1. */
    static final int KC = 256;
    /** Rows of A packed at a time (a multiple of MR): MC x KC floats = 120 KiB. */
    static final int MC = 120;
    /** Columns of B packed at a time: KC x NC floats = 512 KiB, streamed from L2 past each A panel. */
    static final int NC = 512;

    /**
     * Packing buffers per thread, grown when needed and then reused, so a steady training step allocates nothing
     * here. Safe because packing writes every element it later reads (padding included) and a thread never runs
     * two GEMMs at once; at most one A panel and one B panel (about 0.6 MB) stay alive per thread.
     */
    private static final ThreadLocal<float[][]> WORKSPACE = ThreadLocal.withInitial(() -> new float[3][0]);

    private VectorGemm() {
    }

    private static float[] workspace(int slot, int size) {
        float[][] w = WORKSPACE.get();
        if (w[slot].length < size) {
            w[slot] = new float[size];
        }
        return w[slot];
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            SerialGemm.scaleC(beta, c, cOff, ldc, m, n);
            return;
        }
        int kcMax = Math.min(k, KC);
        float[] ap = workspace(0, roundUp(Math.min(m, MC), MR) * kcMax);
        float[] bp = workspace(1, roundUp(Math.min(n, NC), NR) * kcMax);
        float[] tile = workspace(2, MR * NR);
        for (int jc = 0; jc < n; jc += NC) {
            int nb = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kb = Math.min(KC, k - pc);
                float betaNow = pc == 0 ? beta : 1f; // later k-blocks add onto what the first one stored
                packB(transB, b, bOff, ldb, pc, jc, kb, nb, bp);
                for (int ic = 0; ic < m; ic += MC) {
                    int mb = Math.min(MC, m - ic);
                    if (transA) {
                        packTransposedA(a, aOff, lda, ic, pc, mb, kb, ap);
                    }
                    for (int ir = 0; ir < mb; ir += MR) {
                        int mr = Math.min(MR, mb - ir);
                        for (int jr = 0; jr < nb; jr += NR) {
                            int nr = Math.min(NR, nb - jr);
                            int cIdx = cOff + (ic + ir) * ldc + jc + jr;
                            if (transA) {
                                micro(kb, ap, ir * kb, bp, jr * kb, tile);
                            } else if (mr == MR) {
                                // Rows of A stored m x k are already contiguous in k: read them in place.
                                microRows(kb, a, aOff + (ic + ir) * lda + pc, lda, bp, jr * kb, tile);
                            } else {
                                // A ragged last panel: copy its rows into MR zero-padded rows of ap and read
                                // them the same way (keeping micro() for packed panels only keeps the JIT
                                // profiles of the two kernels apart).
                                if (jr == 0) {
                                    copyRows(a, aOff + (ic + ir) * lda + pc, lda, mr, kb, ap);
                                }
                                microRows(kb, ap, 0, kb, bp, jr * kb, tile);
                            }
                            if (mr == MR && nr == NR) {
                                store(tile, alpha, betaNow, c, cIdx, ldc);
                            } else {
                                merge(tile, mr, nr, alpha, betaNow, c, cIdx, ldc);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A full tile: C[0..MR) x [0..NR) = alpha * tile + beta * C, where beta == 0 never reads C. */
    private static void store(float[] tile, float alpha, float beta, float[] c, int cIdx, int ldc) {
        for (int r = 0; r < MR; r++) {
            int row = cIdx + r * ldc;
            for (int v = 0; v < NV; v++) {
                FloatVector t = FloatVector.fromArray(S, tile, (r * NV + v) * L).mul(alpha);
                if (beta != 0f) {
                    t = FloatVector.fromArray(S, c, row + v * L).mul(beta).add(t);
                }
                t.intoArray(c, row + v * L);
            }
        }
    }

    /** An edge tile: C[0..mr) x [0..nr) = alpha * tile + beta * C, scalar (it is at most MR x NR elements). */
    private static void merge(float[] tile, int mr, int nr, float alpha, float beta, float[] c, int cIdx, int ldc) {
        for (int r = 0; r < mr; r++) {
            int row = cIdx + r * ldc;
            for (int j = 0; j < nr; j++) {
                float t = alpha * tile[r * NR + j]; // tile rows are NV vectors = NR floats apart
                c[row + j] = beta == 0f ? t : beta == 1f ? c[row + j] + t : beta * c[row + j] + t;
            }
        }
    }

    /**
     * Packs op(B)[pc..pc+kb, jc..jc+nb) into NR-wide panels: panel q holds bp[q*kb*NR + p*NR + j]. Columns past
     * nb are zero.
     */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int kb, int nb,
                              float[] bp) {
        for (int jr = 0; jr < nb; jr += NR) {
            int nr = Math.min(NR, nb - jr);
            int dst = jr * kb;
            if (!transB) {
                int src = bOff + pc * ldb + jc + jr;
                for (int p = 0; p < kb; p++, src += ldb, dst += NR) {
                    System.arraycopy(b, src, bp, dst, nr);
                    if (nr < NR) {
                        Arrays.fill(bp, dst + nr, dst + NR, 0f);
                    }
                }
            } else {
                // B stored n x k: each stored row is one packed column. Transpose in 16-deep strips so both
                // the rows read and the packed rows written stay in L1 (a whole column at a time thrashes it).
                for (int p0 = 0; p0 < kb; p0 += 16) {
                    int p1 = Math.min(kb, p0 + 16);
                    for (int j = 0; j < nr; j++) {
                        int src = bOff + (jc + jr + j) * ldb + pc;
                        for (int p = p0; p < p1; p++) {
                            bp[dst + p * NR + j] = b[src + p];
                        }
                    }
                }
                for (int j = nr; j < NR; j++) {
                    for (int p = 0; p < kb; p++) {
                        bp[dst + p * NR + j] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Packs op(A)[ic..ic+mb, pc..pc+kb) for A stored k x m (transposed) into MR-high panels: panel q holds
     * ap[q*kb*MR + p*MR + r]; rows past mb are zero. MR consecutive elements of a stored row are one k-step.
     */
    private static void packTransposedA(float[] a, int aOff, int lda, int ic, int pc, int mb, int kb, float[] ap) {
        for (int ir = 0; ir < mb; ir += MR) {
            int mr = Math.min(MR, mb - ir);
            int dst = ir * kb;
            int src = aOff + pc * lda + ic + ir;
            for (int p = 0; p < kb; p++, src += lda, dst += MR) {
                for (int r = 0; r < MR; r++) {
                    ap[dst + r] = r < mr ? a[src + r] : 0f;
                }
            }
        }
    }

    /** ap[r * kb + p] = a[src + r * lda + p] for r < mr, zero for mr <= r < MR. */
    private static void copyRows(float[] a, int src, int lda, int mr, int kb, float[] ap) {
        for (int r = 0; r < mr; r++) {
            System.arraycopy(a, src + r * lda, ap, r * kb, kb);
        }
        Arrays.fill(ap, mr * kb, MR * kb, 0f);
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    /** The 6 x 4-vector register tile: tile[6 x NR] = Apanel * Bpanel over kc steps. */
    private static void micro(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        // Accumulators start from FloatVector.zero inside the method: merging a static constant vector into
        // the loop phis stops C2 from keeping them in registers (every step would allocate).
        for (int p = 0; p < kc; p++) {
            // Indices derived from p itself (not running sums) let C2 hoist the bounds checks.
            int ai = aOff + p * MR;
            int bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
            FloatVector a4 = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            c43 = a4.fma(b3, c43);
            FloatVector a5 = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            c53 = a5.fma(b3, c53);
        }
        // Spill the tile to a small L1-resident buffer and merge it into C elsewhere: keeping the kernel
        // small lets C1 compile it too, which C2 needs to take over (a too-big method can stay in slow
        // C1 code, where every vector is a heap object).
        c00.intoArray(tile, 0 * L);
        c01.intoArray(tile, 1 * L);
        c02.intoArray(tile, 2 * L);
        c03.intoArray(tile, 3 * L);
        c10.intoArray(tile, 4 * L);
        c11.intoArray(tile, 5 * L);
        c12.intoArray(tile, 6 * L);
        c13.intoArray(tile, 7 * L);
        c20.intoArray(tile, 8 * L);
        c21.intoArray(tile, 9 * L);
        c22.intoArray(tile, 10 * L);
        c23.intoArray(tile, 11 * L);
        c30.intoArray(tile, 12 * L);
        c31.intoArray(tile, 13 * L);
        c32.intoArray(tile, 14 * L);
        c33.intoArray(tile, 15 * L);
        c40.intoArray(tile, 16 * L);
        c41.intoArray(tile, 17 * L);
        c42.intoArray(tile, 18 * L);
        c43.intoArray(tile, 19 * L);
        c50.intoArray(tile, 20 * L);
        c51.intoArray(tile, 21 * L);
        c52.intoArray(tile, 22 * L);
        c53.intoArray(tile, 23 * L);
    }

    /** {@link #micro} reading A in place: row r of the panel is a[aOff + r * lda + p], p < kc. */
    private static void microRows(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float[] tile) {
        int row0 = aOff;
        int row1 = aOff + 1 * lda;
        int row2 = aOff + 2 * lda;
        int row3 = aOff + 3 * lda;
        int row4 = aOff + 4 * lda;
        int row5 = aOff + 5 * lda;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        // Accumulators start from FloatVector.zero inside the method: merging a static constant vector into
        // the loop phis stops C2 from keeping them in registers (every step would allocate).
        for (int p = 0; p < kc; p++) {
            // Indices derived from p itself (not running sums) let C2 hoist the bounds checks.
            int bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[row0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, a[row1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, a[row2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, a[row3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
            FloatVector a4 = FloatVector.broadcast(S, a[row4 + p]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            c43 = a4.fma(b3, c43);
            FloatVector a5 = FloatVector.broadcast(S, a[row5 + p]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            c53 = a5.fma(b3, c53);
        }
        // Spill the tile to a small L1-resident buffer and merge it into C elsewhere: keeping the kernel
        // small lets C1 compile it too, which C2 needs to take over (a too-big method can stay in slow
        // C1 code, where every vector is a heap object).
        c00.intoArray(tile, 0 * L);
        c01.intoArray(tile, 1 * L);
        c02.intoArray(tile, 2 * L);
        c03.intoArray(tile, 3 * L);
        c10.intoArray(tile, 4 * L);
        c11.intoArray(tile, 5 * L);
        c12.intoArray(tile, 6 * L);
        c13.intoArray(tile, 7 * L);
        c20.intoArray(tile, 8 * L);
        c21.intoArray(tile, 9 * L);
        c22.intoArray(tile, 10 * L);
        c23.intoArray(tile, 11 * L);
        c30.intoArray(tile, 12 * L);
        c31.intoArray(tile, 13 * L);
        c32.intoArray(tile, 14 * L);
        c33.intoArray(tile, 15 * L);
        c40.intoArray(tile, 16 * L);
        c41.intoArray(tile, 17 * L);
        c42.intoArray(tile, 18 * L);
        c43.intoArray(tile, 19 * L);
        c50.intoArray(tile, 20 * L);
        c51.intoArray(tile, 21 * L);
        c52.intoArray(tile, 22 * L);
        c53.intoArray(tile, 23 * L);
    }
}
