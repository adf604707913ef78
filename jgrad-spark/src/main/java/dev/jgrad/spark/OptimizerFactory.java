package dev.jgrad.spark;

import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.GradientOptimizer;

import java.io.Serializable;
import java.util.List;

/**
 * Builds the optimizer over a model's parameters on every worker, e.g. {@code p -> new Adam(p, 1e-3)}; its state
 * arrays and step count travel in each checkpoint.
 */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
    GradientOptimizer create(List<Parameter> params);
}
