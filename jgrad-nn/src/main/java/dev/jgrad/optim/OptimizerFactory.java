package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;

/** An optimizer with its hyperparameters chosen, waiting for the parameters and the learning rate. */
@FunctionalInterface
public interface OptimizerFactory {
    Optimizer create(List<? extends Tensor> params, double lr);
}
