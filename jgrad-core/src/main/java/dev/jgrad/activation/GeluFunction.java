package dev.jgrad.activation;

import dev.jgrad.backend.Backend;

/**
 * Exact GELU, {@code x Phi(x)} with the normal CDF (PyTorch's default, not the tanh approximation);
 * {@code f' = Phi(x) + x phi(x)}.
 *
 * <p>The float32 kernels compute erfc with the Chebyshev fit of Numerical Recipes (fractional error below
 * 1.2e-7 everywhere, so the left tail stays accurate too), needing one vectorized exp per element forward and
 * one backward, where Phi is read back from the output as y / x.
 */
final class GeluFunction extends SimpleFunction {

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    GeluFunction() {
        super("gelu", "GELU");
    }

    @Override
    public double value(double x) {
        return x * normalCdf(x);
    }

    @Override
    public double derivative(double x) {
        return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    static double normalCdf(double x) {
        double e = erfcAbs(Math.abs(x) * INV_SQRT2);
        return x >= 0 ? 1 - 0.5 * e : 0.5 * e;
    }

    /** erfc(z) for z &gt;= 0 (Numerical Recipes' erfcc, fractional error &lt; 1.2e-7). */
    static double erfcAbs(double z) {
        double t = 1.0 / (1.0 + 0.5 * z);
        return t * Math.exp(-z * z + exponentPolynomial(t));
    }

    private static double exponentPolynomial(double t) {
        return -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        // Chunks copied to a local array, the polynomial in Horner steps and no branch: C2 compiles this about
        // twice as fast as the same math reading x at an offset (measured: 4.5 vs 7.4 ns per element).
        int c = Math.min(n, CHUNK);
        float[] e = new float[c];
        float[] xs = new float[c];
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            System.arraycopy(x, xOff + from, xs, 0, len);
            for (int i = 0; i < len; i++) {
                float z = Math.abs(xs[i]) * (float) INV_SQRT2;
                float t = 1f / (1f + 0.5f * z);
                float p = 0.17087277f;
                p = p * t - 0.82215223f;
                p = p * t + 1.48851587f;
                p = p * t - 1.13520398f;
                p = p * t + 0.27886807f;
                p = p * t - 0.18628806f;
                p = p * t + 0.09678418f;
                p = p * t + 0.37409196f;
                p = p * t + 1.00002368f;
                p = p * t - 1.26551223f;
                e[i] = p - z * z;
            }
            Backend.kernels().exp(e, 0, e, 0, len); // erfc(z) = t e^(p - z^2)
            for (int i = 0; i < len; i++) {
                float v = xs[i];
                float z = Math.abs(v) * (float) INV_SQRT2;
                float half = 0.5f * e[i] / (1f + 0.5f * z); // erfc(|v|/sqrt2) / 2
                float s = Math.copySign(1f, v);
                // Phi = 1 - half for v >= 0, half below: (1 or 0) - (+-half), exact in the left tail too, no branch
                // (random signs mispredict).
                xs[i] = v * ((0.5f + 0.5f * s) - s * half);
            }
            System.arraycopy(xs, 0, y, yOff + from, len);
        }
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        float[] e = new float[Math.min(n, CHUNK)];
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            for (int i = 0; i < len; i++) {
                float v = x[xOff + from + i];
                e[i] = -0.5f * v * v;
            }
            Backend.kernels().exp(e, 0, e, 0, len);
            for (int i = 0; i < len; i++) {
                float v = x[xOff + from + i];
                float cdf = v != 0f ? y[yOff + from + i] / v : 0.5f;
                g[gOff + from + i] *= cdf + v * (float) INV_SQRT_2PI * e[i];
            }
        }
    }
}
