package dev.jgrad.nn;

import dev.jgrad.activation.Activations;

import java.util.Map;

/**
 * The Heaviside step {@code [x >= 0]}, elementwise: the perceptron's activation. Its gradient is zero almost
 * everywhere, so a network of steps cannot be trained by backprop; see {@link Perceptron} for the rule that can
 * train a single one.
 */
public final class Step extends Activation {

    public Step() {
        super(Activations.STEP);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
