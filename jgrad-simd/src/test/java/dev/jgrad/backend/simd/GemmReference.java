package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The double-precision reference every GEMM test of this module compares with, written once: C = alpha op(A)
 * op(B) + beta C element by element in double, a tolerance scaled by the sum of the magnitudes, and nothing
 * outside C's m x n elements changed (padding between rows, before and after C).
 */
final class GemmReference {

    private GemmReference() {
    }

    /**
     * Asserts that {@code got} is the product computed from {@code before} (C's contents before the call; beta = 0
     * must not read it). One assertion per element would take seconds on large shapes, so AssertJ is called only
     * for an element that is off.
     */
    static void assertProduct(boolean transA, boolean transB, int m, int n, int k, float alpha,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float beta, float[] before, float[] got, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double y = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += x * y;
                    magnitude += Math.abs(x * y);
                }
                double old = beta == 0f ? 0 : beta * before[cOff + i * ldc + j];
                double want = alpha * sum + old;
                double tolerance = 1e-5 * (Math.abs(alpha) * magnitude + Math.abs(old)) + 1e-6;
                double value = got[cOff + i * ldc + j];
                if (!(Math.abs(value - want) <= tolerance)) {
                    assertThat(value).as("C[%d,%d]", i, j).isCloseTo(want, within(tolerance));
                }
            }
        }
        for (int i = 0; i < got.length; i++) {
            boolean inC = i >= cOff && i < cOff + m * ldc && (i - cOff) % ldc < n;
            if (!inC && Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(before[i])) {
                assertThat(got[i]).as("C[%d] outside the product", i).isEqualTo(before[i]);
            }
        }
    }

    /** {@code size} floats drawn uniformly from [-0.5, 0.5): the operands every GEMM check and harness here uses. */
    static float[] centered(java.util.Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextFloat() - 0.5f;
        }
        return x;
    }
}
