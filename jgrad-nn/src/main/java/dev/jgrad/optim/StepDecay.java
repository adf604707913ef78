package dev.jgrad.optim;

/** {@code lr(t) = base * gamma^floor(t / stepSize)}: the classic "divide by 10 every 30 epochs". */
public record StepDecay(double base, int stepSize, double gamma) implements LrSchedule {

    public StepDecay {
        Hyper.positive("StepDecay", "base", base);
        Hyper.positive("StepDecay", "stepSize", stepSize);
        Hyper.positive("StepDecay", "gamma", gamma);
    }

    @Override
    public double lr(int t) {
        return base * Math.pow(gamma, Math.max(0, t) / stepSize);
    }
}
