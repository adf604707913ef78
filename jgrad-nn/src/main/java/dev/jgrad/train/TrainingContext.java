package dev.jgrad.train;

import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;

/** What callbacks can see and do during {@link Trainer#fit}: the model, the optimizer, the history so far, stopping. */
public final class TrainingContext {

    private final Module model;
    private final Optimizer optimizer;
    private final History history;
    private final int epochs;
    private String stopRequest;

    /** For training loops other than {@link Trainer} (distributed training) that drive the same callbacks. */
    public TrainingContext(Module model, Optimizer optimizer, History history, int epochs) {
        this.model = model;
        this.optimizer = optimizer;
        this.history = history;
        this.epochs = epochs;
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
