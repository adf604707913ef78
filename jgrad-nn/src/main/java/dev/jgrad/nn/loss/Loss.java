package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/** A training objective: a scalar tensor measuring how far {@code prediction} is from {@code target}. */
@FunctionalInterface
public interface Loss {

    /** The loss as a one-element tensor, differentiable with respect to {@code prediction}. */
    Tensor apply(Tensor prediction, Tensor target);
}
