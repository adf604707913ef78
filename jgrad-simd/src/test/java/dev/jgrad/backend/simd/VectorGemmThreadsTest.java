package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.backend.GemmThreads;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMD GEMM split across threads gives bit for bit the C of one thread: every band is one serial product
 * over all of k with the same blocking, whichever thread claims it and however C is cut.
 */
class VectorGemmThreadsTest {

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} beta={5}")
    @CsvSource({
        "128, 784, 256, false, false, 0", "128, 784, 256, true, false, 0", "128, 784, 256, false, true, 0",
        "131, 257, 129, false, false, 0.5", "131, 257, 129, true, true, 1", "9, 300, 333, true, false, 0",
        "1030, 70, 40, false, false, 0", "1030, 70, 40, false, true, 0.5"})
    void twoAndThreeThreadsMatchOneBitForBit(int m, int k, int n, boolean transA, boolean transB, float beta) {
        // With one thread in this JVM (-Djgrad.threads=1 or one core) nothing is split: skipped, not passed.
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        Random rnd = new Random(m * 7L + k * 3L + n);
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 3;
        int ldc = n + 5;
        float[] a = GemmReference.centered(rnd, 2 + (transA ? k : m) * lda);
        float[] b = GemmReference.centered(rnd, 1 + (transB ? n : k) * ldb);
        float[] c0 = GemmReference.centered(rnd, 4 + m * ldc);
        float[] one = run(1, transA, transB, m, n, k, a, lda, b, ldb, beta, c0.clone(), ldc);
        for (int threads : new int[] {2, 3}) {
            float[] many = run(threads, transA, transB, m, n, k, a, lda, b, ldb, beta, c0.clone(), ldc);
            assertThat(many).as("%d threads", threads).isEqualTo(one);
        }
    }

    private static float[] run(int threads, boolean transA, boolean transB, int m, int n, int k, float[] a, int lda,
                               float[] b, int ldb, float beta, float[] c, int ldc) {
        GemmThreads.gemm(VectorGemm::gemm, threads, VectorGemm.MR, VectorGemm.NR, transA, transB, m, n, k, 0.75f,
                a, 2, lda, b, 1, ldb, beta, c, 4, ldc);
        return c;
    }
}
