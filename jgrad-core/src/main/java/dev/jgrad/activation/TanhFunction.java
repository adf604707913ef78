package dev.jgrad.activation;

import dev.jgrad.backend.Backend;

/** tanh(x); f' = 1 - y^2, read from the output. */
final class TanhFunction extends SimpleFunction {

    TanhFunction() {
        super("tanh", "Tanh");
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(x);
        return 1 - t * t;
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        Backend.kernels().tanh(x, xOff, y, yOff, n);
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float t = y[yOff + i];
            g[gOff + i] *= 1f - t * t;
        }
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
