package dev.jgrad.backend;

/**
 * A single-threaded GEMM with the same contract as {@link Kernels#gemm}; {@link GemmThreads} splits a product
 * into independent blocks of C and runs one of these per block.
 */
@FunctionalInterface
public interface SerialGemm {

    /** Computes {@code C = alpha * op(A) * op(B) + beta * C} on the calling thread (see {@link Kernels#gemm}). */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /**
     * {@code C = beta * C} for an m x n block, the whole product when k == 0. beta == 0 clears C, so NaN or
     * garbage in C is ignored, as the contract says.
     */
    static void scaleC(float beta, float[] c, int cOff, int ldc, int m, int n) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }
}
