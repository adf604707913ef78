package dev.jgrad.activation;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.ScalarActivations;

/**
 * Exact GELU, {@code x Phi(x)} with the normal CDF (PyTorch's default, not the tanh approximation);
 * {@code f' = Phi(x) + x phi(x)}.
 *
 * <p>The float32 kernels ({@link dev.jgrad.backend.Kernels#gelu}, scalar in
 * {@link dev.jgrad.backend.ScalarActivations}, vectorized in jgrad-simd) compute erfc with the Chebyshev fit of
 * Numerical Recipes (fractional error below 1.2e-7 everywhere, so the left tail stays accurate too), one exp per
 * element forward and one backward, where Phi is read back from the output as y / x.
 */
final class GeluFunction extends SimpleFunction {

    GeluFunction() {
        super("gelu", "GELU");
    }

    @Override
    public double value(double x) {
        return x * ScalarActivations.normalCdf(x);
    }

    @Override
    public double derivative(double x) {
        return ScalarActivations.geluDerivative(x);
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        Backend.kernels().gelu(x, xOff, y, yOff, n);
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        Backend.kernels().geluBackward(x, xOff, y, yOff, g, gOff, n);
    }
}
