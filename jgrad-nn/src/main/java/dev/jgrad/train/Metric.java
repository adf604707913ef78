package dev.jgrad.train;

import dev.jgrad.tensor.Tensor;

/**
 * A number that says how good predictions are, computed on a whole epoch's predictions. The name is the key in
 * {@link History} ({@code "accuracy"}, and {@code "val_accuracy"} on the validation set).
 */
public interface Metric {

    String name();

    /** Computes the metric; {@code prediction} is the model output for the rows of {@code target}. */
    double compute(Tensor prediction, Tensor target);

    /** Whether larger is better (accuracy, R^2) or smaller is (MSE); early stopping uses this. */
    default boolean higherIsBetter() {
        return true;
    }
}
