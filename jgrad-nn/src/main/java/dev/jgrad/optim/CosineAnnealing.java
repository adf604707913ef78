package dev.jgrad.optim;

/**
 * {@code lr(t) = min + (base - min) (1 + cos(pi t / period)) / 2} for {@code t <= period}, then {@code min}:
 * a smooth decay that spends more time at the small end.
 */
public record CosineAnnealing(double base, double min, int period) implements LrSchedule {

    public CosineAnnealing {
        Hyper.positive("CosineAnnealing", "base", base);
        Hyper.positive("CosineAnnealing", "period", period);
        if (!(min > 0 && min <= base)) {
            throw new IllegalArgumentException("CosineAnnealing: min must be in (0, base], got " + min);
        }
    }

    @Override
    public double lr(int t) {
        if (t >= period) {
            return min;
        }
        double progress = Math.max(0, t) / (double) period;
        return min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
