package dev.jgrad.backend.simd;

import dev.jgrad.backend.GemmThreads;
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
        NtGemmChecks.matchesADoubleReference(FewRowsNtGemm::gemm, m, k, n, alpha, beta);
    }

    /** Any column cut (a thread's band) gives bit for bit the C of the whole product, even on one core. */
    @Test
    void columnBandsGiveTheWholeProductsCBitForBit() {
        NtGemmChecks.bandsGiveTheWholeProductsCBitForBit(FewRowsNtGemm::gemm, 32, 787, 258, false,
                1, 3, 5, 16, 129, 257);
    }

    @Test
    void twoThreadsMatchOneBitForBit() {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        NtGemmChecks.twoThreadsMatchOneBitForBit(FewRowsNtGemm::gemm, new int[] {32, 784, 256}, new int[] {33, 129, 77}, new int[] {64, 300, 130});
    }

    @Test
    void refusesAnythingButNt() {
        NtGemmChecks.refusesAnythingButNt(FewRowsNtGemm::gemm);
    }
}
