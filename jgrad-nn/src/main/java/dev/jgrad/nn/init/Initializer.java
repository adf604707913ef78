package dev.jgrad.nn.init;

import dev.jgrad.tensor.Tensor;

import java.util.Random;

/**
 * Fills a weight tensor in place. {@code fanIn} and {@code fanOut} are the number of inputs and outputs of the
 * layer (for a Linear weight {@code [out, in]}: fanIn = in, fanOut = out); scale-aware schemes like Glorot and He
 * use them. All randomness comes from {@code rng}, so the same seed gives the same weights.
 */
@FunctionalInterface
public interface Initializer {

    void initialize(Tensor w, int fanIn, int fanOut, Random rng);

    /**
     * Fills a layer's bias, after its weight, from the same {@code rng}. Biases start at zero unless the scheme says
     * otherwise (PyTorch's {@code nn.Linear} default, {@link Initializers#torch()}, draws them too).
     */
    default void initializeBias(Tensor b, int fanIn, int fanOut, Random rng) {
    }
}
