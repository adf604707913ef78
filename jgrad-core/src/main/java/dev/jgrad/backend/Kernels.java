package dev.jgrad.backend;

/**
 * The narrow set of numeric loops the tensor ops run on: GEMM in its transposed forms, and the elementwise
 * and reduction loops on contiguous ranges of {@code float[]}.
 *
 * <p>All arrays are row-major; every range is given as (array, offset) plus a length or leading dimension.
 * Implementations must be stateless and thread-safe. Every implementation passes the shared contract test
 * against {@link ReferenceKernels} on awkward sizes.
 */
public interface Kernels {

    /** A short name for logs and benchmark tables, e.g. {@code "reference"}, {@code "java"}, {@code "simd"}. */
    String name();

    /** The name plus how this instance is configured (vector width, alignment...), for the backend log. */
    default String describe() {
        return name();
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} where op(X) is X or X^T.
     *
     * <p>op(A) is m x k, op(B) is k x n, C is m x n. {@code lda} is the row stride of A as stored (k when A is
     * stored m x k, m when {@code transA} and A is stored k x m); likewise {@code ldb} and {@code ldc}.
     * With {@code beta == 0} the old contents of C are ignored (even NaN).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** out[i] = x[i] + y[i]. */
    void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n);

    /** out[i] = x[i] - y[i]. */
    void sub(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n);

    /** out[i] = x[i] * y[i]. */
    void mul(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n);

    /** out[i] = x[i] / y[i]. */
    void div(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n);

    /** y[i] += alpha * x[i]. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** out[i] = alpha * x[i]. */
    void scale(float alpha, float[] x, int xOff, float[] out, int outOff, int n);

    /** out[i] = exp(x[i]). */
    void exp(float[] x, int xOff, float[] out, int outOff, int n);

    /** out[i] = tanh(x[i]). */
    void tanh(float[] x, int xOff, float[] out, int outOff, int n);

    /** out[i] = 1 / (1 + exp(-x[i])), computed without overflow for large |x|. */
    void sigmoid(float[] x, int xOff, float[] out, int outOff, int n);

    /** out[i] = max(0, x[i]), with NaN kept NaN (a diverged unit must not look inactive) and -0 made +0. */
    void relu(float[] x, int xOff, float[] out, int outOff, int n);

    /**
     * ReLU's backward pass in place: g[i] = 0 where y[i] &lt;= 0 (y is the forward output or input), unchanged
     * elsewhere, including where y[i] is NaN. A default so every implementation has it; the loop branches on
     * data, so SIMD implementations should replace it with a compare and blend.
     */
    default void reluBackward(float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            if (y[yOff + i] <= 0f) {
                g[gOff + i] = 0f;
            }
        }
    }

    /** The sum of x[0..n). Accumulation order is implementation-defined (so results may differ in the last bits). */
    float sum(float[] x, int xOff, int n);

    /** The dot product of x[0..n) and y[0..n). */
    float dot(float[] x, int xOff, float[] y, int yOff, int n);

    /** The largest of x[0..n), n &gt;= 1; NaN if any element is NaN. */
    float max(float[] x, int xOff, int n);

    /** m[r, c] += v[c] for a rows x cols row-major matrix: adding a bias row to every row. */
    void addRowVector(float[] m, int mOff, int rows, int cols, float[] v, int vOff);

    /** out[c] += sum over r of m[r, c]: the column sums, e.g. a bias gradient. */
    void sumRows(float[] m, int mOff, int rows, int cols, float[] out, int outOff);
}
