package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.SerialGemm;
import java.util.Arrays;
import java.util.Random;

/**
 * The checks every unpacked NT kernel ({@link FewRowsNtGemm}, {@link SmallBatchNtGemm}) must pass, written once:
 * a double-precision reference with offsets, padded leading dimensions and any alpha/beta (beta = 0 never reads
 * C, nothing outside C is written); C independent of how it is cut into bands, so of the thread count; NT only.
 */
final class NtGemmChecks {

    private NtGemmChecks() {
    }

    /** C = alpha X W^T + beta C for an m x k X and an n x k W, against a double loop. */
    static void matchesADoubleReference(SerialGemm kernel, int m, int k, int n, float alpha, float beta) {
        Random rnd = new Random(m * 31L + k * 7L + n);
        int lda = k + 3;
        int ldb = k + 5;
        int ldc = n + 2;
        int aOff = 1;
        int bOff = 2;
        int cOff = 3;
        float[] a = GemmReference.centered(rnd, aOff + m * lda);
        float[] b = GemmReference.centered(rnd, bOff + n * ldb);
        float[] c = GemmReference.centered(rnd, cOff + m * ldc);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Float.NaN); // beta = 0 never reads C
            }
        }
        float[] before = c.clone();
        kernel.gemm(false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        GemmReference.assertProduct(false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, before, c, cOff,
                ldc);
    }

    /**
     * Cutting C into two column bands (and, with {@code rowsToo}, two row bands) at each of {@code cuts} gives bit
     * for bit the C of the whole product, even on one core.
     */
    static void bandsGiveTheWholeProductsCBitForBit(SerialGemm kernel, int m, int k, int n, boolean rowsToo,
                                                    int... cuts) {
        Random rnd = new Random(5);
        float[] a = GemmReference.centered(rnd, m * k);
        float[] b = GemmReference.centered(rnd, n * k);
        float[] c0 = GemmReference.centered(rnd, m * n);
        float[] whole = c0.clone();
        kernel.gemm(false, true, m, n, k, 0.75f, a, 0, k, b, 0, k, 0.5f, whole, 0, n);
        for (int cut : cuts) {
            float[] byColumns = c0.clone();
            kernel.gemm(false, true, m, cut, k, 0.75f, a, 0, k, b, 0, k, 0.5f, byColumns, 0, n);
            kernel.gemm(false, true, m, n - cut, k, 0.75f, a, 0, k, b, cut * k, k, 0.5f, byColumns, cut, n);
            assertThat(byColumns).as("cut at column %d", cut).isEqualTo(whole);
            if (rowsToo) {
                float[] byRows = c0.clone();
                kernel.gemm(false, true, cut, n, k, 0.75f, a, 0, k, b, 0, k, 0.5f, byRows, 0, n);
                kernel.gemm(false, true, m - cut, n, k, 0.75f, a, cut * k, k, b, 0, k, 0.5f, byRows, cut * n, n);
                assertThat(byRows).as("cut at row %d", cut).isEqualTo(whole);
            }
        }
    }

    /** The kernel on 2 threads (column bands through GemmThreads) gives the 1-thread C bit for bit; shapes m, k, n. */
    static void twoThreadsMatchOneBitForBit(SerialGemm kernel, int[]... shapes) {
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Random rnd = new Random(m + k + n);
            float[] a = GemmReference.centered(rnd, 1 + m * (k + 1));
            float[] b = GemmReference.centered(rnd, 2 + n * (k + 2));
            float[] c0 = GemmReference.centered(rnd, 3 + m * n);
            float[] one = c0.clone();
            float[] two = c0.clone();
            GemmThreads.gemm(kernel, 1, 0, 64, 16, false, true, m, n, k, 1.25f, a, 1, k + 1, b, 2, k + 2, 1f, one, 3, n);
            GemmThreads.gemm(kernel, 2, 0, 64, 16, false, true, m, n, k, 1.25f, a, 1, k + 1, b, 2, k + 2, 1f, two, 3, n);
            assertThat(two).as("%dx%dx%d", m, k, n).isEqualTo(one);
        }
    }

    /** NN and TT are refused with a message that says NT. */
    static void refusesAnythingButNt(SerialGemm kernel) {
        float[] x = new float[64];
        assertThatThrownBy(() -> kernel.gemm(false, false, 5, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NT");
        assertThatThrownBy(() -> kernel.gemm(true, true, 5, 2, 2, 1f, x, 0, 5, x, 0, 2, 0f, x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NT");
    }
}
