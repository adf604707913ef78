package dev.jgrad.io;

import dev.jgrad.optim.OptimizerState;

/**
 * Where training stood when a model file was saved, so it can resume: the epochs completed, the trainer's seed
 * (every random stream of an epoch, the shuffle order and dropout masks, is derived from the seed and the epoch,
 * so the seed and the epoch counter are the whole random state), and the optimizer's state.
 *
 * @param epoch     epochs completed
 * @param seed      the trainer's seed ({@code Trainer.Builder.seed})
 * @param optimizer the optimizer's state, or null when it keeps none that can be saved
 * @param exact     false when the weights are not exactly those at the end of {@code epoch} (training was
 *                  interrupted within the next epoch, or early stopping restored earlier weights): resuming then
 *                  does not reproduce an uninterrupted run
 */
public record TrainingState(int epoch, long seed, OptimizerState optimizer, boolean exact) {

    public TrainingState {
        if (epoch < 0) {
            throw new IllegalArgumentException("TrainingState: epoch must be >= 0, got " + epoch);
        }
    }
}
