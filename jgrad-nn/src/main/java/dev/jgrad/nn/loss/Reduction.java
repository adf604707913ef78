package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/** How per-element (or per-sample) losses become one number. */
public enum Reduction {
    /** The average: insensitive to batch size, the default. */
    MEAN,
    /** The total, as in the lecture notes' {@code sum (F(x_i) - y_i)^2}. */
    SUM;

    Tensor reduce(Tensor losses) {
        return this == MEAN ? losses.mean() : losses.sum();
    }
}
