package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.backend.GemmThreads;
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
        NtGemmChecks.matchesADoubleReference(SmallBatchNtGemm::gemm, m, k, n, alpha, beta);
    }

    /** Any row or column cut (a thread's band) gives bit for bit the C of the whole product, even on one core. */
    @Test
    void bandsGiveTheWholeProductsCBitForBit() {
        NtGemmChecks.bandsGiveTheWholeProductsCBitForBit(SmallBatchNtGemm::gemm, 37, 131, 70, true,
                1, 5, 8, 16, 17, 36);
    }

    @Test
    void twoThreadsMatchOneBitForBit() {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        NtGemmChecks.twoThreadsMatchOneBitForBit(SmallBatchNtGemm::gemm, new int[] {32, 784, 256}, new int[] {33, 129, 77}, new int[] {64, 300, 130}, new int[] {12, 64, 1030});
    }

    @Test
    void zeroDepthScalesCAndOnlyNtIsAccepted() {
        float[] c = {1f, 2f, 3f, 4f};
        SmallBatchNtGemm.gemm(false, true, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 1, 0.5f, c, 0, 2);
        assertThat(c).containsExactly(0.5f, 1f, 1.5f, 2f);
        NtGemmChecks.refusesAnythingButNt(SmallBatchNtGemm::gemm);
    }
}
