package dev.jgrad.nn;

import dev.jgrad.activation.Activations;
import dev.jgrad.tensor.Tensor;

import java.util.Map;

/** Returns its input unchanged: a "linear" activation, e.g. to make a layer list uniform. */
public final class Identity extends Activation {

    public Identity() {
        super(Activations.IDENTITY);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
