package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 1-thread NT GEMM with X packed as rows against a double-precision loop on ragged shapes (m not a multiple of the
 * 6-row tile, n not of the 16-column panel, k cut into several blocks, more rows than one packed A block), offsets,
 * padded leading dimensions and every kind of alpha and beta; and bit for bit {@link VectorGemm}'s C, whose
 * arithmetic it keeps. Written for 8-lane vectors: skipped where {@link VectorGemm} packs wider panels.
 */
class RowPanelNtGemmTest {

    @BeforeEach
    void eightLanes() {
        Assumptions.assumeTrue(VectorGemm.NR == RowPanelNtGemm.NR, "VectorGemm packs 16-float panels only on 8 lanes");
    }

    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @CsvSource({
        // m, k, n, alpha, beta: the forward products of a 784-256-128-10 network at batch 128, then ragged ones
        "128, 784, 256, 1, 0", "128, 256, 128, 1, 0", "128, 128, 10, 1, 0", "126, 784, 256, 1, 1",
        "245, 513, 17, 1, 0", "17, 787, 250, -1.5, 0.25", "121, 300, 33, 1, 1", "7, 5, 1, 0.5, 0", "6, 1, 16, 2, -0.5",
        "13, 9, 256, 0.75, 0", "1, 3, 3, 1, 0.5", "240, 257, 31, 1, 1"})
    void matchesADoubleReference(int m, int k, int n, float alpha, float beta) {
        NtGemmChecks.matchesADoubleReference(RowPanelNtGemm::gemm, m, k, n, alpha, beta);
    }

    /** The same fused multiply-adds in the same order as the interleaved path: C bit for bit, offsets and all. */
    @ParameterizedTest(name = "{0}x{1}x{2} alpha={3} beta={4}")
    @CsvSource({"128, 784, 256, 1, 0", "130, 600, 100, 1, 1", "37, 259, 250, -0.5, 2", "300, 33, 48, 1, 0.5"})
    void givesVectorGemmsCBitForBit(int m, int k, int n, float alpha, float beta) {
        Random rnd = new Random(m + 7L * k + 31L * n);
        int lda = k + 1;
        int ldb = k + 2;
        int ldc = n + 3;
        float[] a = GemmReference.centered(rnd, 5 + m * lda);
        float[] b = GemmReference.centered(rnd, 6 + n * ldb);
        float[] c = GemmReference.centered(rnd, 7 + m * ldc);
        float[] want = c.clone();
        VectorGemm.gemm(false, true, m, n, k, alpha, a, 5, lda, b, 6, ldb, beta, want, 7, ldc);
        RowPanelNtGemm.gemm(false, true, m, n, k, alpha, a, 5, lda, b, 6, ldb, beta, c, 7, ldc);
        assertThat(c).isEqualTo(want);
    }

    @Test
    void zeroDepthScalesCAndOnlyNtOfOneColumnBlockIsAccepted() {
        float[] c = {1f, 2f, 3f, 4f};
        RowPanelNtGemm.gemm(false, true, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 1, 0.5f, c, 0, 2);
        assertThat(c).containsExactly(0.5f, 1f, 1.5f, 2f);
        NtGemmChecks.refusesAnythingButNt(RowPanelNtGemm::gemm);
        int n = VectorGemm.NC + 1;
        float[] x = new float[n];
        assertThatThrownBy(() -> RowPanelNtGemm.gemm(false, true, 1, n, 1, 1f, x, 0, 1, x, 0, 1, 0f, x, 0, n))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column block");
    }

    @Test
    void routesBatchesOfOneColumnBlockOnly() {
        assertThat(RowPanelNtGemm.routes(128, 256, 784)).isTrue();
        assertThat(RowPanelNtGemm.routes(RowPanelNtGemm.MAX_M, 256, 784)).isTrue();
        assertThat(RowPanelNtGemm.routes(RowPanelNtGemm.MAX_M + 1, 256, 784)).isFalse();
        assertThat(RowPanelNtGemm.routes(128, VectorGemm.NC + 1, 784)).isFalse();
    }
}
