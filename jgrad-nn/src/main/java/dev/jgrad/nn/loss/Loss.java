package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/** A training objective: a scalar tensor measuring how far {@code prediction} is from {@code target}. */
@FunctionalInterface
public interface Loss {

    /** The loss as a one-element tensor, differentiable with respect to {@code prediction}. */
    Tensor apply(Tensor prediction, Tensor target);

    /**
     * How the loss runs, for the training step's log line: {@code "one fused op"} for the losses written as a
     * single op with their own backward, a composition of tensor ops otherwise (correct, with a few temporaries).
     */
    default String execution() {
        return "a composition of tensor ops";
    }
}
