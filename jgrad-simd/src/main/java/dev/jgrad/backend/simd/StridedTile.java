package dev.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of the unpacked skinny GEMMs ({@link FewColumnsNtGemm}, {@link FewRowsTnGemm}), which read the
 * large operand where it is stored instead of packing it, on 8 lanes (AVX2, 16 vector registers):
 * <ul>
 *   <li>{@link #rows}: 4 rows of A read along their stored rows, one broadcast each per step, times a panel of 16
 *   floats per step (B's part, copied: it is the small operand), 4 x 2 vectors of C. Every index is the loop counter
 *   plus an invariant, so C2 hoists all bounds checks; it then loads a step's broadcasts before its fused
 *   multiply-adds, which with 6 rows (6 + 12 accumulators + 2) spilled 4 accumulators every step (hsdis, JDK 17) and
 *   with 4 rows (4 + 8 + 2) fits. A 6-row tile that reached the rows through offsets from one carried index (a bounds
 *   check per broadcast, which keeps C2 from hoisting them) spent more on the checks and on reloading the offsets from
 *   the stack than it saved: 22 against 35 GFLOPS at 1024 x 128 x 10 NT.</li>
 *   <li>{@link #interleaved}: 5 values of A per step from a small interleaved panel (constant displacements from one
 *   index, as {@code VectorGemm.micro6x2} reads its packed A), times 16 floats of a stored row of B, ldb apart per
 *   step: 5 x 2 vectors of C. With 6 rows (12 accumulators) JDK 17 kept everything in registers but JDK 25, loading
 *   three broadcasts ahead, kept one accumulator on the stack (hsdis) and was 0.84-0.93x of the packed path; 5 rows
 *   also cover a 10-output layer's 10 rows in two blocks without a repeated row.</li>
 * </ul>
 *
 * <p>Every element of C is one chain of fused multiply-adds over the steps in order, in one vector lane, then alpha
 * and beta as {@link #store} does them; the scalar edge columns of {@link #store} repeat that arithmetic exactly, so
 * C does not depend on where a tile or a thread's band starts, hence not on the thread count.
 */
final class StridedTile {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    /**
     * Rows of the {@link #interleaved} tile: five, so 10 accumulators + 2 B vectors leave 4 registers for the
     * broadcasts C2 loads ahead (JDK 25 loads three ahead: with 6 rows it kept one accumulator on the stack).
     */
    static final int MR = 5;
    /** Columns of the tile: two vectors; also the distance between the rows of a tile parked in a scratch array. */
    static final int NR = 2 * L;

    private StridedTile() {
    }

    /**
     * A thread's scratch for these kernels: a parked tile, a k x 16 panel of B (columns that do not fill a tile, or
     * W^T) and an interleaved panel of A (grown to the largest seen, so a steady training step allocates nothing).
     * One per thread is enough: a kernel never calls another.
     */
    static final class Scratch {
        final float[] tile = new float[MR * NR];
        private float[] panel = new float[0];
        private float[] interleaved = new float[0];

        /** The B panel, at least {@code floats} long. */
        float[] panel(int floats) {
            if (panel.length < floats) {
                panel = new float[floats];
            }
            return panel;
        }

        /** The interleaved A panel, at least k x {@link #MR} floats. */
        float[] interleaved(int k) {
            if (interleaved.length < k * MR) {
                interleaved = new float[k * MR];
            }
            return interleaved;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static Scratch scratch() {
        return SCRATCH.get();
    }

    /**
     * Columns [j0, j0 + cols) of the k rows of b (stored k x n, ldb apart), cols at most {@link #NR}, into the
     * panel: panel[p0 + p * 16 + j] = b[bOff + p * ldb + j0 + j], zero past cols. So a ragged last column block of an
     * operand read in rows runs the same tile, without reading past its rows.
     */
    static void copyColumns(float[] b, int bOff, int ldb, int j0, int cols, int k, float[] panel, int p0) {
        for (int p = 0; p < k; p++) {
            int src = bOff + p * ldb + j0;
            int dst = p0 + p * NR;
            for (int j = 0; j < cols; j++) {
                panel[dst + j] = b[src + j];
            }
            for (int j = cols; j < NR; j++) {
                panel[dst + j] = 0f;
            }
        }
    }

    /** Rows of the {@link #rows} tile: four, so 8 accumulators + 2 B vectors + 4 broadcasts fit 16 registers. */
    static final int ROWS_MR = 4;

    /**
     * A 4 x 2-vector tile with A's rows read where they are stored (row r from a[r_r + s], contiguous over the steps)
     * and B from a panel of 16 floats per step ({@code panel[p0 + s * 16 ..]}): C[cIdx + r * ldc + (0 .. 16)] = the
     * sums over {@code steps} steps, or C + the sums when {@code accumulate}. A tile that is not whole or needs alpha
     * and beta goes to a scratch array ({@code ldc} = {@link #NR}) and then through {@link #store}. Every index is
     * the loop counter plus an invariant, so C2 hoists all bounds checks out of the loop, and then it loads all the
     * broadcasts of a step first: with 6 rows (6 + 12 + 2 registers) it spilled 4 accumulators every step (hsdis,
     * JDK 17), with 4 rows everything stays in registers.
     */
    static void rows(int steps, float[] a, int r0, int r1, int r2, int r3, float[] panel, int p0,
                     boolean accumulate, float[] c, int cIdx, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int s = 0; s < steps; s++) {
            FloatVector b0 = FloatVector.fromArray(S, panel, p0 + s * NR);
            FloatVector b1 = FloatVector.fromArray(S, panel, p0 + s * NR + L);
            FloatVector a0 = FloatVector.broadcast(S, a[r0 + s]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[r1 + s]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[r2 + s]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[r3 + s]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        int c1 = cIdx + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        if (accumulate) {
            c00 = c00.add(FloatVector.fromArray(S, c, cIdx));
            c01 = c01.add(FloatVector.fromArray(S, c, cIdx + L));
            c10 = c10.add(FloatVector.fromArray(S, c, c1));
            c11 = c11.add(FloatVector.fromArray(S, c, c1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, c2));
            c21 = c21.add(FloatVector.fromArray(S, c, c2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, c3));
            c31 = c31.add(FloatVector.fromArray(S, c, c3 + L));
        }
        c00.intoArray(c, cIdx);
        c01.intoArray(c, cIdx + L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
    }

    /**
     * The tile with A's 5 values per step from an interleaved panel ({@code at[at0 + s * 5 + r]}, see
     * {@link #interleave})
     * and B's 16 from a stored row of B ({@code b[bi + s * ldb ..]}): otherwise as {@link #rows}.
     */
    static void interleaved(int steps, float[] at, int at0, float[] b, int bi, int ldb, boolean accumulate, float[] c,
                            int cIdx, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        for (int s = 0; s < steps; s++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            int ai = at0 + s * MR;
            FloatVector a0 = FloatVector.broadcast(S, at[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, at[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, at[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, at[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, at[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            bi += ldb;
        }
        int c1 = cIdx + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc;
        if (accumulate) {
            c00 = c00.add(FloatVector.fromArray(S, c, cIdx));
            c01 = c01.add(FloatVector.fromArray(S, c, cIdx + L));
            c10 = c10.add(FloatVector.fromArray(S, c, c1));
            c11 = c11.add(FloatVector.fromArray(S, c, c1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, c2));
            c21 = c21.add(FloatVector.fromArray(S, c, c2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, c3));
            c31 = c31.add(FloatVector.fromArray(S, c, c3 + L));
            c40 = c40.add(FloatVector.fromArray(S, c, c4));
            c41 = c41.add(FloatVector.fromArray(S, c, c4 + L));
        }
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
    }

    /**
     * Columns [i0, i0 + rows) of the k rows of a (stored k x m, lda apart), rows at most {@link #MR}, interleaved:
     * at[a0 + s * 5 + r] = a[aOff + s * lda + i0 + r], a row past {@code rows} repeating the last one.
     */
    static void interleave(float[] a, int aOff, int lda, int i0, int rows, int k, float[] at, int a0) {
        for (int s = 0; s < k; s++) {
            int src = aOff + s * lda + i0;
            for (int r = 0; r < MR; r++) {
                at[a0 + s * MR + r] = a[src + Math.min(r, rows - 1)];
            }
        }
    }

    /**
     * Whether a tile of {@code rows} x {@code cols} goes from the registers straight to C (the tile run with C
     * itself): a whole tile with alpha = 1 and beta = 0 or 1, every product of training.
     */
    static boolean direct(int rows, int fullRows, int cols, float alpha, float beta) {
        return rows == fullRows && cols == NR && alpha == 1f && (beta == 0f || beta == 1f);
    }

    /**
     * The first {@code rows} x {@code cols} of a tile parked at tile[0..] (rows {@link #NR} apart) into C: c =
     * alpha * t + beta * c, where beta = 0 never reads C; whole vectors first, then the columns left over in scalar
     * arithmetic that rounds exactly as the vector lanes do (and as the tiles' accumulate, for alpha = beta = 1).
     */
    static void store(float[] tile, int rows, int cols, float alpha, float beta, float[] c, int cIdx, int ldc) {
        int vectorCols = cols / L * L;
        for (int r = 0; r < rows; r++) {
            int row = cIdx + r * ldc;
            for (int j = 0; j < vectorCols; j += L) {
                FloatVector t = FloatVector.fromArray(S, tile, r * NR + j);
                if (alpha != 1f) {
                    t = t.mul(alpha);
                }
                if (beta != 0f) {
                    t = FloatVector.fromArray(S, c, row + j).mul(beta).add(t);
                }
                t.intoArray(c, row + j);
            }
            for (int j = vectorCols; j < cols; j++) {
                float t = tile[r * NR + j];
                if (alpha != 1f) {
                    t = t * alpha;
                }
                if (beta != 0f) {
                    t = c[row + j] * beta + t;
                }
                c[row + j] = t;
            }
        }
    }
}
