package dev.jgrad.activation;

/**
 * Softplus, {@code log(1 + e^(beta x)) / beta}, and x itself where {@code beta x > threshold} (PyTorch's
 * definition). f' = sigmoid(beta x) = 1 - e^(-beta y), read from the output.
 */
final class SoftplusFunction extends SimpleFunction {

    private final double beta;
    private final double threshold;

    SoftplusFunction(double beta, double threshold) {
        super(Activations.spec("softplus", beta, threshold), "Softplus (beta " + Activations.format(beta) + ")");
        if (!(beta > 0)) {
            throw new IllegalArgumentException("softplus: beta must be > 0, got " + beta);
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public double value(double x) {
        double bx = beta * x;
        return bx > threshold ? x : (Math.max(bx, 0) + Math.log1p(Math.exp(-Math.abs(bx)))) / beta;
    }

    @Override
    public double derivative(double x) {
        double bx = beta * x;
        return bx > threshold ? 1 : (bx >= 0 ? 1 / (1 + Math.exp(-bx)) : Math.exp(bx) / (1 + Math.exp(bx)));
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            double by = beta * y[yOff + i];
            g[gOff + i] *= by > threshold ? 1f : (float) -Math.expm1(-by);
        }
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
