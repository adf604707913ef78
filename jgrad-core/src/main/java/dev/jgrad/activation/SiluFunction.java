package dev.jgrad.activation;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.ScalarActivations;

/** SiLU (Swish), {@code x sigmoid(x)}; {@code f' = s (1 + x (1 - s))} with {@code s = sigmoid(x)}. */
final class SiluFunction extends SimpleFunction {

    SiluFunction() {
        super("silu", "SiLU");
    }

    @Override
    public double value(double x) {
        return x * ScalarActivations.sigmoid(x);
    }

    @Override
    public double derivative(double x) {
        double s = ScalarActivations.sigmoid(x);
        return s * (1 + x * (1 - s));
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        Backend.kernels().silu(x, xOff, y, yOff, n);
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        Backend.kernels().siluBackward(x, xOff, g, gOff, n);
    }
}
