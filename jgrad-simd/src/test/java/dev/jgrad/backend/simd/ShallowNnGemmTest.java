package dev.jgrad.backend.simd;

import dev.jgrad.backend.GemmThreads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NN kernel for a short k (nothing packed) against a double-precision loop: every k from 1 to 16, m not a
 * multiple of the 6-row tile, n not of the 16-column tile, offsets, padded leading dimensions, every kind of alpha
 * and beta; C independent of the band cut (so of the thread count).
 */
class ShallowNnGemmTest {

    static List<Arguments> everyDepth() {
        List<Arguments> shapes = new ArrayList<>();
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {-1.5f, 0.25f}, {0.5f, 0f}};
        for (int k = 1; k <= ShallowNnGemm.MAX_K; k++) {
            float[] ab = alphaBeta[k % alphaBeta.length];
            shapes.add(Arguments.of(6 * k + k % 6 + 1, k, 16 * (k % 3) + 2 * k + 1, ab[0], ab[1]));
        }
        return shapes;
    }

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @MethodSource("everyDepth")
    void everyDepthMatchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        SkinnyGemmChecks.matchesADoubleReference(ShallowNnGemm::gemm, false, false, m, k, n, alpha, beta);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @CsvSource({
        // m, k, n, alpha, beta: the last layer's input gradient at batch 1024, 128 and 32, then ragged ones
        "1024, 10, 128, 1, 0", "128, 10, 128, 1, 0", "32, 10, 128, 1, 1", "1021, 11, 131, 1, 0",
        "1, 1, 1, 1, 0", "5, 3, 16, 2, -0.5", "7, 16, 8, 1, 1", "13, 9, 7, 0.75, 0", "6, 17, 40, 1, 0.5"})
    void matchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        SkinnyGemmChecks.matchesADoubleReference(ShallowNnGemm::gemm, false, false, m, k, n, alpha, beta);
    }

    @Test
    void bandsGiveTheWholeProductsCBitForBit() {
        SkinnyGemmChecks.bandsGiveTheWholeProductsCBitForBit(ShallowNnGemm::gemm, false, false, 47, 13, 61,
                1, 5, 6, 8, 16, 30);
    }

    @Test
    void twoThreadsMatchOneBitForBit() {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        SkinnyGemmChecks.twoThreadsMatchOneBitForBit(ShallowNnGemm::gemm, false, false, StridedTile.MR,
                StridedTile.NR, new int[] {1024, 10, 128}, new int[] {131, 7, 45});
    }

    @Test
    void zeroDepthScalesCAndOnlyNnIsAccepted() {
        SkinnyGemmChecks.zeroDepthScalesC(ShallowNnGemm::gemm, false, false);
        SkinnyGemmChecks.refusesOtherCases(ShallowNnGemm::gemm, false, false, "NN");
    }
}
