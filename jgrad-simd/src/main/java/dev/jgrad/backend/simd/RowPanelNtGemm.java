package dev.jgrad.backend.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * NT GEMM (C = X W^T: a batch of rows X through [out, in] weights W, every Linear's forward) on one thread with
 * 8-lane vectors (AVX2), for C of at most {@link VectorGemm#NC} columns: {@link VectorGemm}'s blocking and its
 * transposed B panels ({@link VectorGemm#packB}), with op(A) = X packed as rows rather than interleaved.
 *
 * <p>{@link VectorGemm} packs an A panel on 8 lanes interleaved (6 values per k-step, one scalar store each, 6 rows
 * read side by side). X is stored m x k, so its rows are already contiguous in k: here each packed row is one
 * {@code System.arraycopy}, rows {@link VectorGemm#AS} floats apart, and the 6 x 16 kernel broadcasts
 * {@code w[ai + r * AS]}, fixed displacements as on 16 lanes. Measured packing alone (one thread, thread CPU time,
 * alternated rounds, busy 2-core Zen 3): 126 x 784 rows JDK 17 about equal, JDK 25 1.7x faster; 1020 x 784 rows
 * 1.8x and 4.6x. Every C element gets the same fused multiply-adds in the same order as in {@link VectorGemm}
 * (the chain over a k-block, then alpha and beta as there), so C is bit for bit the same as on that path.
 *
 * <p>C2 compiles {@link #micro} to 2 loads, 6 broadcasts with constant displacements and 12 FMAs per k-step, nothing
 * spilled (hsdis, JDK 17 with the launcher's {@code -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000}, and
 * JDK 25), like {@code VectorGemm.micro6x2}.
 */
final class RowPanelNtGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    static final int MR = VectorGemm.MR;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;
    static final int AS = VectorGemm.AS;
    static final int MC = VectorGemm.MC;

    /** One packing buffer (VectorGemm's layout) and the gather offsets of the B packer, per thread. */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private static final class Workspace {
        final float[] w = new float[VectorGemm.WORKSPACE_FLOATS];
        final int[] strides = new int[L];
        int stride = -1;

        int[] strides(int ld) {
            if (stride != ld) {
                VectorGemm.fillStrides(strides, ld);
                stride = ld;
            }
            return strides;
        }
    }

    private RowPanelNtGemm() {
    }

    /**
     * Rows of X up to which the route uses this kernel: batches up to 128. Measured against {@link VectorGemm} through
     * the 1-thread route (thread CPU time, 41 rounds alternating in one JVM, medians of the per-round ratios, busy
     * 2-core Zen 3, launcher flags), several runs each: JDK 17 128 x 784 x 256 0.94-1.07x (median of six runs 1.02x),
     * 128 x 256 x 128 1.13-1.32x, 128 x 128 x 10 1.75x (one panel of B: packing A was most of the work); JDK 25
     * 1.02-1.11x, 1.16-1.38x and 1.81x. Larger batches were mixed on JDK 17: 240 x 784 x
     * 256 0.93x and 1.03x, 1024 x 784 x 256 0.88-0.93x (JDK 25 1.12x and 1.07-1.12x); packing X in row chunks across
     * a panel did not change that, and the kernel's instructions per k-step are micro6x2's (hsdis); the suspect, not
     * confirmed, is its six broadcast streams from L1 instead of one.
     */
    static final int MAX_M = 128;

    /**
     * Whether the 1-thread route uses this kernel: 8-lane vectors (it is written for them, and {@link VectorGemm}'s
     * packed layout must have 16-float panels), at most {@link #MAX_M} rows, and C of one column block.
     */
    static boolean routes(int m, int n, int k) {
        return VectorGemm.L == L && VectorGemm.NR == NR && m <= MAX_M && n <= VectorGemm.NC;
    }

    /** C = alpha * X * W^T + beta * C, X stored m x k, W stored n x k (n at most {@link VectorGemm#NC}). */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] x, int xOff, int ldx, float[] w, int wOff, int ldw,
                     float beta, float[] c, int cOff, int ldc) {
        KernelForms.require("RowPanelNtGemm", false, true, transA, transB);
        if (VectorGemm.NR != NR) {
            throw new IllegalStateException("RowPanelNtGemm: written for 8-lane vectors, VectorGemm packs "
                    + VectorGemm.NR + "-float panels here");
        }
        if (n > VectorGemm.NC) {
            throw new IllegalArgumentException("RowPanelNtGemm: n = " + n + " is more than one column block ("
                    + VectorGemm.NC + ")");
        }
        if (KernelForms.nothingToMultiply(m, n, k, beta, c, cOff, ldc)) {
            return;
        }
        Workspace ws = WORKSPACE.get();
        float[] buf = ws.w;
        int kc = VectorGemm.depthBlock(k);
        for (int pc = 0; pc < k; pc += kc) {
            int kb = Math.min(kc, k - pc);
            float betaNow = pc == 0 ? beta : 1f; // later k-blocks add onto what the first one stored
            VectorGemm.packB(true, w, wOff, ldw, pc, 0, kb, n, buf, VectorGemm.B_START, ws.strides(ldw));
            for (int ic = 0; ic < m; ic += MC) {
                int mb = Math.min(MC, m - ic);
                packRows(x, xOff + ic * ldx + pc, ldx, mb, kb, buf, VectorGemm.A_START);
                block(buf, VectorGemm.A_START, VectorGemm.B_START, mb, n, kb, alpha, betaNow, c, cOff + ic * ldc,
                        ldc);
            }
        }
    }

    /**
     * Rows [0, mb) of X from {@code src} (ldx apart), kb floats each, to w[dst + i * AS ..]; the rows of a ragged
     * last panel past mb are zero.
     */
    static void packRows(float[] x, int src, int ldx, int mb, int kb, float[] w, int dst) {
        for (int i = 0; i < mb; i++) {
            System.arraycopy(x, src + i * ldx, w, dst + i * AS, kb);
        }
        int padded = (mb + MR - 1) / MR * MR;
        for (int i = mb; i < padded; i++) {
            Arrays.fill(w, dst + i * AS, dst + i * AS + kb, 0f);
        }
    }

    /** {@link VectorGemm#block}'s loop with {@link #micro}: each A panel against every B panel, tiles along C's rows. */
    private static void block(float[] w, int aBlock, int bBlock, int mb, int nb, int kb, float alpha, float beta,
                              float[] c, int cBlock, int ldc) {
        int tile = VectorGemm.TILE_START;
        for (int ir = 0; ir < mb; ir += MR) {
            int mr = Math.min(MR, mb - ir);
            int aPanel = aBlock + ir * AS;
            for (int jr = 0; jr < nb; jr += NR) {
                int nr = Math.min(NR, nb - jr);
                int cIdx = cBlock + ir * ldc + jr;
                if (mr == MR && nr == NR && alpha == 1f && (beta == 0f || beta == 1f)) {
                    micro(kb, w, aPanel, bBlock + jr * kb, beta == 1f, c, cIdx, ldc); // C from registers
                    continue;
                }
                micro(kb, w, aPanel, bBlock + jr * kb, false, w, tile, NR);
                if (mr == MR && nr == NR) {
                    VectorGemm.store(w, tile, alpha, beta, c, cIdx, ldc);
                } else {
                    VectorGemm.merge(w, tile, mr, nr, alpha, beta, c, cIdx, ldc);
                }
            }
        }
    }

    /**
     * The 6 x 2-vector register tile: rows of the A panel {@link #AS} floats apart from {@code aOff}, the B panel
     * NR floats per step from {@code bOff}; C[cIdx..] (rows ldc apart) = tile, or C + tile when {@code accumulate}.
     * As {@code VectorGemm.micro6x2}: the loop counts the B index (a power-of-two stride, its checks hoisted) and
     * carries the A index as a second variable, whose bounds check keeps C2 from loading all six broadcasts first.
     */
    static void micro(int kc, float[] w, int aOff, int bOff, boolean accumulate, float[] c, int cIdx, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        int bEnd = bOff + kc * NR;
        int ai = aOff;
        for (int bi = bOff; bi < bEnd; bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, w, bi);
            FloatVector b1 = FloatVector.fromArray(S, w, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, w[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, w[ai + AS]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, w[ai + 2 * AS]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, w[ai + 3 * AS]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, w[ai + 4 * AS]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, w[ai + 5 * AS]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            ai++;
        }
        int c1 = cIdx + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        if (!accumulate) {
            c00.intoArray(c, cIdx);
            c01.intoArray(c, cIdx + L);
            c10.intoArray(c, c1);
            c11.intoArray(c, c1 + L);
            c20.intoArray(c, c2);
            c21.intoArray(c, c2 + L);
            c30.intoArray(c, c3);
            c31.intoArray(c, c3 + L);
            c40.intoArray(c, c4);
            c41.intoArray(c, c4 + L);
            c50.intoArray(c, c5);
            c51.intoArray(c, c5 + L);
            return;
        }
        FloatVector.fromArray(S, c, cIdx).add(c00).intoArray(c, cIdx);
        FloatVector.fromArray(S, c, cIdx + L).add(c01).intoArray(c, cIdx + L);
        FloatVector.fromArray(S, c, c1).add(c10).intoArray(c, c1);
        FloatVector.fromArray(S, c, c1 + L).add(c11).intoArray(c, c1 + L);
        FloatVector.fromArray(S, c, c2).add(c20).intoArray(c, c2);
        FloatVector.fromArray(S, c, c2 + L).add(c21).intoArray(c, c2 + L);
        FloatVector.fromArray(S, c, c3).add(c30).intoArray(c, c3);
        FloatVector.fromArray(S, c, c3 + L).add(c31).intoArray(c, c3 + L);
        FloatVector.fromArray(S, c, c4).add(c40).intoArray(c, c4);
        FloatVector.fromArray(S, c, c4 + L).add(c41).intoArray(c, c4 + L);
        FloatVector.fromArray(S, c, c5).add(c50).intoArray(c, c5);
        FloatVector.fromArray(S, c, c5 + L).add(c51).intoArray(c, c5 + L);
    }
}
