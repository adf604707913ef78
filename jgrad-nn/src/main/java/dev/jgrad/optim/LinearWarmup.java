package dev.jgrad.optim;

/**
 * Linear warm-up: {@code lr(t) = after(0) * (t + 1) / warmup} for {@code t < warmup}, then {@code after(t - warmup)}.
 * Small steps first keep Adam's early, noisy updates from throwing the weights far away.
 */
public record LinearWarmup(int warmup, LrSchedule after) implements LrSchedule {

    public LinearWarmup {
        Hyper.positive("LinearWarmup", "warmup", warmup);
        if (after == null) {
            throw new IllegalArgumentException("LinearWarmup: after must not be null");
        }
    }

    @Override
    public double lr(int t) {
        if (t < warmup) {
            return after.lr(0) * (Math.max(0, t) + 1) / warmup;
        }
        return after.lr(t - warmup);
    }
}
