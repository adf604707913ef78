package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.backend.GemmThreads;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The no-packing NT GEMM for a few dozen rows against a double-precision loop on ragged shapes (m not a multiple
 * of the 2-row tile, n not of the 4-row one, k not of 8), offsets, padded leading dimensions and every kind of
 * alpha and beta; and C independent of how the columns are cut into bands (so of the thread count).
 */
class FewRowsNtGemmTest {

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @CsvSource({
        "5, 7, 3, 1, 0", "5, 13, 9, -1.5, 1", "6, 8, 4, 0.5, 0.25", "7, 784, 256, 1, 0", "31, 787, 258, -1.5, 0.25",
        "32, 784, 256, 1, 0", "32, 256, 128, 1, 1", "32, 129, 10, 2, -0.5", "16, 785, 255, 1, 0", "64, 100, 13, 1, 1",
        "63, 17, 35, -0.75, 0", "44, 1, 6, 1, 0.5", "10, 9, 1, 1, 0"})
    void matchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        Random rnd = new Random(m * 31L + k * 7L + n);
        int lda = k + 3;
        int ldb = k + 5;
        int ldc = n + 2;
        int aOff = 1;
        int bOff = 2;
        int cOff = 3;
        float[] a = random(rnd, aOff + m * lda);
        float[] b = random(rnd, bOff + n * ldb);
        float[] c = random(rnd, cOff + m * ldc);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Float.NaN); // beta = 0 never reads C
            }
        }
        float[] before = c.clone();
        FewRowsNtGemm.gemm(false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + i * lda + p];
                    double y = b[bOff + j * ldb + p];
                    sum += x * y;
                    magnitude += Math.abs(x * y);
                }
                double old = beta == 0f ? 0 : beta * before[cOff + i * ldc + j];
                double want = alpha * sum + old;
                double tolerance = 1e-5 * (Math.abs(alpha) * magnitude + Math.abs(old)) + 1e-6;
                assertThat((double) c[cOff + i * ldc + j]).as("C[%d,%d]", i, j).isCloseTo(want, within(tolerance));
            }
        }
        for (int i = 0; i < c.length; i++) {
            int col = (i - cOff) % ldc;
            boolean inC = i >= cOff && i < cOff + m * ldc && col < n;
            if (!inC) {
                assertThat(c[i]).as("C[%d] outside the product", i).isEqualTo(before[i]);
            }
        }
    }

    /** Any column cut (a thread's band) gives bit for bit the C of the whole product, even on one core. */
    @Test
    void columnBandsGiveTheWholeProductsCBitForBit() {
        int m = 32;
        int k = 787;
        int n = 258;
        Random rnd = new Random(5);
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, n * k);
        float[] c0 = random(rnd, m * n);
        float[] whole = c0.clone();
        FewRowsNtGemm.gemm(false, true, m, n, k, 0.75f, a, 0, k, b, 0, k, 0.5f, whole, 0, n);
        for (int cut : new int[] {1, 3, 5, 16, 129, 257}) {
            float[] banded = c0.clone();
            FewRowsNtGemm.gemm(false, true, m, cut, k, 0.75f, a, 0, k, b, 0, k, 0.5f, banded, 0, n);
            FewRowsNtGemm.gemm(false, true, m, n - cut, k, 0.75f, a, 0, k, b, cut * k, k, 0.5f, banded, cut, n);
            assertThat(banded).as("cut at column %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void twoThreadsMatchOneBitForBit() {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        for (int[] s : new int[][] {{32, 784, 256}, {33, 129, 77}, {64, 300, 130}}) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Random rnd = new Random(m + k + n);
            float[] a = random(rnd, 1 + m * (k + 1));
            float[] b = random(rnd, 2 + n * (k + 2));
            float[] c0 = random(rnd, 3 + m * n);
            float[] one = c0.clone();
            float[] two = c0.clone();
            GemmThreads.gemm(FewRowsNtGemm::gemm, 1, 0, 64, 16, false, true, m, n, k, 1.25f,
                    a, 1, k + 1, b, 2, k + 2, 1f, one, 3, n);
            GemmThreads.gemm(FewRowsNtGemm::gemm, 2, 0, 64, 16, false, true, m, n, k, 1.25f,
                    a, 1, k + 1, b, 2, k + 2, 1f, two, 3, n);
            assertThat(two).as("%dx%dx%d", m, k, n).isEqualTo(one);
        }
    }

    @Test
    void refusesAnythingButNt() {
        float[] x = new float[64];
        assertThatThrownBy(() -> FewRowsNtGemm.gemm(false, false, 5, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NT");
        assertThatThrownBy(() -> FewRowsNtGemm.gemm(true, true, 5, 2, 2, 1f, x, 0, 5, x, 0, 2, 0f, x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NT");
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextFloat() - 0.5f;
        }
        return x;
    }
}
