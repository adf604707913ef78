package dev.jgrad.activation;

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
        double s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        return t + x * (1 - t * t) * s;
    }
}
