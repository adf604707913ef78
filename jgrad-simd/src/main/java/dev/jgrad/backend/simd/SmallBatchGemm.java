package dev.jgrad.backend.simd;

import dev.jgrad.backend.SerialGemm;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM for a small batch (a few dozen rows of the activations) on 8 lanes (AVX2) that never packs the large
 * operand, the weights. {@link VectorGemm} packs both operands, which at 32 rows means copying all of a 784 x 256
 * weight matrix for 32 multiply-adds per copied element. Here only the small operand is rearranged, and the
 * 6 x 2-vector register tile of {@link VectorGemm} (12 accumulators, 2 vector loads and 6 broadcasts per k-step)
 * reads the weights where they are stored:
 *
 * <ul>
 *   <li>NT (C = X W^T, a forward through [out, in] weights): computed as C^T = W X^T. The rows of X are
 *       transposed into 16-lane panels (X^T is k x m: 100 KiB at 32 x 784), six rows of W are broadcast straight
 *       from their stored rows (kept in L1 while every X^T panel streams past from L2), and each 6 x 16 tile of
 *       C^T is written to C transposed.</li>
 *   <li>NN (C = dY W, an input gradient) and TN (C = dY^T X, a weight gradient): op(A), the small operand, is
 *       packed interleaved (six values per step, one stream, as {@link VectorGemm} packs it), and each k-step
 *       loads two vectors straight from a stored row of B (a ragged last column panel is copied out, padded).</li>
 * </ul>
 *
 * <p>Every C element is one chain of fused multiply-adds over k in order, in one vector lane, then alpha and beta:
 * no k-blocks, no horizontal sums. So C does not depend on the tiling, the padding, the band cut or the thread
 * count. Written for 8 lanes; the route uses it only there.
 */
final class SmallBatchGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    /** Rows of the register tile: rows of W (NT) or of op(A) (NN, TN). */
    static final int MR = 6;
    /** Columns of the register tile, two vectors: rows of X (NT) or columns of B (NN, TN). */
    static final int NR = 2 * L;

    /** One growing workspace per thread (packed operand, edge panel, tile); a steady step allocates nothing. */
    private static final ThreadLocal<float[][]> WORKSPACE = ThreadLocal.withInitial(() -> new float[1][0]);

    /** Always 1; see broadcastRows. */
    private static int unit = 1;

    private SmallBatchGemm() {
    }

    /** C = alpha * op(A) * op(B) + beta * C for NN, NT and TN; matches {@code SerialGemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (transA && transB) {
            throw new IllegalArgumentException("SmallBatchGemm: NN, NT or TN only, got transA=true transB=true");
        }
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            SerialGemm.scaleC(beta, c, cOff, ldc, m, n);
            return;
        }
        if (transB) {
            nt(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            rowsOfB(transA, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    private static float[] workspace(int floats) {
        float[][] holder = WORKSPACE.get();
        if (holder[0].length < floats) {
            holder[0] = new float[floats];
        }
        return holder[0];
    }

    // ---- NT: C^T = W X^T, X transposed into panels, W broadcast from its stored rows ---------------------------

    private static void nt(int m, int n, int k, float alpha, float[] x, int xOff, int ldx, float[] wt, int wOff,
                           int ldw, float beta, float[] c, int cOff, int ldc) {
        int panels = (m + NR - 1) / NR;
        int panelFloats = k * NR;
        int tile = panels * panelFloats;
        float[] ws = workspace(tile + 8 * NR);
        for (int q = 0; q < panels; q++) {
            packTransposed(x, xOff + q * NR * ldx, ldx, Math.min(NR, m - q * NR), k, ws, q * panelFloats);
        }
        for (int j0 = 0; j0 < n; j0 += MR) {
            int rows = Math.min(MR, n - j0);
            int r0 = wOff + j0 * ldw;
            // Rows past n repeat the last row: computed, never written.
            int r1 = wOff + (j0 + Math.min(1, rows - 1)) * ldw;
            int r2 = wOff + (j0 + Math.min(2, rows - 1)) * ldw;
            int r3 = wOff + (j0 + Math.min(3, rows - 1)) * ldw;
            int r4 = wOff + (j0 + Math.min(4, rows - 1)) * ldw;
            int r5 = wOff + (j0 + Math.min(5, rows - 1)) * ldw;
            for (int q = 0; q < panels; q++) {
                if (ROWS4) {
                    broadcastRows4(k, wt, r0, r1, r2, r3, ws, q * panelFloats, tile);
                    if (rows > 4) {
                        broadcastRows4(k, wt, r4, r5, r5, r5, ws, q * panelFloats, tile + 4 * NR);
                    }
                } else {
                broadcastRows(k, wt, r0, r1, r2, r3, r4, r5, ws, q * panelFloats, tile);
                }
                storeTransposed(ws, tile, rows, Math.min(NR, m - q * NR), alpha, beta, c, cOff + q * NR * ldc + j0, ldc);
            }
        }
    }

    /**
     * Panel of up to 16 rows of X, transposed: ws[dst + p * NR + l] = x[src + l * ldx + p] for l < rows, zero for
     * the lanes past them. Full 8 x 8 blocks turn around in registers ({@link Transpose8}).
     */
    static void packTransposed(float[] x, int src, int ldx, int rows, int k, float[] ws, int dst) {
        int full = rows / L * L;
        int kFull = k / L * L;
        for (int l0 = 0; l0 < full; l0 += L) {
            for (int p = 0; p < kFull; p += L) {
                Transpose8.transpose(x, src + l0 * ldx + p, ldx, ws, dst + p * NR + l0, NR);
            }
            for (int p = kFull; p < k; p++) {
                for (int l = l0; l < l0 + L; l++) {
                    ws[dst + p * NR + l] = x[src + l * ldx + p];
                }
            }
        }
        for (int p = 0; p < k; p++) {
            int d = dst + p * NR;
            for (int l = full; l < NR; l++) {
                ws[d + l] = l < rows ? x[src + l * ldx + p] : 0f;
            }
        }
    }

    /**
     * The 6 x 2-vector tile of C^T: ws[tile + r * NR + l] = sum over p of w[r_r + p] * ws[panel + p * NR + l].
     */
    static void broadcastRows(int k, float[] w, int r0, int r1, int r2, int r3, int r4, int r5,
                                      float[] ws, int panel, int tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        int step = unit;
        for (int p = 0; p < k; p += step) {
            int bi = panel + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, ws, bi);
            FloatVector b1 = FloatVector.fromArray(S, ws, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, w[r0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, w[r1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, w[r2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, w[r3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, w[r4 + p]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, w[r5 + p]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        c00.intoArray(ws, tile);
        c01.intoArray(ws, tile + L);
        c10.intoArray(ws, tile + 2 * L);
        c11.intoArray(ws, tile + 3 * L);
        c20.intoArray(ws, tile + 4 * L);
        c21.intoArray(ws, tile + 5 * L);
        c30.intoArray(ws, tile + 6 * L);
        c31.intoArray(ws, tile + 7 * L);
        c40.intoArray(ws, tile + 8 * L);
        c41.intoArray(ws, tile + 9 * L);
        c50.intoArray(ws, tile + 10 * L);
        c51.intoArray(ws, tile + 11 * L);
    }

    static boolean ROWS4 = Boolean.getBoolean("rows4");

    static void broadcastRows4(int k, float[] w, int r0, int r1, int r2, int r3,
                                      float[] ws, int panel, int tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bi = panel + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, ws, bi);
            FloatVector b1 = FloatVector.fromArray(S, ws, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, w[r0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, w[r1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, w[r2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, w[r3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(ws, tile);
        c01.intoArray(ws, tile + L);
        c10.intoArray(ws, tile + 2 * L);
        c11.intoArray(ws, tile + 3 * L);
        c20.intoArray(ws, tile + 4 * L);
        c21.intoArray(ws, tile + 5 * L);
        c30.intoArray(ws, tile + 6 * L);
        c31.intoArray(ws, tile + 7 * L);
    }

    /** C[l][r] = alpha * tile[r][l] + beta * C[l][r] for r < rows (of W), l < cols (rows of X). */
    static void storeTransposed(float[] ws, int tile, int rows, int cols, float alpha, float beta,
                                        float[] c, int cIdx, int ldc) {
        for (int l = 0; l < cols; l++) {
            int row = cIdx + l * ldc;
            for (int r = 0; r < rows; r++) {
                float t = alpha == 1f ? ws[tile + r * NR + l] : ws[tile + r * NR + l] * alpha;
                c[row + r] = beta == 0f ? t : c[row + r] * beta + t;
            }
        }
    }

    // ---- NN and TN: op(A) packed interleaved, B read from its stored rows --------------------------------------

    private static void rowsOfB(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        int mPad = (m + MR - 1) / MR * MR;
        int edge = mPad * k;
        int tile = edge + k * NR;
        float[] ws = workspace(tile + MR * NR);
        packInterleaved(transA, a, aOff, lda, m, k, ws);
        for (int j0 = 0; j0 < n; j0 += NR) {
            int cols = Math.min(NR, n - j0);
            float[] bs = b;
            int bp = bOff + j0;
            int bld = ldb;
            if (cols < NR) {
                // The ragged last panel, copied and padded so the kernel never reads past a stored row.
                for (int p = 0; p < k; p++) {
                    for (int j = 0; j < NR; j++) {
                        ws[edge + p * NR + j] = j < cols ? b[bOff + p * ldb + j0 + j] : 0f;
                    }
                }
                bs = ws;
                bp = edge;
                bld = NR;
            }
            for (int i0 = 0; i0 < m; i0 += MR) {
                rowsOfBTile(k, ws, i0 * k, bs, bp, bld, tile);
                int rows = Math.min(MR, m - i0);
                int cIdx = cOff + i0 * ldc + j0;
                if (rows == MR && cols == NR) {
                    store(ws, tile, alpha, beta, c, cIdx, ldc);
                } else {
                    merge(ws, tile, rows, cols, alpha, beta, c, cIdx, ldc);
                }
            }
        }
    }

    /**
     * op(A) (m x k) into MR-row panels, each interleaved: ws[q * MR * k + p * MR + r] = op(A)[q * MR + r][p],
     * zero for rows past m.
     */
    static void packInterleaved(boolean transA, float[] a, int aOff, int lda, int m, int k, float[] ws) {
        for (int i0 = 0; i0 < m; i0 += MR) {
            int rows = Math.min(MR, m - i0);
            int dst = i0 * k;
            if (transA) {
                // A stored k x m: the MR values of step p are adjacent in stored row p.
                for (int p = 0; p < k; p++) {
                    int s = aOff + p * lda + i0;
                    int d = dst + p * MR;
                    for (int r = 0; r < MR; r++) {
                        ws[d + r] = r < rows ? a[s + r] : 0f;
                    }
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    int s = aOff + (i0 + r) * lda;
                    for (int p = 0; p < k; p++) {
                        ws[dst + p * MR + r] = r < rows ? a[s + p] : 0f;
                    }
                }
            }
        }
    }

    /**
     * The 6 x 2-vector tile: ws[tile + r * NR + j] = sum over p of ws[ap + p * MR + r] * b[bp + p * ldb + j].
     */
    static void rowsOfBTile(int k, float[] ws, int ap, float[] b, int bp, int ldb, int tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int ai = ap + p * MR;
            int bi = bp + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, ws[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ws[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ws[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ws[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, ws[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, ws[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        c00.intoArray(ws, tile);
        c01.intoArray(ws, tile + L);
        c10.intoArray(ws, tile + 2 * L);
        c11.intoArray(ws, tile + 3 * L);
        c20.intoArray(ws, tile + 4 * L);
        c21.intoArray(ws, tile + 5 * L);
        c30.intoArray(ws, tile + 6 * L);
        c31.intoArray(ws, tile + 7 * L);
        c40.intoArray(ws, tile + 8 * L);
        c41.intoArray(ws, tile + 9 * L);
        c50.intoArray(ws, tile + 10 * L);
        c51.intoArray(ws, tile + 11 * L);
    }

    /** A full tile: C[0..MR) x [0..NR) = alpha * tile + beta * C, where beta == 0 never reads C. */
    private static void store(float[] ws, int tile, float alpha, float beta, float[] c, int cIdx, int ldc) {
        for (int r = 0; r < MR; r++) {
            int row = cIdx + r * ldc;
            for (int v = 0; v < 2; v++) {
                FloatVector t = FloatVector.fromArray(S, ws, tile + r * NR + v * L);
                if (alpha != 1f) {
                    t = t.mul(alpha);
                }
                if (beta != 0f) {
                    t = FloatVector.fromArray(S, c, row + v * L).mul(beta).add(t);
                }
                t.intoArray(c, row + v * L);
            }
        }
    }

    /** An edge tile, scalar: the same arithmetic as {@link #store} for each element. */
    private static void merge(float[] ws, int tile, int rows, int cols, float alpha, float beta, float[] c, int cIdx,
                              int ldc) {
        for (int r = 0; r < rows; r++) {
            int row = cIdx + r * ldc;
            for (int j = 0; j < cols; j++) {
                float t = alpha == 1f ? ws[tile + r * NR + j] : ws[tile + r * NR + j] * alpha;
                c[row + j] = beta == 0f ? t : c[row + j] * beta + t;
            }
        }
    }
}
