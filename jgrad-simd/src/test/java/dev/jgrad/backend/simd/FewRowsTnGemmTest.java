package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
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
 * The TN kernel for at most 16 rows of C (nothing packed) against a double-precision loop: every m from 1 to 16,
 * n not a multiple of the 16-column tile, odd k, offsets, padded leading dimensions, every kind of alpha and beta;
 * C independent of the band cut (so of the thread count).
 */
class FewRowsTnGemmTest {

    static List<Arguments> everyHeight() {
        List<Arguments> shapes = new ArrayList<>();
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {-1.5f, 0.25f}, {0.5f, 0f}};
        for (int m = 1; m <= FewRowsTnGemm.MAX_M; m++) {
            float[] ab = alphaBeta[m % alphaBeta.length];
            shapes.add(Arguments.of(m, 8 * m + 1, 16 * (m % 3) + 2 * m + 1, ab[0], ab[1]));
        }
        return shapes;
    }

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @MethodSource("everyHeight")
    void everyHeightMatchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        SkinnyGemmChecks.matchesADoubleReference(FewRowsTnGemm::gemm, true, false, m, k, n, alpha, beta);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @CsvSource({
        // m, k, n, alpha, beta: the last layer's weight gradient at batch 1024, 128 and 32, then ragged ones
        "10, 1024, 128, 1, 1", "10, 128, 128, 1, 1", "10, 32, 128, 1, 0", "11, 1023, 131, 1, 1",
        "1, 1, 1, 1, 0", "5, 3, 16, 2, -0.5", "7, 16, 8, 1, 1", "13, 9, 7, 0.75, 0", "6, 17, 40, 1, 0.5"})
    void matchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        SkinnyGemmChecks.matchesADoubleReference(FewRowsTnGemm::gemm, true, false, m, k, n, alpha, beta);
    }

    @Test
    void bandsGiveTheWholeProductsCBitForBit() {
        SkinnyGemmChecks.bandsGiveTheWholeProductsCBitForBit(FewRowsTnGemm::gemm, true, false, 15, 301, 61,
                1, 5, 6, 8, 16, 30);
    }

    @Test
    void twoThreadsMatchOneBitForBit() {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        SkinnyGemmChecks.twoThreadsMatchOneBitForBit(FewRowsTnGemm::gemm, true, false, FewRowsTnGemm.MAX_M,
                StridedTile.NR, new int[] {10, 1024, 128}, new int[] {13, 77, 45});
    }

    /** The measured range: at most 16 rows of C, any k. */
    @Test
    void routesTheMeasuredRange() {
        assertThat(FewRowsTnGemm.routes(10, 128, 32)).isTrue();
        assertThat(FewRowsTnGemm.routes(16, 128, 1024)).isTrue();
        assertThat(FewRowsTnGemm.routes(17, 128, 128)).isFalse();
        assertThat(FewRowsTnGemm.routes(10, 128, 0)).isFalse();
    }

    /** On 8 lanes the route sends the weight gradient of a 10-output layer here. */
    @Test
    void theRouteTakesTheLastLayersProduct() {
        Assumptions.assumeTrue(VectorGemm.L == StridedTile.L, "routed on 8 lanes only");
        SkinnyGemmChecks.theRouteTakesIt(FewRowsTnGemm::gemm, true, false, 10, 1024, 128);
        SkinnyGemmChecks.theRouteTakesIt(FewRowsTnGemm::gemm, true, false, 16, 511, 37);
    }

    @Test
    void zeroDepthScalesCAndOnlyTnIsAccepted() {
        SkinnyGemmChecks.zeroDepthScalesC(FewRowsTnGemm::gemm, true, false);
        SkinnyGemmChecks.refusesOtherCases(FewRowsTnGemm::gemm, true, false, "TN");
    }
}
