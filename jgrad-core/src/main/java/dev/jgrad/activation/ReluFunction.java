package dev.jgrad.activation;

import dev.jgrad.backend.Backend;

/** max(0, x); the gradient flows where the unit is active (y &gt; 0), read from the output. */
final class ReluFunction extends SimpleFunction {

    ReluFunction() {
        super("relu", "ReLU");
    }

    @Override
    public double value(double x) {
        return Double.isNaN(x) ? x : Math.max(0, x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : 0;
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        Backend.kernels().relu(x, xOff, y, yOff, n);
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        Backend.kernels().reluBackward(y, yOff, g, gOff, n);
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
