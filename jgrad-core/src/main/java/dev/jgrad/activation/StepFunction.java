package dev.jgrad.activation;

import java.util.Arrays;

/** Heaviside step, the perceptron's unit: 1 for x &gt;= 0, else 0; flat almost everywhere, so f' = 0. */
final class StepFunction extends SimpleFunction {

    StepFunction() {
        super("step", "Step");
    }

    @Override
    public double value(double x) {
        return x >= 0 ? 1 : 0;
    }

    @Override
    public double derivative(double x) {
        return 0;
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        Arrays.fill(g, gOff, gOff + n, 0f);
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
