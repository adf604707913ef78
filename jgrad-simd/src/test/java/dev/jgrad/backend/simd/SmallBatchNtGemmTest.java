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
 * The small-batch NT GEMM (weights never packed) against a double-precision loop on ragged shapes (m not a multiple
 * of the 16-row panel, n not of the 4-row tile, any k), offsets, padded leading dimensions and every kind of alpha
 * and beta; and C independent of how it is cut into bands (so of the thread count).
 */
class SmallBatchNtGemmTest {

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @CsvSource({
        // m, k, n, alpha, beta: the forward products at batch 32, then ragged ones
        "32, 784, 256, 1, 0", "32, 256, 128, 1, 0", "32, 128, 10, 1, 0", "64, 784, 256, 1, 0",
        "17, 787, 259, -1.5, 0.25", "64, 100, 13, 1, 1", "45, 9, 1, 0.5, 0", "33, 1, 7, 2, -0.5", "5, 31, 6, 1, 0",
        "12, 15, 9, 1, 1", "16, 8, 8, 1, 0", "24, 16, 24, 0.75, 0", "1, 3, 3, 1, 0.5"})
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
        SmallBatchNtGemm.gemm(false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
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

    /** Any row or column cut (a thread's band) gives bit for bit the C of the whole product, even on one core. */
    @Test
    void bandsGiveTheWholeProductsCBitForBit() {
        int m = 37;
        int k = 131;
        int n = 70;
        Random rnd = new Random(5);
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, n * k);
        float[] c0 = random(rnd, m * n);
        float[] whole = c0.clone();
        SmallBatchNtGemm.gemm(false, true, m, n, k, 0.75f, a, 0, k, b, 0, k, 0.5f, whole, 0, n);
        for (int cut : new int[] {1, 5, 8, 16, 17, 36}) {
            float[] byColumns = c0.clone();
            SmallBatchNtGemm.gemm(false, true, m, cut, k, 0.75f, a, 0, k, b, 0, k, 0.5f, byColumns, 0, n);
            SmallBatchNtGemm.gemm(false, true, m, n - cut, k, 0.75f, a, 0, k, b, cut * k, k, 0.5f, byColumns, cut, n);
            assertThat(byColumns).as("cut at column %d", cut).isEqualTo(whole);
            float[] byRows = c0.clone();
            SmallBatchNtGemm.gemm(false, true, cut, n, k, 0.75f, a, 0, k, b, 0, k, 0.5f, byRows, 0, n);
            SmallBatchNtGemm.gemm(false, true, m - cut, n, k, 0.75f, a, cut * k, k, b, 0, k, 0.5f, byRows, cut * n, n);
            assertThat(byRows).as("cut at row %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void twoThreadsMatchOneBitForBit() {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        for (int[] s : new int[][] {{32, 784, 256}, {33, 129, 77}, {64, 300, 130}, {12, 64, 1030}}) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Random rnd = new Random(m + k + n);
            float[] a = random(rnd, 1 + m * (k + 1));
            float[] b = random(rnd, 2 + n * (k + 2));
            float[] c0 = random(rnd, 3 + m * n);
            float[] one = c0.clone();
            float[] two = c0.clone();
            GemmThreads.gemm(SmallBatchNtGemm::gemm, 1, 0, 64, 16, false, true, m, n, k, 1.25f,
                    a, 1, k + 1, b, 2, k + 2, 1f, one, 3, n);
            GemmThreads.gemm(SmallBatchNtGemm::gemm, 2, 0, 64, 16, false, true, m, n, k, 1.25f,
                    a, 1, k + 1, b, 2, k + 2, 1f, two, 3, n);
            assertThat(two).as("%dx%dx%d", m, k, n).isEqualTo(one);
        }
    }

    @Test
    void zeroDepthScalesCAndOnlyNtIsAccepted() {
        float[] c = {1f, 2f, 3f, 4f};
        SmallBatchNtGemm.gemm(false, true, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 1, 0.5f, c, 0, 2);
        assertThat(c).containsExactly(0.5f, 1f, 1.5f, 2f);
        float[] x = new float[64];
        assertThatThrownBy(() -> SmallBatchNtGemm.gemm(false, false, 5, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NT");
        assertThatThrownBy(() -> SmallBatchNtGemm.gemm(true, true, 5, 2, 2, 1f, x, 0, 5, x, 0, 2, 0f, x, 0, 2))
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
