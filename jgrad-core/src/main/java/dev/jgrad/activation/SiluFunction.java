package dev.jgrad.activation;

import dev.jgrad.backend.Backend;

/** SiLU (Swish), {@code x sigmoid(x)}; {@code f' = s (1 + x (1 - s))} with {@code s = sigmoid(x)}. */
final class SiluFunction extends SimpleFunction {

    SiluFunction() {
        super("silu", "SiLU");
    }

    @Override
    public double value(double x) {
        return x * sigmoid(x);
    }

    @Override
    public double derivative(double x) {
        double s = sigmoid(x);
        return s * (1 + x * (1 - s));
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        float[] s = new float[Math.min(n, CHUNK)];
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            Backend.kernels().sigmoid(x, xOff + from, s, 0, len);
            for (int i = 0; i < len; i++) {
                y[yOff + from + i] = x[xOff + from + i] * s[i];
            }
        }
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        float[] s = new float[Math.min(n, CHUNK)];
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            Backend.kernels().sigmoid(x, xOff + from, s, 0, len);
            for (int i = 0; i < len; i++) {
                float si = s[i];
                g[gOff + from + i] *= si * (1f + x[xOff + from + i] * (1f - si));
            }
        }
    }
}
