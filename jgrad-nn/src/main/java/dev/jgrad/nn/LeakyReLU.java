package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.Map;

/** {@code x} for {@code x > 0}, {@code alpha * x} otherwise, elementwise. Same shape in and out. */
public final class LeakyReLU extends Module {

    private final float alpha;

    /** The PyTorch default slope, 0.01. */
    public LeakyReLU() {
        this(0.01f);
    }

    public LeakyReLU(double alpha) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LeakyReLU: alpha must be >= 0 and finite, got " + alpha);
        }
        this.alpha = (float) alpha;
    }

    public float alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(alpha);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("alpha", alpha);
    }
}
