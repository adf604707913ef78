package dev.jgrad.optim;

/**
 * A learning rate as a function of time: {@code lr(t)} for the 0-based epoch (or step, if the schedule is applied
 * per step). The trainer's LR-scheduling callback calls it and passes the result to {@link Optimizer#setLr}.
 */
@FunctionalInterface
public interface LrSchedule {

    double lr(int t);

    /** {@code base} throughout. */
    static LrSchedule constant(double base) {
        Hyper.positive("constant schedule", "lr", base);
        return t -> base;
    }

    /** {@code base * gamma^floor(t / stepSize)}: drop by gamma every stepSize epochs. */
    static LrSchedule step(double base, int stepSize, double gamma) {
        return new StepDecay(base, stepSize, gamma);
    }

    /** {@code base * gamma^t}. */
    static LrSchedule exponential(double base, double gamma) {
        return new ExponentialDecay(base, gamma);
    }

    /** Cosine annealing from {@code base} at t=0 down to {@code min} at t=period, then held at min. */
    static LrSchedule cosine(double base, double min, int period) {
        return new CosineAnnealing(base, min, period);
    }

    /** A linear ramp from {@code target/warmup} up to {@code target} over {@code warmup} steps, then {@code after(t - warmup)}. */
    static LrSchedule warmup(int warmup, LrSchedule after) {
        return new LinearWarmup(warmup, after);
    }
}
