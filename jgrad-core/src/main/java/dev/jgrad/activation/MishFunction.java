package dev.jgrad.activation;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.ScalarActivations;

/** Mish, {@code x tanh(softplus(x))}; {@code f' = tanh(sp) + x (1 - tanh(sp)^2) sigmoid(x)}. */
final class MishFunction extends SimpleFunction {

    MishFunction() {
        super("mish", "Mish");
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double value(double x) {
        return x * Math.tanh(softplus(x));
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(softplus(x));
        double s = ScalarActivations.sigmoid(x);
        return t + x * (1 - t * t) * s;
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        Backend.kernels().mish(x, xOff, y, yOff, n);
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        Backend.kernels().mishBackward(x, xOff, g, gOff, n);
    }
}
