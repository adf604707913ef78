package dev.jgrad.activation;

import dev.jgrad.backend.Backend;

/** ELU: x for x &gt; 0, alpha (e^x - 1) otherwise; f' = 1 or alpha e^x = y + alpha, read from the output. */
final class EluFunction extends SimpleFunction {

    private final float alpha;

    EluFunction(double alpha) {
        super(Activations.spec("elu", alpha), "ELU (alpha " + Activations.format(alpha) + ")");
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("elu: alpha must be >= 0, got " + alpha);
        }
        this.alpha = (float) alpha;
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : alpha * Math.exp(x);
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        Backend.kernels().elu(alpha, x, xOff, y, yOff, n);
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        Backend.kernels().eluBackward(alpha, y, yOff, g, gOff, n);
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
