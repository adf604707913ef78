package dev.jgrad.optim;

/** {@code lr(t) = base * gamma^t}. */
public record ExponentialDecay(double base, double gamma) implements LrSchedule {

    public ExponentialDecay {
        Hyper.positive("ExponentialDecay", "base", base);
        Hyper.positive("ExponentialDecay", "gamma", gamma);
    }

    @Override
    public double lr(int t) {
        return base * Math.pow(gamma, Math.max(0, t));
    }
}
