package dev.jgrad.optim;

/** Hyperparameter checks; messages name the optimizer, the hyperparameter and the value. */
final class Hyper {

    private Hyper() {
    }

    static double positive(String owner, String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be > 0, got " + v);
        }
        return v;
    }

    static double nonNegative(String owner, String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be >= 0, got " + v);
        }
        return v;
    }

    /** For decay rates like momentum and betas: [0, 1). */
    static double unitInterval(String owner, String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be in [0, 1), got " + v);
        }
        return v;
    }

    static int positive(String owner, String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(owner + ": " + name + " must be > 0, got " + v);
        }
        return v;
    }
}
