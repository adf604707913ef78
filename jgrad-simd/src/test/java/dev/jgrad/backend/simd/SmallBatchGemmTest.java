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
 * The small-batch GEMM (weights never packed) against a double-precision loop for NN, NT and TN on ragged shapes (m
 * and n not multiples of the 6 x 16 tile, any k), offsets, padded leading dimensions and every kind of alpha and
 * beta; and C independent of how it is cut into bands (so of the thread count).
 */
class SmallBatchGemmTest {

    @ParameterizedTest(name = "{0}{1} {2}x{3}x{4} alpha={5} beta={6}")
    @CsvSource({
        // form, m, k, n, alpha, beta: the training shapes at batch 32, then ragged ones
        "false, true, 32, 784, 256, 1, 0", "false, true, 32, 256, 128, 1, 0", "false, true, 32, 128, 10, 1, 0",
        "false, false, 32, 256, 784, 1, 0", "false, false, 32, 10, 128, 1, 0",
        "true, false, 256, 32, 784, 1, 1", "true, false, 128, 32, 256, 1, 1", "true, false, 10, 32, 128, 1, 1",
        "false, true, 17, 787, 259, -1.5, 0.25", "false, true, 64, 100, 13, 1, 1", "false, true, 45, 9, 1, 0.5, 0",
        "false, true, 33, 1, 7, 2, -0.5", "false, true, 5, 31, 6, 1, 0",
        "false, false, 17, 259, 787, -1.5, 0.25", "false, false, 64, 13, 100, 1, 1", "false, false, 45, 9, 1, 0.5, 0",
        "false, false, 33, 1, 17, 2, -0.5", "false, false, 1, 5, 15, 1, 0",
        "true, false, 259, 17, 787, -1.5, 0.25", "true, false, 13, 64, 100, 1, 1", "true, false, 1, 45, 9, 0.5, 0",
        "true, false, 7, 1, 33, 2, -0.5", "true, false, 31, 3, 16, 1, 0"})
    void matchesADoubleReference(boolean transA, boolean transB, int m, int k, int n, float alpha, float beta) {
        Random rnd = new Random(m * 31L + k * 7L + n + (transA ? 1 : 0) + (transB ? 2 : 0));
        int lda = (transA ? m : k) + 3;
        int ldb = (transB ? k : n) + 5;
        int ldc = n + 2;
        int aOff = 1;
        int bOff = 2;
        int cOff = 3;
        float[] a = random(rnd, aOff + (transA ? k : m) * lda);
        float[] b = random(rnd, bOff + (transB ? n : k) * ldb);
        float[] c = random(rnd, cOff + m * ldc);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Float.NaN); // beta = 0 never reads C
            }
        }
        float[] before = c.clone();
        SmallBatchGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + (transA ? p * lda + i : i * lda + p)];
                    double y = b[bOff + (transB ? j * ldb + p : p * ldb + j)];
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
    @ParameterizedTest(name = "transA={0} transB={1}")
    @CsvSource({"false, true", "false, false", "true, false"})
    void bandsGiveTheWholeProductsCBitForBit(boolean transA, boolean transB) {
        int m = 37;
        int k = 131;
        int n = 70;
        Random rnd = new Random(5);
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, n * k);
        float[] c0 = random(rnd, m * n);
        float[] whole = c0.clone();
        SmallBatchGemm.gemm(transA, transB, m, n, k, 0.75f, a, 0, lda, b, 0, ldb, 0.5f, whole, 0, n);
        for (int cut : new int[] {1, 5, 6, 16, 17, 36}) {
            float[] byColumns = c0.clone();
            SmallBatchGemm.gemm(transA, transB, m, cut, k, 0.75f, a, 0, lda, b, 0, ldb, 0.5f, byColumns, 0, n);
            SmallBatchGemm.gemm(transA, transB, m, n - cut, k, 0.75f, a, 0, lda, b, transB ? cut * ldb : cut, ldb,
                    0.5f, byColumns, cut, n);
            assertThat(byColumns).as("cut at column %d", cut).isEqualTo(whole);
            float[] byRows = c0.clone();
            SmallBatchGemm.gemm(transA, transB, cut, n, k, 0.75f, a, 0, lda, b, 0, ldb, 0.5f, byRows, 0, n);
            SmallBatchGemm.gemm(transA, transB, m - cut, n, k, 0.75f, a, transA ? cut : cut * lda, lda, b, 0, ldb,
                    0.5f, byRows, cut * n, n);
            assertThat(byRows).as("cut at row %d", cut).isEqualTo(whole);
        }
    }

    @ParameterizedTest(name = "transA={0} transB={1}")
    @CsvSource({"false, true", "false, false", "true, false"})
    void twoThreadsMatchOneBitForBit(boolean transA, boolean transB) {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        for (int[] s : new int[][] {{32, 784, 256}, {33, 129, 77}, {64, 300, 130}, {256, 32, 784}}) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Random rnd = new Random(m + k + n);
            int lda = (transA ? m : k) + 1;
            int ldb = (transB ? k : n) + 2;
            float[] a = random(rnd, 1 + (transA ? k : m) * lda);
            float[] b = random(rnd, 2 + (transB ? n : k) * ldb);
            float[] c0 = random(rnd, 3 + m * n);
            float[] one = c0.clone();
            float[] two = c0.clone();
            GemmThreads.gemm(SmallBatchGemm::gemm, 1, 0, 16, 16, transA, transB, m, n, k, 1.25f,
                    a, 1, lda, b, 2, ldb, 1f, one, 3, n);
            GemmThreads.gemm(SmallBatchGemm::gemm, 2, 0, 16, 16, transA, transB, m, n, k, 1.25f,
                    a, 1, lda, b, 2, ldb, 1f, two, 3, n);
            assertThat(two).as("%dx%dx%d", m, k, n).isEqualTo(one);
        }
    }

    @Test
    void zeroDepthScalesCAndRefusesTt() {
        float[] c = {1f, 2f, 3f, 4f};
        SmallBatchGemm.gemm(false, true, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 1, 0.5f, c, 0, 2);
        assertThat(c).containsExactly(0.5f, 1f, 1.5f, 2f);
        float[] x = new float[64];
        assertThatThrownBy(() -> SmallBatchGemm.gemm(true, true, 5, 2, 2, 1f, x, 0, 5, x, 0, 2, 0f, x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NN, NT or TN");
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextFloat() - 0.5f;
        }
        return x;
    }
}
