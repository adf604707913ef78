package dev.jgrad.backend.simd;

import dev.jgrad.backend.SerialGemm;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The single-threaded Goto/BLIS-style GEMM behind {@link VectorKernels}.
 *
 * <p>Loops, outermost first, when C is at most {@code NC} columns wide: {@code KC} steps of k (pack that
 * KC x n block of op(B) into NR-wide panels, for L2), {@code MC} rows (pack that MC x KC block of op(A) into
 * MR-row panels), then each A panel (kept in L1) against every B panel in the register-tiled micro-kernel:
 * MR x NV vectors of C held in registers, MR broadcasts of A and NV loads of B per k-step, MR x NV fused
 * multiply-adds. Wider C: {@code MA} rows of A at a time, packed once per k-block, then the {@code NC}-column
 * blocks of B, each against all those rows, so A is not packed again for every column block. A tall C of one
 * column block (4 MiB or more) with several k-blocks: all of op(B) packed first, then each MC-row block of C
 * through every k-block while it sits in L2, so C is not read and written from memory once per k-block.
 *
 * <p>Both operands are always packed, so NN, TN, NT and TT share one kernel and transposes cost only the
 * packing. On 8 lanes (AVX2) an A panel is interleaved, MR values per k-step, one sequential stream (see
 * {@link #micro6x2}); on 16 lanes an A panel keeps its MR rows a constant {@code AS} floats apart: the kernel's broadcasts then use
 * fixed displacements, which spares C2 an address computation per row (on JDK 17 those extra registers made
 * it spill two accumulators every k-step). B panels start 64-byte aligned when the JVM allows it
 * ({@link PanelAlignment}). Padding makes edge tiles run the same kernel; a tile lands in a small scratch
 * buffer that is then merged into C (vector loop for full tiles, scalar for edges): no slow path, no masks. On 8
 * lanes a full tile with alpha = 1 and beta = 0 or 1 (every product of training) goes from the registers
 * straight to C instead.
 *
 * <p>Measured on AVX-512 (Cascade Lake, kernel alone, L1/L2-resident panels): 6 x 4 vectors (6 x 64 floats)
 * ~105-130 GFLOPS depending on alignment, 12 x 2 ~104, 8 x 3 ~102, 8 x 2 ~94, 14 x 2 ~78, 4 x 4 ~60.
 * Unrolling the k-loop by hand made C2 spill and was slower.
 */
final class VectorGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the register tile. */
    static final int MR = 6;
    /**
     * Vectors per row of the register tile: MR x NV accumulators + NV B vectors + 1 broadcast must fit the
     * vector registers. AVX-512 has 32 (6 x 4: 24 + 4 + 1 = 29); AVX2 has 16, where 6 x 4 spilled accumulators
     * to the stack every k-step (17-36 GFLOPS on a Zen 3 core, against OpenBLAS's 60-83), so 8-lane and
     * narrower vectors get 6 x 2 (12 + 2 + 1 = 15), BLIS's and OpenBLAS's Haswell tile.
     */
    static final int NV = L >= 16 ? 4 : 2;
    /** Columns of the register tile. */
    static final int NR = NV * L;
    /** Depth of a packed block, and the distance between the rows of a packed A panel (6 KiB per panel). */
    static final int KC = 256;
    /**
     * Distance between the rows of a packed A block: a little more than KC, so that the rows (which the TN
     * packing writes column by column) do not all map to the same few L1 sets as a power-of-two stride would.
     */
    static final int AS = KC + 16;
    /** Rows of A packed at a time (a multiple of MR): MC x KC floats = 120 KiB. */
    static final int MC = 120;
    /**
     * Columns of B packed at a time (a multiple of NR): KC x NC floats, streamed from L2. 512 KiB with 16-lane
     * vectors (1 MiB L2 on the AVX-512 machines measured); 256 KiB with narrower ones, whose machines have
     * smaller L2s (512 KiB on Zen 3, which the A block shares).
     */
    static final int NC = L >= 16 ? 512 : 256;
    /**
     * Rows of op(A) packed at once (a multiple of MC) when C has more than one column block: packed once per
     * k-block and reused by every column block, instead of once per column block (1.6 MiB at most). Measured at
     * 1024^3 on one thread: NN 111 -> 114, TN 102 -> 110, NT 107 -> 110 GFLOPS (A's rows come from memory, 4 KiB
     * apart, and packing them twice cost more than the larger buffer).
     */
    static final int MA = 1440;

    /**
     * Whether A panels are packed interleaved (MR values per k-step, one stream, as BLIS packs them) for
     * {@link #micro6x2}; the 16-lane kernel keeps rows {@link #AS} floats apart (measured on AVX-512 that way).
     */
    static final boolean INTERLEAVED_A = NV == 2;

    static final PanelAlignment ALIGNMENT = PanelAlignment.detect();

    /** Transposing packers turn 16 x 16 blocks around in registers when vectors are 16 floats wide. */
    static final boolean TRANSPOSE16 = L == Transpose16.S.length();

    /**
     * On 8 lanes the B packer of NT turns 8 x 8 blocks around in registers ({@link Transpose8}) instead of one
     * gather per packed row.
     */
    static final boolean TRANSPOSE8 = L == Transpose8.S.length();

    /**
     * Whether to pack with {@link Transpose16} rather than gathers. Its 16 source rows are {@code ld} floats
     * apart; when ld is a multiple of 512 floats (2 KiB) they fall into at most two L1 sets and evict each other
     * (TN 1024^3, lda 1024: 57 GFLOPS against 96 with gathers; with lda 1040, 92 either way).
     */
    private static boolean transpose16(int ld) {
        return TRANSPOSE16 && ld % 512 != 0;
    }

    /** Layout of a thread's workspace: [alignment pad | B block | tile | A block]. */
    static final int B_START = ALIGNMENT.offsetFloats();
    static final int TILE_START = B_START + KC * NC;
    static final int A_START = TILE_START + MR * NR;
    static final int WORKSPACE_FLOATS = Math.max(A_START + MC * AS, ALIGNMENT.minBufferFloats());
    /** Where all of op(B) goes for a tall, deep product: after one A block, 16-float aligned like B_START. */
    private static final int ALL_B_START = B_START + (A_START + MC * AS - B_START + 15) / 16 * 16;
    /** The most floats of op(B) packed at once for a tall, deep product (2 MiB: k x n up to 2048 x 256). */
    static final int ALL_B_MAX = 512 * 1024;
    /**
     * From this many floats of C (4 MiB, beyond L2 and much of a shared L3) C's passes per k-block go to memory and
     * the all-of-B order pays: 10000 x 784 x 256 NT 92 -> 102, NN 87-94 -> 103-105 GFLOPS. Below it the usual
     * order is faster (1200 x 784 x 256 NT: 108 against 99-105).
     */
    static final long ALL_B_MIN_C = 1L << 20;

    /**
     * One packing workspace per thread, allocated on its first GEMM and then reused, so a steady training step
     * allocates nothing here. Safe because packing writes every element the kernel later reads (padding
     * included) and a thread never runs two GEMMs at once.
     */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** A thread's packing buffer plus the gather offsets its transposing packers use. */
    private static final class Workspace {
        float[] w = new float[WORKSPACE_FLOATS];

        /**
         * The buffer, grown (once per size a thread needs) to at least {@code floats}: for more than MC rows of A
         * at a time, or for all of op(B) of a tall product.
         */
        float[] atLeast(int floats) {
            if (w.length < floats) {
                w = new float[floats];
            }
            return w;
        }

        final int[] strides = new int[L];
        int stride = -1;

        /** strides[l] = l * ld, recomputed only when the leading dimension changes. */
        int[] strides(int ld) {
            if (stride != ld) {
                fillStrides(strides, ld);
                stride = ld;
            }
            return strides;
        }
    }

    /** strides[l] = l * ld: the gather offsets of the transposing packers, for rows ld floats apart. */
    static void fillStrides(int[] strides, int ld) {
        for (int l = 0; l < strides.length; l++) {
            strides[l] = l * ld;
        }
    }

    private VectorGemm() {
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
        Workspace ws = WORKSPACE.get();
        int kc = depthBlock(k);
        int nPad = (n + NR - 1) / NR * NR;
        if (n <= NC && (long) m * n >= ALL_B_MIN_C && k > KC && (long) k * nPad <= ALL_B_MAX) {
            // Tall and deep, one column block: all of op(B) packed first, then each MC-row block of C runs through
            // every k-block while it is in L2, so C goes to memory once instead of once per k-block.
            float[] w = ws.atLeast(ALL_B_START + k * nPad);
            for (int pc = 0; pc < k; pc += kc) {
                packB(transB, b, bOff, ldb, pc, 0, Math.min(kc, k - pc), n, w, ALL_B_START + pc * nPad,
                        transB ? ws.strides(ldb) : null);
            }
            for (int ic = 0; ic < m; ic += MC) {
                int mb = Math.min(MC, m - ic);
                for (int pc = 0; pc < k; pc += kc) {
                    int kb = Math.min(kc, k - pc);
                    packA(transA, a, aOff, lda, ic, pc, mb, kb, w, A_START, transA ? ws.strides(lda) : null);
                    block(w, A_START, ALL_B_START + pc * nPad, mb, n, kb, alpha, pc == 0 ? beta : 1f, c,
                            cOff + ic * ldc, ldc);
                }
            }
            return;
        }
        if (n <= NC) {
            // One column block: op(B) is packed once per k-block, A a block of MC rows at a time.
            float[] w = ws.w;
            for (int pc = 0; pc < k; pc += kc) {
                int kb = Math.min(kc, k - pc);
                float betaNow = pc == 0 ? beta : 1f; // later k-blocks add onto what the first one stored
                packB(transB, b, bOff, ldb, pc, 0, kb, n, w, B_START, transB ? ws.strides(ldb) : null);
                for (int ic = 0; ic < m; ic += MC) {
                    int mb = Math.min(MC, m - ic);
                    packA(transA, a, aOff, lda, ic, pc, mb, kb, w, A_START, transA ? ws.strides(lda) : null);
                    block(w, A_START, B_START, mb, n, kb, alpha, betaNow, c, cOff + ic * ldc, ldc);
                }
            }
            return;
        }
        // Several column blocks: MA rows of A packed once per k-block serve all of them.
        float[] w = ws.atLeast(A_START + (Math.min(m, MA) + MR - 1) / MR * MR * AS);
        for (int is = 0; is < m; is += MA) {
            int ms = Math.min(MA, m - is);
            for (int pc = 0; pc < k; pc += kc) {
                int kb = Math.min(kc, k - pc);
                float betaNow = pc == 0 ? beta : 1f;
                packA(transA, a, aOff, lda, is, pc, ms, kb, w, A_START, transA ? ws.strides(lda) : null);
                for (int jc = 0; jc < n; jc += NC) {
                    int nb = Math.min(NC, n - jc);
                    packB(transB, b, bOff, ldb, pc, jc, kb, nb, w, B_START, transB ? ws.strides(ldb) : null);
                    for (int ic = 0; ic < ms; ic += MC) {
                        int mb = Math.min(MC, ms - ic);
                        block(w, A_START + ic * AS, B_START, mb, nb, kb, alpha, betaNow, c, cOff + (is + ic) * ldc + jc,
                                ldc);
                    }
                }
            }
        }
    }

    /**
     * Steps of k per block: KC, or on 8 lanes k cut into equal blocks of at most KC (784 = 4 x 196 rather than
     * 3 x 256 + 16, whose last block would pay the tile stores and C updates of a whole block for 16 steps).
     * The 16-lane path keeps KC blocks as measured on AVX-512.
     */
    static int depthBlock(int k) {
        if (L >= 16 || k <= KC) {
            return KC;
        }
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    /**
     * The packed mb x kb A block at {@code aBlock} times the packed kb x nb B block into C at {@code cBlock}: each
     * A panel (6 KiB, kept in L1) against every B panel (streamed from L2), the tiles along a row of C.
     */
    static void block(float[] w, int aBlock, int bBlock, int mb, int nb, int kb, float alpha, float beta,
                              float[] c, int cBlock, int ldc) {
        block(w, aBlock, bBlock, TILE_START, mb, nb, kb, alpha, beta, c, cBlock, ldc);
    }

    /**
     * {@link #block(float[], int, int, int, int, int, float, float, float[], int, int) block} with the tile scratch
     * at {@code tile} in {@code w}: threads that share one buffer ({@link SharedPackGemm}) each use their own.
     */
    static void block(float[] w, int aBlock, int bBlock, int tile, int mb, int nb, int kb, float alpha, float beta,
                      float[] c, int cBlock, int ldc) {
        for (int ir = 0; ir < mb; ir += MR) {
            int mr = Math.min(MR, mb - ir);
            int aPanel = aBlock + ir * AS;
            for (int jr = 0; jr < nb; jr += NR) {
                int nr = Math.min(NR, nb - jr);
                int cIdx = cBlock + ir * ldc + jr;
                if (NV == 2 && mr == MR && nr == NR && alpha == 1f && (beta == 0f || beta == 1f)) {
                    micro6x2(kb, w, aPanel, bBlock + jr * kb, beta == 1f, c, cIdx, ldc); // C from registers
                    continue;
                }
                micro(kb, w, aPanel, bBlock + jr * kb, tile);
                if (mr == MR && nr == NR) {
                    store(w, tile, alpha, beta, c, cIdx, ldc);
                } else {
                    merge(w, tile, mr, nr, alpha, beta, c, cIdx, ldc);
                }
            }
        }
    }

    /** A full tile: C[0..MR) x [0..NR) = alpha * tile + beta * C, where beta == 0 never reads C. */
    static void store(float[] w, int tile, float alpha, float beta, float[] c, int cIdx, int ldc) {
        for (int r = 0; r < MR; r++) {
            int row = cIdx + r * ldc;
            for (int v = 0; v < NV; v++) {
                FloatVector t = FloatVector.fromArray(S, w, tile + (r * NV + v) * L);
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

    /** An edge tile: C[0..mr) x [0..nr) = alpha * tile + beta * C, scalar (it is at most MR x NR elements). */
    static void merge(float[] w, int tile, int mr, int nr, float alpha, float beta, float[] c, int cIdx,
                              int ldc) {
        for (int r = 0; r < mr; r++) {
            int row = cIdx + r * ldc;
            for (int j = 0; j < nr; j++) {
                float t = alpha * w[tile + r * NR + j]; // tile rows are NV vectors = NR floats apart
                c[row + j] = beta == 0f ? t : beta == 1f ? c[row + j] + t : beta * c[row + j] + t;
            }
        }
    }

    /**
     * Packs op(B)[pc..pc+kb, jc..jc+nb) into NR-wide panels: panel q holds w[bp + q*kb*NR + p*NR + j]. Columns
     * past nb are zero. Panels start at multiples of NR floats from {@code bp}, so they keep its alignment.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int kb, int nb,
                              float[] w, int bp, int[] strides) {
        if (!transB) {
            // B stored k x n: copy each stored row's nb floats across all panels, so the reads run along rows.
            // A panel at a time reads 256 bytes and jumps a row, which with 1024-float rows lands on a new page
            // every time (no prefetch across pages): packing B for 1024^3 took 1.3 ms that way, 1.0 ms this way.
            for (int p = 0; p < kb; p++) {
                int src = bOff + (pc + p) * ldb + jc;
                for (int jr = 0; jr < nb; jr += NR) {
                    int nr = Math.min(NR, nb - jr);
                    int dst = bp + jr * kb + p * NR;
                    if (nr == NR && NV == 2) {
                        // 8 lanes: a 16-float System.arraycopy per panel and row cost more than the copy itself
                        FloatVector.fromArray(S, b, src + jr).intoArray(w, dst);
                        FloatVector.fromArray(S, b, src + jr + L).intoArray(w, dst + L);
                        continue;
                    }
                    System.arraycopy(b, src + jr, w, dst, nr);
                    if (nr < NR) {
                        Arrays.fill(w, dst + nr, dst + NR, 0f);
                    }
                }
            }
            return;
        }
        for (int jr = 0; jr < nb; jr += NR) {
            int nr = Math.min(NR, nb - jr);
            int dst = bp + jr * kb;
            // B stored n x k: each stored row is one packed column. Turn 16 x 16 blocks (8 x 8 on 8 lanes)
            // around in registers where allowed, else gather L columns (L rows of B, ldb apart) per packed row;
            // ragged columns one by one.
            int full = nr / L * L;
            int blocks = transpose16(ldb) ? kb / 16 * 16 : 0;
            int blocks8 = TRANSPOSE8 ? kb / 8 * 8 : 0;
            int transposed = Math.max(blocks, blocks8);
            for (int j0 = 0; j0 < full; j0 += L) {
                int src = bOff + (jc + jr + j0) * ldb + pc;
                for (int p = 0; p < blocks; p += 16) {
                    Transpose16.transpose(b, src + p, ldb, w, dst + p * NR + j0, NR);
                }
                for (int p = 0; p < blocks8; p += 8) {
                    Transpose8.transpose(b, src + p, ldb, w, dst + p * NR + j0, NR);
                }
                for (int p = transposed; p < kb; p++) {
                    FloatVector.fromArray(S, b, src + p, strides, 0).intoArray(w, dst + p * NR + j0);
                }
            }
            for (int j = full; j < nr; j++) {
                int src = bOff + (jc + jr + j) * ldb + pc;
                for (int p = 0; p < kb; p++) {
                    w[dst + p * NR + j] = b[src + p];
                }
            }
            for (int j = nr; j < NR; j++) {
                for (int p = 0; p < kb; p++) {
                    w[dst + p * NR + j] = 0f;
                }
            }
        }
    }

    /**
     * Packs op(A)[ic..ic+mb, pc..pc+kb) into MR-row panels: row r of panel q is w[ap + (q*MR + r)*AS + p] for
     * p < kb. Rows of a ragged last panel past mb are zero.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int pc, int mb, int kb,
                              float[] w, int ap, int[] strides) {
        if (INTERLEAVED_A) {
            packAInterleaved(transA, a, aOff, lda, ic, pc, mb, kb, w, ap);
            return;
        }
        if (!transA) {
            // A stored m x k: its rows are already contiguous in k.
            for (int i = 0; i < mb; i++) {
                System.arraycopy(a, aOff + (ic + i) * lda + pc, w, ap + i * AS, kb);
            }
        } else {
            // A stored k x m: packed row i is column i of the stored block. L steps at a time across all rows
            // (keeping those L stored rows in L1): 16 x 16 blocks turned around in registers where transpose16
            // allows, else one gather of L steps (L stored rows, lda apart) per packed row.
            int full = kb / L * L;
            int blocks = transpose16(lda) ? mb / 16 * 16 : 0;
            for (int p0 = 0; p0 < full; p0 += L) {
                int src = aOff + (pc + p0) * lda + ic;
                for (int i = 0; i < blocks; i += 16) {
                    Transpose16.transpose(a, src + i, lda, w, ap + i * AS + p0, AS);
                }
                for (int i = blocks; i < mb; i++) {
                    FloatVector.fromArray(S, a, src + i, strides, 0).intoArray(w, ap + i * AS + p0);
                }
            }
            for (int p = full; p < kb; p++) {
                int src = aOff + (pc + p) * lda + ic;
                for (int i = 0; i < mb; i++) {
                    w[ap + i * AS + p] = a[src + i];
                }
            }
        }
        int padded = (mb + MR - 1) / MR * MR;
        for (int i = mb; i < padded; i++) {
            Arrays.fill(w, ap + i * AS, ap + i * AS + kb, 0f);
        }
    }

    /**
     * Packs op(A)[ic..ic+mb, pc..pc+kb) for {@link #micro6x2}: panel q (MR rows) starts at {@code ap + q*MR*AS}
     * and holds its MR values of step p side by side, w[ap + q*MR*AS + p*MR + r], so the kernel reads one
     * sequential stream. Rows of a ragged last panel past mb are zero. A stored k x m on 8 lanes may also write up
     * to L - MR floats past a panel's kb * MR (junk, inside the panel's MR * AS floats; nothing reads them).
     */
    static void packAInterleaved(boolean transA, float[] a, int aOff, int lda, int ic, int pc, int mb,
                                         int kb, float[] w, int ap) {
        for (int i0 = 0; i0 < mb; i0 += MR) {
            int mr = Math.min(MR, mb - i0);
            int dst = ap + i0 * AS;
            if (!transA) {
                // A stored m x k: MR rows read side by side, one value of each per step.
                int src = aOff + (ic + i0) * lda + pc;
                if (mr == MR) {
                    for (int p = 0; p < kb; p++) {
                        int d = dst + p * MR;
                        int s = src + p;
                        w[d] = a[s];
                        w[d + 1] = a[s + lda];
                        w[d + 2] = a[s + 2 * lda];
                        w[d + 3] = a[s + 3 * lda];
                        w[d + 4] = a[s + 4 * lda];
                        w[d + 5] = a[s + 5 * lda];
                    }
                } else {
                    for (int p = 0; p < kb; p++) {
                        for (int r = 0; r < MR; r++) {
                            w[dst + p * MR + r] = r < mr ? a[src + r * lda + p] : 0f;
                        }
                    }
                }
            } else {
                // A stored k x m: the MR values of a step are adjacent in stored row pc + p.
                int src = aOff + pc * lda + ic + i0;
                if (mr == MR && L >= MR && src + (kb - 1) * lda + L <= a.length) {
                    // One vector per step: the MR values plus L - MR read past them, written over by the next
                    // step's store (the last step's spill lands in the panel's padding, AS > KC).
                    for (int p = 0; p < kb; p++) {
                        FloatVector.fromArray(S, a, src + p * lda).intoArray(w, dst + p * MR);
                    }
                } else if (mr == MR) {
                    for (int p = 0; p < kb; p++) { // six floats: a call to System.arraycopy costs more
                        int d = dst + p * MR;
                        int s = src + p * lda;
                        w[d] = a[s];
                        w[d + 1] = a[s + 1];
                        w[d + 2] = a[s + 2];
                        w[d + 3] = a[s + 3];
                        w[d + 4] = a[s + 4];
                        w[d + 5] = a[s + 5];
                    }
                } else {
                    for (int p = 0; p < kb; p++) {
                        for (int r = 0; r < MR; r++) {
                            w[dst + p * MR + r] = r < mr ? a[src + p * lda + r] : 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The 6 x 4-vector register tile: w[tile..] (6 x NR) = A panel * B panel over kc steps. A panel rows are KC
     * floats apart from {@code aOff}; the B panel is NR floats per step from {@code bOff}; all three live in
     * the workspace {@code w}.
     */
    static void micro(int kc, float[] w, int aOff, int bOff, int tile) {
        if (NV == 2) {
            micro6x2(kc, w, aOff, bOff, false, w, tile, NR);
            return;
        }
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
            int ai = aOff + p;
            int bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, w, bi);
            FloatVector b1 = FloatVector.fromArray(S, w, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, w, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, w, bi + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, w[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, w[ai + 1 * AS]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, w[ai + 2 * AS]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, w[ai + 3 * AS]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
            FloatVector a4 = FloatVector.broadcast(S, w[ai + 4 * AS]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            c43 = a4.fma(b3, c43);
            FloatVector a5 = FloatVector.broadcast(S, w[ai + 5 * AS]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            c53 = a5.fma(b3, c53);
        }
        // Spill the tile to a small L1-resident buffer and merge it into C elsewhere: keeping the kernel
        // small lets C1 compile it too, which C2 needs to take over (a too-big method can stay in slow
        // C1 code, where every vector is a heap object).
        c00.intoArray(w, tile + 0 * L);
        c01.intoArray(w, tile + 1 * L);
        c02.intoArray(w, tile + 2 * L);
        c03.intoArray(w, tile + 3 * L);
        c10.intoArray(w, tile + 4 * L);
        c11.intoArray(w, tile + 5 * L);
        c12.intoArray(w, tile + 6 * L);
        c13.intoArray(w, tile + 7 * L);
        c20.intoArray(w, tile + 8 * L);
        c21.intoArray(w, tile + 9 * L);
        c22.intoArray(w, tile + 10 * L);
        c23.intoArray(w, tile + 11 * L);
        c30.intoArray(w, tile + 12 * L);
        c31.intoArray(w, tile + 13 * L);
        c32.intoArray(w, tile + 14 * L);
        c33.intoArray(w, tile + 15 * L);
        c40.intoArray(w, tile + 16 * L);
        c41.intoArray(w, tile + 17 * L);
        c42.intoArray(w, tile + 18 * L);
        c43.intoArray(w, tile + 19 * L);
        c50.intoArray(w, tile + 20 * L);
        c51.intoArray(w, tile + 21 * L);
        c52.intoArray(w, tile + 22 * L);
        c53.intoArray(w, tile + 23 * L);
    }

    /**
     * The 6 x 2-vector register tile for 16-register ISAs (AVX2): A panel interleaved ({@link #packAInterleaved}:
     * MR values per step), B panel NR floats per step; C[cIdx..] (rows ldc apart) = tile, or C + tile when
     * {@code accumulate}. {@link #micro} passes the scratch tile as C (ldc = NR).
     *
     * <p>Shaped by what C2 makes of it, read with hsdis (JDK 17 and 25). C2 schedules the loads of a basic block
     * first: with 2 B vectors, 12 accumulators and more than two broadcasts live at once AVX2's 16 registers
     * overflow and an accumulator lives on the stack, its chain waiting on a store and reload every step (~40
     * GFLOPS whatever else changed; so with two steps per iteration, with A padded to 8 floats per step where
     * every bounds check goes away, and with alpha and beta broadcasts here, which C2 hoisted above the loop).
     * The bounds check of the A index keeps the step in two blocks and C2 at two broadcast registers. The loop
     * counts the B index itself (stride NR, a power of two: its checks are hoisted) and carries the A index as
     * a second variable: counting p and deriving {@code p * 6} (a shift and an add after C2's strength
     * reduction, which its range-check elimination does not recognize) recomputed both indices from p with
     * about ten integer instructions per step, 42 instructions per 12 FMAs in all; now 29. Kernel alone on
     * a 128-row A block and a 196 x 256 B block, thread CPU time, rounds alternating: JDK 17 56-58 -> 70-74
     * GFLOPS median, JDK 25 41-42 -> 59-82 (it had spilled 3 accumulators), against 97 for a register-only FMA
     * loop.
     */
    private static void micro6x2(int kc, float[] w, int aOff, int bOff, boolean accumulate, float[] c, int cIdx,
                                 int ldc) {
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
            FloatVector a1 = FloatVector.broadcast(S, w[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, w[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, w[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, w[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, w[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            ai += MR;
        }
        // C = tile or C + tile, rounded as store() rounds it with alpha = 1 and beta = 0 or 1. No other alpha
        // or beta here: their broadcasts, hoisted above the loop by C2, took two registers and it spilled.
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
