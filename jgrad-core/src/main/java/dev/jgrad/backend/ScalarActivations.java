package dev.jgrad.backend;

/**
 * The scalar float32 kernels of the smooth activations (GELU, SiLU, ELU, Mish), forward and backward: the
 * {@link Kernels} defaults, the reference the vector implementations are tested against, and their tails. Each
 * backward is fused: it multiplies the incoming gradient by the derivative in place, in one pass.
 *
 * <p>The math (the float64 versions are the activations' {@code value}/{@code derivative}):
 * <ul>
 *   <li>GELU (exact, as PyTorch's default): {@code x Phi(x)}, {@code Phi(x) = erfc(-x/sqrt2)/2}, erfc from the
 *       Chebyshev fit of Numerical Recipes, {@code erfc(z) = t exp(P(t) - z^2)}, {@code t = 1/(1 + z/2)}, fractional
 *       error below 1.2e-7 for every z &gt;= 0, so the left tail keeps its relative accuracy; here evaluated in
 *       float64 and rounded once. Backward: {@code Phi(x) + x phi(x)}.</li>
 *   <li>SiLU: {@code x s}, {@code s = sigmoid(x)}; backward {@code s (1 + x (1 - s))}.</li>
 *   <li>ELU: {@code x} for {@code x > 0}, else {@code alpha expm1(x)}; backward from the output:
 *       {@code 1} or {@code y + alpha}.</li>
 *   <li>Mish: {@code x tanh(softplus(x))}, written with {@code u = e^x} as {@code tanh(softplus(x)) = n/(n + 2)},
 *       {@code n = u (u + 2)} (one exp, no cancellation); backward {@code t + x s (4n + 4)/(n + 2)^2} where
 *       {@code (4n + 4)/(n + 2)^2 = 1 - t^2}.</li>
 * </ul>
 */
public final class ScalarActivations {

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    /** Above this, Mish's {@code u = e^x} would overflow; tanh(softplus(x)) is 1 in float32 long before. */
    public static final float MISH_CLAMP = 20f;

    /** Numerical Recipes' erfcc coefficients of P(t), highest power first (Horner order). */
    private static final double[] ERFC_POLY = {0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807,
            -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223};

    /** P(t)'s coefficients, highest power first, for kernels that evaluate it elsewhere (the vector GELU). */
    public static double[] erfcPolynomial() {
        return ERFC_POLY.clone();
    }

    private ScalarActivations() {
    }

    /** {@code y[i] = x[i] Phi(x[i])}; in place allowed. */
    public static void gelu(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = gelu(x[xOff + i]);
        }
    }

    /** Exact GELU of one value, rounded once from float64. */
    public static float gelu(float v) {
        return (float) (v * normalCdf(v));
    }

    /** {@code g[i] *= Phi(x[i]) + x[i] phi(x[i])}; {@code y = gelu(x)} is not needed here. */
    public static void geluBackward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            g[gOff + i] *= (float) geluDerivative(x[xOff + i]);
        }
    }

    /** GELU's derivative {@code Phi(x) + x phi(x)} in float64. */
    public static double geluDerivative(double x) {
        return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** The standard normal CDF in float64, from {@link #erfcAbs}. */
    public static double normalCdf(double x) {
        double e = erfcAbs(Math.abs(x) * INV_SQRT2);
        return x >= 0 ? 1 - 0.5 * e : 0.5 * e;
    }

    /** erfc(z) for z &gt;= 0 (Numerical Recipes' erfcc, fractional error &lt; 1.2e-7). */
    public static double erfcAbs(double z) {
        double t = 1.0 / (1.0 + 0.5 * z);
        double p = ERFC_POLY[0];
        for (int k = 1; k < ERFC_POLY.length; k++) {
            p = p * t + ERFC_POLY[k];
        }
        return t * Math.exp(p - z * z);
    }

    /** {@code y[i] = x[i] sigmoid(x[i])}; in place allowed. */
    public static void silu(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = (float) (v * sigmoid(v));
        }
    }

    /** {@code g[i] *= s (1 + x (1 - s))} with {@code s = sigmoid(x[i])}, in float64 (1 - s keeps its digits). */
    public static void siluBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            double s = sigmoid(v);
            g[gOff + i] *= (float) (s * (1 + v * (1 - s)));
        }
    }

    /** The logistic function in float64, without overflow. */
    public static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** {@code y[i] = x[i] > 0 ? x[i] : alpha expm1(x[i])}; in place allowed. */
    public static void elu(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v > 0 ? v : alpha * (float) Math.expm1(v); // expm1: no cancellation near 0
        }
    }

    /** {@code g[i] *= y[i] + alpha} where the output {@code y[i]} is not positive (ELU's derivative there). */
    public static void eluBackward(float alpha, float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = y[yOff + i];
            if (!(v > 0)) {
                g[gOff + i] *= v + alpha;
            }
        }
    }

    /** {@code y[i] = x[i] tanh(softplus(x[i]))}; in place allowed. */
    public static void mish(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            float u = (float) Math.exp(Math.min(v, MISH_CLAMP));
            float m = u * (u + 2f);
            y[yOff + i] = v * (m / (m + 2f));
        }
    }

    /** {@code g[i] *= tanh(sp) + x sigmoid(x) (1 - tanh(sp)^2)}. */
    public static void mishBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            // Clamped, x (1 - t^2) s is below 1e-15 and so is its true value: f' is 1 to float precision.
            float v = Math.min(x[xOff + i], MISH_CLAMP);
            float u = (float) Math.exp(v);
            float m = u * (u + 2f);
            float d = m + 2f;
            float s = u / (1f + u);
            g[gOff + i] *= m / d + v * s * (4f * m + 4f) / (d * d);
        }
    }
}
