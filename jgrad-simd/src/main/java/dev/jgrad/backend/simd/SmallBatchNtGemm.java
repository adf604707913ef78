package dev.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * NT GEMM (C = X W^T: a batch of rows X through [out, in] weights W) for a small batch on 8 lanes (AVX2), without
 * packing W. {@link VectorGemm} transposes all of W into panels (a 784 x 256 layer: 200K floats) for only 32
 * multiply-adds per packed element at batch 32; {@link FewRowsNtGemm} packs nothing but sums dot products, so X
 * (100 KiB at 32 x 784) streams from L2 once for every 4 rows of W.
 *
 * <p>Here C^T = W X^T: X, the small operand, is transposed into panels of 16 rows (k x 16 floats each, 8 x 8 blocks
 * turned around in registers by {@link Transpose8}), and a register tile of 4 rows of W by 16 rows of X (8
 * accumulators, 2 vector loads of the panel and 4 broadcasts from W's stored rows per k-step) walks all of k. The 4
 * rows of W (12.5 KiB at k = 784) stay in L1 while the panels stream past from L2, so W is read from memory once.
 * The tiles of C^T land in a buffer that is turned around into C at the end, 8 x 8 blocks at a time.
 *
 * <p>Shaped by what C2 (JDK 17) makes of it, read with hsdis: with 6 rows of W (12 accumulators) C2 loads all six
 * broadcasts of a step first and spilled 5 accumulators to the stack; 4 rows fit AVX2's 16 registers (8 + 2 + 4).
 * Cutting k into blocks (so the panels' part stays in L1) measured slower: W's rows then come from memory in short
 * runs the prefetcher does not follow.
 *
 * <p>Only NT. The same idea for the input gradient (NN, dY W: two vectors per k-step loaded from W's stored rows,
 * op(A) packed interleaved) measured 0.86-0.98x of the packed path at 32 x 784 x 256, 1.02x with transparent huge
 * pages (W's rows are 3 KiB apart, so a k-block of them spans more 4 KiB pages than the L1 TLB holds); for the
 * weight gradient (TN, k = 32, B read from X's rows) 0.64-0.86x, cause not found. The packed path's copies of those
 * operands cost little next to their products.
 *
 * <p>Every C element is one chain of fused multiply-adds over k in order, in one vector lane, then alpha and beta:
 * no horizontal sums, and the padding lanes and repeated rows of the edge tiles are computed but never written. So
 * C does not depend on the tiling, the band cut or the thread count. Written for 8 lanes; the route uses it only
 * there.
 */
final class SmallBatchNtGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    /** Rows of W per register tile. */
    static final int NR_W = 4;
    /** Rows of X per register tile and per packed panel: two vectors. */
    static final int PANEL = 2 * L;
    /** Rows of X from which the route uses this kernel rather than {@link FewRowsNtGemm}. */
    static final int MIN_M = 12;
    /** Rows of X up to which the route may use this kernel rather than the packed {@link VectorGemm}. */
    static final int MAX_M = 2 * PANEL;

    /**
     * Whether the route uses this kernel for m rows of X: 12 to 16 (one panel) and 29 to 32 (two panels, the second
     * at most 3 lanes short). Measured against the packed path at m x 784 x 256 (one thread, thread CPU time,
     * alternating rounds, medians, busy 2-core Zen 3, the packed kernel of commit cc8a8dd): 13 rows 2.2x (FewRowsNtGemm
     * 1.8x), 16 rows 1.7x (1.2x), 32 rows 1.22-1.26x; 32 x 256 x 128 1.14x, 32 x 128 x 10 1.56x. A second panel
     * padded by a quarter or more costs as much as it saves: 20 rows 0.92x, 24 rows 0.89-0.93x, 28 rows 1.05x;
     * 40, 48 and 64 rows 0.96x, 0.89x, 0.94x.
     */
    static boolean routes(int m) {
        return m >= MIN_M && (m <= PANEL || m > MAX_M - 4 && m <= MAX_M);
    }

    /**
     * Per thread: X's transposed panels and C^T, grown to the largest product seen, so a steady training step
     * allocates nothing.
     */
    private static final ThreadLocal<float[][]> WORKSPACE = ThreadLocal.withInitial(() -> new float[2][0]);

    private SmallBatchNtGemm() {
    }

    /** C = alpha * X * W^T + beta * C, X stored m x k, W stored n x k; matches {@code SerialGemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] x, int xOff, int ldx, float[] w, int wOff, int ldw,
                     float beta, float[] c, int cOff, int ldc) {
        KernelForms.require("SmallBatchNtGemm", false, true, transA, transB);
        if (KernelForms.nothingToMultiply(m, n, k, beta, c, cOff, ldc)) {
            return;
        }
        int panels = (m + PANEL - 1) / PANEL;
        int mPad = panels * PANEL;
        int nPad = (n + NR_W - 1) / NR_W * NR_W;
        float[][] buffers = WORKSPACE.get();
        if (buffers[0].length < k * mPad) {
            buffers[0] = new float[k * mPad];
        }
        if (buffers[1].length < (nPad + L) * mPad) {
            buffers[1] = new float[(nPad + L) * mPad];
        }
        float[] xt = buffers[0];
        float[] ct = buffers[1];
        for (int q = 0; q < panels; q++) {
            packTransposed(x, xOff + q * PANEL * ldx, ldx, Math.min(PANEL, m - q * PANEL), k, xt, q * k * PANEL);
        }
        for (int j0 = 0; j0 < n; j0 += NR_W) {
            int last = Math.min(NR_W, n - j0) - 1;
            // Rows past n repeat the last row: computed, never written.
            int r0 = wOff + j0 * ldw;
            int r1 = wOff + (j0 + Math.min(1, last)) * ldw;
            int r2 = wOff + (j0 + Math.min(2, last)) * ldw;
            int r3 = wOff + (j0 + Math.min(3, last)) * ldw;
            for (int q = 0; q < panels; q++) {
                tile(k, w, r0, r1, r2, r3, xt, q * k * PANEL, ct, j0 * mPad + q * PANEL, mPad);
            }
        }
        storeTransposed(ct, mPad, nPad * mPad, m, n, alpha, beta, c, cOff, ldc);
    }

    /**
     * A panel of up to 16 rows of X, transposed: xt[dst + p * 16 + l] = x[src + l * ldx + p] for l < rows, zero
     * for the lanes past them.
     */
    static void packTransposed(float[] x, int src, int ldx, int rows, int k, float[] xt, int dst) {
        int full = rows / L * L;
        int kFull = k / L * L;
        for (int l0 = 0; l0 < full; l0 += L) {
            for (int p = 0; p < kFull; p += L) {
                Transpose8.transpose(x, src + l0 * ldx + p, ldx, xt, dst + p * PANEL + l0, PANEL);
            }
            for (int p = kFull; p < k; p++) {
                for (int l = l0; l < l0 + L; l++) {
                    xt[dst + p * PANEL + l] = x[src + l * ldx + p];
                }
            }
        }
        for (int p = 0; p < k; p++) {
            int d = dst + p * PANEL;
            for (int l = full; l < PANEL; l++) {
                xt[d + l] = l < rows ? x[src + l * ldx + p] : 0f;
            }
        }
    }

    /**
     * The 4 x 2-vector tile of C^T: ct[t + r * ldt + l] = the sum over p < k of w[r_r + p] * xt[panel + p * 16 + l].
     * C^T lives in its own array: with it in the panels' array C2 kept the panels' bounds checks in the loop.
     */
    static void tile(int k, float[] w, int r0, int r1, int r2, int r3, float[] xt, int panel, float[] ct, int t,
                     int ldt) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bi = panel + p * PANEL;
            FloatVector b0 = FloatVector.fromArray(S, xt, bi);
            FloatVector b1 = FloatVector.fromArray(S, xt, bi + L);
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
        c00.intoArray(ct, t);
        c01.intoArray(ct, t + L);
        c10.intoArray(ct, t + ldt);
        c11.intoArray(ct, t + ldt + L);
        c20.intoArray(ct, t + 2 * ldt);
        c21.intoArray(ct, t + 2 * ldt + L);
        c30.intoArray(ct, t + 3 * ldt);
        c31.intoArray(ct, t + 3 * ldt + L);
    }

    /**
     * C[i][j] = alpha * ct[j * ldt + i] + beta * C[i][j] for i < m, j < n: full 8 x 8 blocks turned around in
     * registers into ct[tmp..] and written a vector row at a time, the rest scalar with the same arithmetic (beta ==
     * 0 never reads C).
     */
    static void storeTransposed(float[] ct, int ldt, int tmp, int m, int n, float alpha, float beta,
                                float[] c, int cOff, int ldc) {
        int nFull = n / L * L;
        int mFull = m / L * L;
        for (int i0 = 0; i0 < mFull; i0 += L) {
            for (int j0 = 0; j0 < nFull; j0 += L) {
                Transpose8.transpose(ct, j0 * ldt + i0, ldt, ct, tmp, L);
                for (int i = 0; i < L; i++) {
                    FloatVector t = FloatVector.fromArray(S, ct, tmp + i * L);
                    int ci = cOff + (i0 + i) * ldc + j0;
                    if (alpha != 1f) {
                        t = t.mul(alpha);
                    }
                    if (beta != 0f) {
                        t = FloatVector.fromArray(S, c, ci).mul(beta).add(t);
                    }
                    t.intoArray(c, ci);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = i < mFull ? nFull : 0; j < n; j++) {
                float t = alpha == 1f ? ct[j * ldt + i] : ct[j * ldt + i] * alpha;
                c[row + j] = beta == 0f ? t : c[row + j] * beta + t;
            }
        }
    }
}
