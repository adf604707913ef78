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
}
