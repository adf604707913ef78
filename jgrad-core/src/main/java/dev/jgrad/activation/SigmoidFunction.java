package dev.jgrad.activation;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.ScalarActivations;

/** 1 / (1 + e^-x); f' = y (1 - y), the notes' "g o (1 - g)", read from the output. */
final class SigmoidFunction extends SimpleFunction {

    SigmoidFunction() {
        super("sigmoid", "Sigmoid");
    }

    @Override
    public double value(double x) {
        return ScalarActivations.sigmoid(x);
    }

    @Override
    public double derivative(double x) {
        double s = value(x);
        return s * (1 - s);
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        Backend.kernels().sigmoid(x, xOff, y, yOff, n);
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float s = y[yOff + i];
            g[gOff + i] *= s * (1f - s);
        }
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
