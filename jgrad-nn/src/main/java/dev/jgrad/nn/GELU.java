package dev.jgrad.nn;

import dev.jgrad.activation.Activations;

import java.util.Map;

/** Gaussian error linear unit {@code x * Phi(x)} (exact), elementwise. Same shape in and out. */
public final class GELU extends Activation {

    public GELU() {
        super(Activations.GELU);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
