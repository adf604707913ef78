package dev.jgrad.train;

/**
 * Hooks into the training loop. Every method has an empty default; a callback overrides what it needs and may
 * call {@link TrainingContext#stop(String)} to end training after the current step or epoch.
 * Built-ins: {@link ProgressReporter}, {@link EarlyStopping}, {@link Checkpoint}, {@link LrScheduler}.
 */
public interface Callback {

    default void onTrainBegin(TrainingContext context) {
    }

    /** Before epoch {@code epoch} (1-based). */
    default void onEpochBegin(TrainingContext context, int epoch) {
    }

    /** After each optimizer step. */
    default void onStepEnd(TrainingContext context, Progress progress) {
    }

    /** After an epoch's training and validation, once its record is in the history. */
    default void onEpochEnd(TrainingContext context, EpochRecord record) {
    }

    /** Once at the end, also after early stopping or divergence. */
    default void onTrainEnd(TrainingContext context, History history) {
    }
}
