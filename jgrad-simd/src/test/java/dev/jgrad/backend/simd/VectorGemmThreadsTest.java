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
        GemmShape s = new GemmShape(m, k, n, transA, transB, 0.75f, beta, new Random(m * 7L + k * 3L + n));
        float[] one = s.banded(1);
        for (int threads : new int[] {2, 3}) {
            assertThat(s.banded(threads)).as("%d threads", threads).isEqualTo(one);
        }
    }
}
