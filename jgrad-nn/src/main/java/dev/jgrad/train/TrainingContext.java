package dev.jgrad.train;

import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;

/** What callbacks can see and do during {@link Trainer#fit}: the model, the optimizer, the history so far, stopping. */
public final class TrainingContext {

    private final Module model;
    private final Optimizer optimizer;
    private final History history;
    private final int epochs;
    private final Long seed;
    private String stopRequest;

    /** For training loops other than {@link Trainer} (distributed training) that drive the same callbacks. */
    public TrainingContext(Module model, Optimizer optimizer, History history, int epochs) {
        this(model, optimizer, history, epochs, null);
    }

    /** With the training seed, when the loop derives its batches and streams from one (see {@link Trainer}). */
    public TrainingContext(Module model, Optimizer optimizer, History history, int epochs, Long seed) {
        this.model = model;
        this.optimizer = optimizer;
        this.history = history;
        this.epochs = epochs;
        this.seed = seed;
    }

    /** The seed epoch orders and streams are derived from, if the run has one: what a resumed run needs again. */
    public java.util.OptionalLong seed() {
        return seed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seed);
    }

    public Module model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The epochs completed so far. */
    public History history() {
        return history;
    }

    /** The planned number of epochs. */
    public int epochs() {
        return epochs;
    }

    /** Asks the trainer to stop after the current step; the reason ends up in {@link History#stopReason()}. */
    public void stop(String reason) {
        if (stopRequest == null) {
            stopRequest = reason;
        }
    }

    /** The reason a callback asked to stop, or null. */
    public String stopRequest() {
        return stopRequest;
    }
}
