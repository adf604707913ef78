package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.train.Shards;

import java.io.Serializable;
import java.util.List;

/**
 * A checkpoint: everything that determines the rest of training after {@code step} global steps: the weights, the
 * optimizer's state arrays and step count. The shuffle generator's state is a function of the epoch (workers
 * replay it from the seed), so a chunk resubmitted from this state gives the same result.
 */
record TrainingState(long step, float[] weights, float[][] optimizerState, long optimizerSteps) implements Serializable {

    static TrainingState of(long step, Module model, GradientOptimizer optimizer) {
        List<Parameter> params = model.parameters();
        float[] w = new float[Shards.size(params)];
        Shards.copyValues(params, w);
        List<float[]> arrays = optimizer.stateArrays();
        float[][] s = new float[arrays.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = arrays.get(i).clone();
        }
        return new TrainingState(step, w, s, optimizer.steps());
    }

    /** Puts this state into a freshly built model and optimizer. */
    void restore(Module model, GradientOptimizer optimizer) {
        Shards.setValues(model.parameters(), weights);
        List<float[]> arrays = optimizer.stateArrays();
        if (arrays.size() != optimizerState.length) {
            throw new IllegalStateException("checkpoint has " + optimizerState.length + " optimizer state arrays, the "
                    + "optimizer " + arrays.size() + " (the optimizer factory must build the same optimizer)");
        }
        for (int i = 0; i < optimizerState.length; i++) {
            System.arraycopy(optimizerState[i], 0, arrays.get(i), 0, optimizerState[i].length);
        }
        optimizer.restoreSteps(optimizerSteps);
    }
}
