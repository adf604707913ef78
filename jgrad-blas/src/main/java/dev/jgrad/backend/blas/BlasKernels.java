package dev.jgrad.backend.blas;

import dev.jgrad.backend.Kernels;
import dev.ludovic.netlib.blas.BLAS;

/**
 * {@link Kernels} whose GEMM is a native {@code sgemm}; everything else, and the products below
 * {@code minNativeWork} multiply-adds (where the JNI call costs more than the arithmetic), runs on the
 * {@code delegate} kernels.
 *
 * <p>BLAS is column-major and jgrad row-major. A row-major matrix read column-major is its transpose, so
 * {@code C = op(A) op(B)} is computed as {@code C^T = op(B)^T op(A)^T}: the same arrays, leading dimensions and
 * transpose flags, with the operands swapped and m and n exchanged.
 */
public final class BlasKernels implements Kernels {

    /**
     * Below this many multiply-adds (16^3) a product stays in Java: there the JNI call and OpenBLAS's set-up
     * cost about as much as jgrad's SIMD kernels take in all (~0.5-1 us at 10x8x8 and 16^3, AVX-512), and Java
     * spares the native transition. Above it OpenBLAS is level with or faster than them.
     */
    public static final long DEFAULT_MIN_NATIVE_WORK = 16L * 16 * 16;

    private final BLAS blas;
    private final Kernels delegate;
    private final long minNativeWork;
    private final String library;

    /**
     * @param blas          the native BLAS (never a Java fallback: the provider checks)
     * @param delegate      the kernels for every other loop and for small products
     * @param minNativeWork products with fewer than this many multiply-adds (m * n * k) run on the delegate
     * @param library       the shared library that was loaded, for the backend log
     */
    public BlasKernels(BLAS blas, Kernels delegate, long minNativeWork, String library) {
        if (minNativeWork < 0) {
            throw new IllegalArgumentException("minNativeWork must be >= 0, got " + minNativeWork);
        }
        this.blas = blas;
        this.delegate = delegate;
        this.minNativeWork = minNativeWork;
        this.library = library;
    }

    @Override
    public String name() {
        return "blas";
    }

    @Override
    public String describe() {
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        return "blas (sgemm from " + library + " via netlib JNI, its own threads: OPENBLAS_NUM_THREADS="
                + (threads == null ? "unset = all cores" : threads) + "; products under " + minNativeWork
                + " multiply-adds and all other loops on " + delegate.describe() + ")";
    }

    /** The kernels that run everything but the large products. */
    public Kernels delegate() {
        return delegate;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        // Degenerate shapes go to Java too: BLAS rejects a leading dimension of 0, which k == 0 allows here.
        if (m <= 0 || n <= 0 || k <= 0 || (long) m * n * k < minNativeWork) {
            delegate.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOff, ldb, a, aOff, lda,
                beta, c, cOff, ldc);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        delegate.add(x, xOff, y, yOff, out, outOff, n);
    }

    @Override
    public void sub(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        delegate.sub(x, xOff, y, yOff, out, outOff, n);
    }

    @Override
    public void mul(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        delegate.mul(x, xOff, y, yOff, out, outOff, n);
    }

    @Override
    public void div(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        delegate.div(x, xOff, y, yOff, out, outOff, n);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        delegate.axpy(alpha, x, xOff, y, yOff, n);
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, float[] out, int outOff, int n) {
        delegate.scale(alpha, x, xOff, out, outOff, n);
    }

    @Override
    public void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        delegate.exp(x, xOff, out, outOff, n);
    }

    @Override
    public void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        delegate.tanh(x, xOff, out, outOff, n);
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        delegate.sigmoid(x, xOff, out, outOff, n);
    }

    @Override
    public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        delegate.relu(x, xOff, out, outOff, n);
    }

    @Override
    public void reluBackward(float[] y, int yOff, float[] g, int gOff, int n) {
        delegate.reluBackward(y, yOff, g, gOff, n);
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1, float beta2,
                     float stepSize, float sqrtBias2, float eps, float decay) {
        delegate.adam(w, g, m, v, off, n, beta1, beta2, stepSize, sqrtBias2, eps, decay);
    }

    @Override
    public void gelu(float[] x, int xOff, float[] y, int yOff, int n) {
        delegate.gelu(x, xOff, y, yOff, n);
    }

    @Override
    public void geluBackward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        delegate.geluBackward(x, xOff, y, yOff, g, gOff, n);
    }

    @Override
    public void silu(float[] x, int xOff, float[] y, int yOff, int n) {
        delegate.silu(x, xOff, y, yOff, n);
    }

    @Override
    public void siluBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        delegate.siluBackward(x, xOff, g, gOff, n);
    }

    @Override
    public void elu(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        delegate.elu(alpha, x, xOff, y, yOff, n);
    }

    @Override
    public void eluBackward(float alpha, float[] y, int yOff, float[] g, int gOff, int n) {
        delegate.eluBackward(alpha, y, yOff, g, gOff, n);
    }

    @Override
    public void mish(float[] x, int xOff, float[] y, int yOff, int n) {
        delegate.mish(x, xOff, y, yOff, n);
    }

    @Override
    public void mishBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        delegate.mishBackward(x, xOff, g, gOff, n);
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        return delegate.sum(x, xOff, n);
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        return delegate.dot(x, xOff, y, yOff, n);
    }

    @Override
    public float max(float[] x, int xOff, int n) {
        return delegate.max(x, xOff, n);
    }

    @Override
    public void addRowVector(float[] m, int mOff, int rows, int cols, float[] v, int vOff) {
        delegate.addRowVector(m, mOff, rows, cols, v, vOff);
    }

    @Override
    public void sumRows(float[] m, int mOff, int rows, int cols, float[] out, int outOff) {
        delegate.sumRows(m, mOff, rows, cols, out, outOff);
    }
}
