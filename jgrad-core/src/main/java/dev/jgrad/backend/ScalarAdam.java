package dev.jgrad.backend;

/**
 * One Adam (or AdamW) step over a range of a parameter, in scalar float32: the {@link Kernels#adam} default and
 * the reference the vector kernel is checked against bit for bit. Per element, in this order and rounding:
 * <pre>
 *   w' = w * decay                                   (AdamW's decoupled weight decay; 1 for Adam)
 *   m  = beta1 * m + (1 - beta1) * g
 *   v  = beta2 * v + ((1 - beta2) * g) * g
 *   w  = w' - (stepSize * m) / (sqrt(v) / sqrtBias2 + eps)
 * </pre>
 * with {@code stepSize = lr / (1 - beta1^t)} and {@code sqrtBias2 = sqrt(1 - beta2^t)}, so that the last line is
 * {@code lr * mhat / (sqrt(vhat) + eps)}. Every operation is one IEEE float32 operation (the square root too:
 * rounding float64's root of a float to float is the correctly rounded float root), so a vector kernel doing the
 * same operations without fused multiply-adds gets the same bits.
 */
public final class ScalarAdam {

    private ScalarAdam() {
    }

    /** The step above for elements {@code off .. off+n-1} of w, g, m and v (all four indexed alike). */
    public static void update(float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1, float beta2,
                              float stepSize, float sqrtBias2, float eps, float decay) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        for (int i = off; i < off + n; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + c1 * gi;
            float vi = beta2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] = w[i] * decay - stepSize * mi / ((float) Math.sqrt(vi) / sqrtBias2 + eps);
        }
    }
}
