package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * The NT kernel for at most 16 columns of C (X never packed) against a double-precision loop: every n from 1 to 16,
 * m not a multiple of the 6-row tile, odd k, offsets, padded leading dimensions, every kind of alpha and beta; C
 * independent of the band cut (so of the thread count).
 */
class FewColumnsNtGemmTest {

    static List<Arguments> everyWidth() {
        List<Arguments> shapes = new ArrayList<>();
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {-1.5f, 0.25f}, {0.5f, 0f}};
        for (int n = 1; n <= FewColumnsNtGemm.MAX_N; n++) {
            float[] ab = alphaBeta[n % alphaBeta.length];
            shapes.add(Arguments.of(6 * n + n % 6 + 1, 2 * n + 1, n, ab[0], ab[1]));
        }
        return shapes;
    }

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @MethodSource("everyWidth")
    void everyWidthMatchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        SkinnyGemmChecks.matchesADoubleReference(FewColumnsNtGemm::gemm, false, true, m, k, n, alpha, beta);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @CsvSource({
        // m, k, n, alpha, beta: the last layer's forward at batch 1024, 128 and 32, then ragged ones
        "1024, 128, 10, 1, 0", "128, 128, 10, 1, 0", "32, 128, 10, 1, 1", "1021, 129, 10, 1, 0",
        "1, 1, 1, 1, 0", "5, 3, 16, 2, -0.5", "7, 257, 16, 1, 1", "13, 785, 9, 0.75, 0", "6, 17, 8, 1, 0.5"})
    void matchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        SkinnyGemmChecks.matchesADoubleReference(FewColumnsNtGemm::gemm, false, true, m, k, n, alpha, beta);
    }

    @Test
    void bandsGiveTheWholeProductsCBitForBit() {
        SkinnyGemmChecks.bandsGiveTheWholeProductsCBitForBit(FewColumnsNtGemm::gemm, false, true, 47, 131, 13,
                1, 5, 6, 7, 12, 30);
    }

    @Test
    void twoThreadsMatchOneBitForBit() {
        Assumptions.assumeTrue(GemmThreads.threads() > 1, "needs a worker thread");
        SkinnyGemmChecks.twoThreadsMatchOneBitForBit(FewColumnsNtGemm::gemm, false, true, StridedTile.MR,
                StridedTile.NR, new int[] {1024, 128, 10}, new int[] {131, 67, 15});
    }

    /** The measured range: more than 128 rows, or 128 split on two threads; at most 16 columns, k at most 512. */
    @Test
    void routesTheMeasuredRange() {
        assertThat(FewColumnsNtGemm.routes(1024, 10, 128, 1)).isTrue();
        assertThat(FewColumnsNtGemm.routes(129, 16, 512, 1)).isTrue();
        assertThat(FewColumnsNtGemm.routes(128, 10, 128, 1)).isFalse();
        assertThat(FewColumnsNtGemm.routes(128, 10, 128, 2)).isTrue();
        assertThat(FewColumnsNtGemm.routes(64, 10, 128, 2)).isFalse();
        assertThat(FewColumnsNtGemm.routes(1024, 17, 128, 1)).isFalse();
        assertThat(FewColumnsNtGemm.routes(1024, 10, 513, 2)).isFalse();
    }

    /** On 8 lanes the route sends the batch-1024 (or -128) product of a 10-output layer here. */
    @Test
    void theRouteTakesTheLastLayersProduct() {
        Assumptions.assumeTrue(VectorGemm.L == StridedTile.L, "routed on 8 lanes only");
        SkinnyGemmChecks.theRouteTakesIt(FewColumnsNtGemm::gemm, false, true, 1024, 128, 10);
        SkinnyGemmChecks.theRouteTakesIt(FewColumnsNtGemm::gemm, false, true, 259, 33, 16);
    }

    @Test
    void zeroDepthScalesCAndOnlyNtOfAtMost16ColumnsIsAccepted() {
        SkinnyGemmChecks.zeroDepthScalesC(FewColumnsNtGemm::gemm, false, true);
        SkinnyGemmChecks.refusesOtherCases(FewColumnsNtGemm::gemm, false, true, "NT");
        float[] x = new float[1024];
        assertThatThrownBy(() -> FewColumnsNtGemm.gemm(false, true, 2, 17, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 17))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = 17");
    }
}
