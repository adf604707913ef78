package dev.jgrad.nn;

import dev.jgrad.activation.Activations;

import java.util.Map;

/** {@code x} for {@code x > 0}, {@code alpha * x} otherwise, elementwise (catalog {@code leaky-relu:alpha}). */
public final class LeakyReLU extends Activation {

    private final float alpha;

    /** The PyTorch default slope, 0.01. */
    public LeakyReLU() {
        this(0.01f);
    }

    public LeakyReLU(double alpha) {
        super(Activations.parse("leaky-relu:" + (float) checked(alpha))); // the float32 slope, printed shortest
        this.alpha = (float) alpha;
    }

    private static double checked(double alpha) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LeakyReLU: alpha must be >= 0 and finite, got " + alpha);
        }
        return alpha;
    }

    public float alpha() {
        return alpha;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("alpha", alpha);
    }
}
