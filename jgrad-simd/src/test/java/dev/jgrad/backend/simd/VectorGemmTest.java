package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The single-threaded SIMD GEMM on products large enough for every loop of its blocking: more rows than
 * {@link VectorGemm#MA} (two row super-blocks), more columns than {@link VectorGemm#NC} and a k past
 * {@link VectorGemm#KC}; and a C of {@link VectorGemm#ALL_B_MIN_C} floats or more in one column block. Through
 * {@code Kernels.gemm} two threads would cut such products into bands that each stay under those sizes, so this
 * calls {@link VectorGemm#gemm} itself, against a double-precision loop.
 */
class VectorGemmTest {

    /** CI runs this module again with 256-bit vectors and says so here: that run cannot silently stay at 512. */
    @Test
    void runsAtTheVectorWidthTheBuildAskedFor() {
        int bits = VectorGemm.L * Float.SIZE;
        assertThat(bits).isEqualTo(Integer.getInteger("jgrad.test.vectorBits", bits));
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} beta={5}")
    @CsvSource({
        "1450, 257, 520, false, false, 0.25", "1450, 257, 520, true, false, 0.25",
        "1450, 257, 520, false, true, 0.25", "1450, 257, 520, true, true, 0.25",
        "1441, 5, 1030, false, false, 0", "1441, 5, 1030, true, true, 0",
        // tall and deep with one column block: all of op(B) packed first, each row block through every k-block
        "4300, 300, 250, false, false, 0.25", "4300, 300, 250, true, true, 0"})
    void matchesADoubleReferenceAcrossAllBlocks(int m, int k, int n, boolean transA, boolean transB, float beta) {
        if (n <= VectorGemm.NC) { // the all-of-B order
            assertThat((long) m * n).isGreaterThanOrEqualTo(VectorGemm.ALL_B_MIN_C);
            assertThat(k).isGreaterThan(VectorGemm.KC);
        } else {
            assertThat(m).isGreaterThan(VectorGemm.MA);
        }
        GemmShape s = new GemmShape(m, k, n, transA, transB, -1.5f, beta, new Random(m * 31L + k * 7L + n));
        s.assertMatchesReference(s.serial());
    }
}
