package dev.jgrad.nn;

import dev.jgrad.activation.Activations;

import java.util.Map;

/** Logistic sigmoid {@code 1 / (1 + e^-x)}, elementwise; outputs in (0, 1). Same shape in and out. */
public final class Sigmoid extends Activation {

    public Sigmoid() {
        super(Activations.SIGMOID);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
