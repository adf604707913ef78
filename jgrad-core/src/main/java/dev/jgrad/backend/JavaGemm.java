package dev.jgrad.backend;

import java.util.Arrays;

/**
 * The single-threaded, cache-blocked GEMM behind {@link JavaKernels}, shaped so that C2's auto-vectorizer
 * (SuperWord) turns the inner loop into SIMD code.
 *
 * <p>Blocking: a {@code KC x NC} block of op(B) is packed into one array per row (it stays in L2), an
 * {@code MC x KC} block of op(A) is packed row-major; transposes are absorbed by the packing, so one inner
 * kernel serves NN, TN, NT and TT. The inner loop adds four k-steps at once into a per-row accumulator array.
 *
 * <p>Why this shape: C2 (JDK 17) only vectorizes {@code acc[j] += a * b[j]} when every array in the loop is
 * indexed the same way and the loop stores to one array; one flat array read and written at different
 * offsets, or several accumulator rows stored in one loop, stay scalar (it cannot rule out aliasing).
 * Separate arrays per packed row and per accumulator give it exactly the form it can prove.
 */
final class JavaGemm {

    /** Depth of a packed block (a multiple of 4, so k rounded up to 4 still fits). KC x NC floats = 512 KiB. */
    static final int KC = 256;
    /** Width of a packed B block; one accumulator row (2 KiB) and four B rows stay in L1. */
    static final int NC = 512;
    /** Rows of A packed at a time (MC x KC floats = 64 KiB). */
    static final int MC = 64;

    /**
     * One set of packing buffers per thread (546 KiB), allocated on its first GEMM and reused, so a steady training
     * step allocates nothing here either. Safe because packing writes every element the kernel then reads (the
     * zero rows and columns included) and a thread never runs two GEMMs at once.
     */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** Packed B (one array per row, for SuperWord), packed A with k rounded up to 4, one accumulator row. */
    private static final class Workspace {
        final float[][] bp = new float[KC][NC];
        final float[] ap = new float[MC * KC];
        final float[] acc = new float[NC];
    }

    private JavaGemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        SerialGemm.scaleC(beta, c, cOff, ldc, m, n);
        if (k <= 0) {
            return;
        }
        Workspace ws = WORKSPACE.get();
        float[][] bp = ws.bp;
        float[] ap = ws.ap;
        float[] acc = ws.acc;
        for (int jc = 0; jc < n; jc += NC) {
            int nb = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kb = Math.min(KC, k - pc);
                int kb4 = (kb + 3) & ~3;
                packB(transB, b, bOff, ldb, pc, jc, kb, kb4, nb, bp);
                for (int ic = 0; ic < m; ic += MC) {
                    int mb = Math.min(MC, m - ic);
                    packA(transA, a, aOff, lda, ic, pc, mb, kb, kb4, ap);
                    for (int i = 0; i < mb; i++) {
                        Arrays.fill(acc, 0, nb, 0f);
                        row(ap, i * kb4, kb4, bp, nb, acc);
                        store(alpha, acc, c, cOff + (ic + i) * ldc + jc, nb);
                    }
                }
            }
        }
    }

    /** bp[p][j] = op(B)[pc + p, jc + j]; rows kb..kb4 are zero. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int kb, int kb4,
                              int nb, float[][] bp) {
        if (!transB) {
            for (int p = 0; p < kb; p++) {
                System.arraycopy(b, bOff + (pc + p) * ldb + jc, bp[p], 0, nb);
            }
        } else {
            // B stored n x k: read each stored row contiguously and scatter it down a packed column.
            for (int j = 0; j < nb; j++) {
                int src = bOff + (jc + j) * ldb + pc;
                for (int p = 0; p < kb; p++) {
                    bp[p][j] = b[src + p];
                }
            }
        }
        for (int p = kb; p < kb4; p++) {
            Arrays.fill(bp[p], 0, nb, 0f);
        }
    }

    /** ap[i * kb4 + p] = op(A)[ic + i, pc + p]; columns kb..kb4 are zero. */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int pc, int mb, int kb,
                              int kb4, float[] ap) {
        if (!transA) {
            for (int i = 0; i < mb; i++) {
                System.arraycopy(a, aOff + (ic + i) * lda + pc, ap, i * kb4, kb);
            }
        } else {
            for (int p = 0; p < kb; p++) {
                int src = aOff + (pc + p) * lda + ic;
                for (int i = 0; i < mb; i++) {
                    ap[i * kb4 + p] = a[src + i];
                }
            }
        }
        if (kb4 != kb) {
            for (int i = 0; i < mb; i++) {
                Arrays.fill(ap, i * kb4 + kb, i * kb4 + kb4, 0f);
            }
        }
    }

    /** acc[j] += sum over p of ap[a0 + p] * bp[p][j], four k-steps per pass over the row. */
    private static void row(float[] ap, int a0, int kb4, float[][] bp, int nb, float[] acc) {
        for (int p = 0; p < kb4; p += 4) {
            float x0 = ap[a0 + p];
            float x1 = ap[a0 + p + 1];
            float x2 = ap[a0 + p + 2];
            float x3 = ap[a0 + p + 3];
            float[] b0 = bp[p];
            float[] b1 = bp[p + 1];
            float[] b2 = bp[p + 2];
            float[] b3 = bp[p + 3];
            for (int j = 0; j < nb; j++) {
                acc[j] += (x0 * b0[j] + x1 * b1[j]) + (x2 * b2[j] + x3 * b3[j]);
            }
        }
    }

    /** C row += alpha * acc. */
    private static void store(float alpha, float[] acc, float[] c, int cRow, int nb) {
        for (int j = 0; j < nb; j++) {
            c[cRow + j] += alpha * acc[j];
        }
    }
}
