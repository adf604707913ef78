package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.SerialGemm;
import java.util.Random;

/**
 * The checks the unpacked skinny kernels ({@link FewColumnsNtGemm}, {@link ShallowNnGemm}, {@link FewRowsTnGemm})
 * must pass, written once for any transpose case: a double-precision reference with offsets, padded leading
 * dimensions and any alpha/beta ({@link GemmShape}: beta = 0 meets NaN in C and must overwrite it, nothing outside C
 * is written); C independent of where it is cut into bands, so of the thread count; other cases refused.
 */
final class SkinnyGemmChecks {

    private SkinnyGemmChecks() {
    }

    static void matchesADoubleReference(SerialGemm kernel, boolean transA, boolean transB, int m, int k, int n,
                                        float alpha, float beta) {
        GemmShape s = new GemmShape(m, k, n, transA, transB, alpha, beta, new Random(m * 31L + k * 7L + n));
        float[] got = s.c0.clone();
        kernel.gemm(transA, transB, m, n, k, alpha, s.a, s.aOff, s.lda, s.b, s.bOff, s.ldb, beta, got, s.cOff, s.ldc);
        s.assertMatchesReference(got);
    }

    /**
     * Cutting C into two row bands and into two column bands at each of {@code cuts} gives bit for bit the C of the
     * whole product, even on one core.
     */
    static void bandsGiveTheWholeProductsCBitForBit(SerialGemm kernel, boolean transA, boolean transB, int m, int k,
                                                    int n, int... cuts) {
        GemmShape s = new GemmShape(m, k, n, transA, transB, 0.75f, 0.5f, new Random(5));
        float[] whole = s.c0.clone();
        run(kernel, s, 0, m, 0, n, whole);
        for (int cut : cuts) {
            if (cut < m) {
                float[] byRows = s.c0.clone();
                run(kernel, s, 0, cut, 0, n, byRows);
                run(kernel, s, cut, m, 0, n, byRows);
                assertThat(byRows).as("cut at row %d", cut).isEqualTo(whole);
            }
            if (cut < n) {
                float[] byColumns = s.c0.clone();
                run(kernel, s, 0, m, 0, cut, byColumns);
                run(kernel, s, 0, m, cut, n, byColumns);
                assertThat(byColumns).as("cut at column %d", cut).isEqualTo(whole);
            }
        }
    }

    /** Rows [i0, i1) x columns [j0, j1) of the shape's C, as a thread's band would compute them. */
    private static void run(SerialGemm kernel, GemmShape s, int i0, int i1, int j0, int j1, float[] c) {
        int aAt = s.aOff + (s.transA ? i0 : i0 * s.lda);
        int bAt = s.bOff + (s.transB ? j0 * s.ldb : j0);
        kernel.gemm(s.transA, s.transB, i1 - i0, j1 - j0, s.k, s.alpha, s.a, aAt, s.lda, s.b, bAt, s.ldb, s.beta, c,
                s.cOff + i0 * s.ldc + j0, s.ldc);
    }

    /** The kernel banded on 2 threads by GemmThreads (rows or columns of C) gives the 1-thread C bit for bit. */
    static void twoThreadsMatchOneBitForBit(SerialGemm kernel, boolean transA, boolean transB, int rowUnit,
                                            int colUnit, int[]... shapes) {
        for (int[] shape : shapes) {
            GemmShape s = new GemmShape(shape[0], shape[1], shape[2], transA, transB, 1.25f, 1f, new Random(7));
            float[] one = s.c0.clone();
            float[] two = s.c0.clone();
            GemmThreads.gemm(kernel, 1, 0, rowUnit, colUnit, transA, transB, s.m, s.n, s.k, s.alpha, s.a, s.aOff,
                    s.lda, s.b, s.bOff, s.ldb, s.beta, one, s.cOff, s.ldc);
            GemmThreads.gemm(kernel, 2, 0, rowUnit, colUnit, transA, transB, s.m, s.n, s.k, s.alpha, s.a, s.aOff,
                    s.lda, s.b, s.bOff, s.ldb, s.beta, two, s.cOff, s.ldc);
            assertThat(two).as("%dx%dx%d", s.m, s.k, s.n).isEqualTo(one);
            s.assertMatchesReference(two);
        }
    }

    /**
     * {@link VectorKernels#gemm} gives bit for bit the kernel's C for the shape (so the route takes it: the packed
     * path sums in another order), and the reference's.
     */
    static void theRouteTakesIt(SerialGemm kernel, boolean transA, boolean transB, int m, int k, int n) {
        GemmShape s = new GemmShape(m, k, n, transA, transB, 1f, 1f, new Random(11));
        float[] direct = s.c0.clone();
        kernel.gemm(transA, transB, m, n, k, 1f, s.a, s.aOff, s.lda, s.b, s.bOff, s.ldb, 1f, direct, s.cOff, s.ldc);
        float[] routed = s.routed();
        assertThat(routed).isEqualTo(direct);
        s.assertMatchesReference(routed);
    }

    /** Every transpose case but {@code transA}/{@code transB} is refused with a message naming the one it takes. */
    static void refusesOtherCases(SerialGemm kernel, boolean transA, boolean transB, String name) {
        float[] x = new float[64];
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                if (ta != transA || tb != transB) {
                    assertThatThrownBy(() -> kernel.gemm(ta, tb, 2, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
                }
            }
        }
    }

    /** k = 0: C = beta C (beta = 0 clears it, NaN included). */
    static void zeroDepthScalesC(SerialGemm kernel, boolean transA, boolean transB) {
        float[] c = {1f, 2f, 3f, 4f};
        kernel.gemm(transA, transB, 2, 2, 0, 1f, new float[0], 0, 2, new float[0], 0, 2, 0.5f, c, 0, 2);
        assertThat(c).containsExactly(0.5f, 1f, 1.5f, 2f);
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        kernel.gemm(transA, transB, 2, 2, 0, 1f, new float[0], 0, 2, new float[0], 0, 2, 0f, nan, 0, 2);
        assertThat(nan).containsExactly(0f, 0f, 0f, 0f);
    }
}
