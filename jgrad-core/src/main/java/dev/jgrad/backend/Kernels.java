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

    /**
     * Exact GELU, {@code y[i] = x[i] Phi(x[i])} (erf-based, PyTorch's default); in place allowed. The smooth
     * activations below default to the scalar kernels of {@link ScalarActivations}, where their math is written
     * down; SIMD implementations replace them.
     */
    default void gelu(float[] x, int xOff, float[] y, int yOff, int n) {
        ScalarActivations.gelu(x, xOff, y, yOff, n);
    }

    /** GELU's backward, fused and in place: {@code g[i] *= Phi(x[i]) + x[i] phi(x[i])}, where {@code y = gelu(x)}. */
    default void geluBackward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        ScalarActivations.geluBackward(x, xOff, y, yOff, g, gOff, n);
    }

    /** SiLU, {@code y[i] = x[i] sigmoid(x[i])}; in place allowed. */
    default void silu(float[] x, int xOff, float[] y, int yOff, int n) {
        ScalarActivations.silu(x, xOff, y, yOff, n);
    }

    /** SiLU's backward in place: {@code g[i] *= s (1 + x (1 - s))}, {@code s = sigmoid(x[i])}. */
    default void siluBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        ScalarActivations.siluBackward(x, xOff, g, gOff, n);
    }

    /** ELU, {@code y[i] = x[i] > 0 ? x[i] : alpha (e^x[i] - 1)}; in place allowed. */
    default void elu(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        ScalarActivations.elu(alpha, x, xOff, y, yOff, n);
    }

    /** ELU's backward in place from the output: {@code g[i] *= y[i] + alpha} where {@code y[i]} is not positive. */
    default void eluBackward(float alpha, float[] y, int yOff, float[] g, int gOff, int n) {
        ScalarActivations.eluBackward(alpha, y, yOff, g, gOff, n);
    }

    /** Mish, {@code y[i] = x[i] tanh(softplus(x[i]))}; in place allowed. */
    default void mish(float[] x, int xOff, float[] y, int yOff, int n) {
        ScalarActivations.mish(x, xOff, y, yOff, n);
    }

    /** Mish's backward in place: {@code g[i] *= t + x sigmoid(x) (1 - t^2)}, {@code t = tanh(softplus(x[i]))}. */
    default void mishBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        ScalarActivations.mishBackward(x, xOff, g, gOff, n);
    }

    /**
     * One Adam step in place over elements {@code off .. off+n-1} of the weights {@code w}, gradient {@code g} and
     * moment buffers {@code m}, {@code v}, exactly as {@link ScalarAdam#update} (the default) defines it, bit for
     * bit: {@code decay} is AdamW's factor {@code 1 - lr * weightDecay} (1 for Adam), {@code stepSize} is
     * {@code lr / (1 - beta1^t)}, {@code sqrtBias2} is {@code sqrt(1 - beta2^t)}.
     */
    default void adam(float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1, float beta2,
                      float stepSize, float sqrtBias2, float eps, float decay) {
        ScalarAdam.update(w, g, m, v, off, n, beta1, beta2, stepSize, sqrtBias2, eps, decay);
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
