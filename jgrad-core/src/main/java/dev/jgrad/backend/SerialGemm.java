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
}
