package dev.jgrad.nn;

import dev.jgrad.activation.Activations;

import java.util.Map;

/** Rectified linear unit: {@code max(0, x)}, elementwise. Same shape in and out. */
public final class ReLU extends Activation {

    public ReLU() {
        super(Activations.RELU);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
