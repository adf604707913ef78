package dev.jgrad.backend.simd;

import dev.jgrad.backend.GemmThreads;
import java.util.Arrays;
import java.util.Random;

/**
 * One product for the GEMM tests: operands at offsets inside padded arrays, C's starting values (NaN
 * where beta = 0, which must never read C), and the ways to compute it.
 */
final class GemmShape {
    final int m;
    final int k;
    final int n;
    final boolean transA;
    final boolean transB;
    final float alpha;
    final float beta;
    final int lda;
    final int ldb;
    final int ldc;
    final int aOff = 3;
    final int bOff = 1;
    final int cOff = 2;
    final float[] a;
    final float[] b;
    final float[] c0;
    final float[] c;

    GemmShape(int m, int k, int n, boolean transA, boolean transB, float alpha, float beta, Random rnd) {
        this.m = m;
        this.k = k;
        this.n = n;
        this.transA = transA;
        this.transB = transB;
        this.alpha = alpha;
        this.beta = beta;
        lda = (transA ? m : k) + 3;
        ldb = (transB ? k : n) + 5;
        ldc = n + 2;
        a = GemmReference.centered(rnd, aOff + (transA ? k : m) * lda);
        b = GemmReference.centered(rnd, bOff + (transB ? n : k) * ldb);
        c0 = GemmReference.centered(rnd, cOff + m * ldc + 1);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c0, cOff + i * ldc, cOff + i * ldc + n, Float.NaN); // beta = 0 never reads C
            }
        }
        c = c0.clone();
    }

    float[] serial() {
        float[] out = c0.clone();
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
        return out;
    }

    float[] shared(int threads) {
        float[] out = c0.clone();
        SharedPackGemm.gemm(threads, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff,
                ldc);
        return out;
    }

    /** Into the same C every time (no allocation): for the allocation test. */
    void runShared(int threads) {
        SharedPackGemm.gemm(threads, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                ldc);
    }

    /** Through {@link GemmThreads#gemm} in bands of {@link VectorGemm}'s register tile on {@code threads} threads. */
    float[] banded(int threads) {
        float[] out = c0.clone();
        GemmThreads.gemm(VectorGemm::gemm, threads, VectorGemm.MR, VectorGemm.NR, transA, transB, m, n, k, alpha, a,
                aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
        return out;
    }

    /** Through {@link ColumnBandGemm} in {@code parts} column bands. */
    float[] columns(int parts) {
        float[] out = c0.clone();
        ColumnBandGemm.gemm(VectorGemm::gemm, parts, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta,
                out, cOff, ldc);
        return out;
    }

    /** Into the same C every time (no allocation): for the allocation test. */
    void runColumns(int parts) {
        ColumnBandGemm.gemm(VectorGemm::gemm, parts, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta,
                c, cOff, ldc);
    }

    /** Through the kernels' route ({@link VectorKernels#gemm}, as many threads as this JVM has). */
    float[] routed() {
        float[] out = c0.clone();
        new VectorKernels().gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
        return out;
    }

    void assertMatchesReference(float[] got) {
        GemmReference.assertProduct(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c0, got, cOff,
                ldc);
    }
}
