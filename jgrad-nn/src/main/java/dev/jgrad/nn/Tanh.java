package dev.jgrad.nn;

import dev.jgrad.activation.Activations;

import java.util.Map;

/** Hyperbolic tangent, elementwise; outputs in (-1, 1). Same shape in and out. */
public final class Tanh extends Activation {

    public Tanh() {
        super(Activations.TANH);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
