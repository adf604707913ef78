package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.optim.OptimizerState;
import dev.jgrad.train.Shards;

import java.io.Serializable;

/**
 * A checkpoint: everything that determines the rest of training after {@code step} global steps: the weights and the
 * optimizer's {@link OptimizerState} (the one representation model files store too: buffers, step count, learning
 * rate). The data order and dropout streams are functions of the seed, epoch and step (workers replay them), so a
 * chunk resubmitted from this state gives the same result.
 */
record TrainingState(long step, float[] weights, OptimizerState optimizer) implements Serializable {

    static TrainingState of(long step, Module model, GradientOptimizer optimizer) {
        float[] w = new float[Shards.size(model.parameters())];
        Shards.copyValues(model.parameters(), w);
        return new TrainingState(step, w, optimizer.state());
    }

    /** Puts this state into a model and optimizer built by the same factories. */
    void restore(Module model, GradientOptimizer into) {
        Shards.setValues(model.parameters(), weights);
        into.loadState(optimizer);
    }
}
