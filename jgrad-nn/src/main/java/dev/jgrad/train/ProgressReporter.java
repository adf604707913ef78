package dev.jgrad.train;

/** Forwards every {@code everySteps}-th step's {@link Progress} (and each epoch's last step) to a listener. */
public final class ProgressReporter implements Callback {

    private final ProgressListener listener;
    private final int everySteps;

    public ProgressReporter(ProgressListener listener, int everySteps) {
        if (listener == null) {
            throw new IllegalArgumentException("ProgressReporter: listener must not be null");
        }
        if (everySteps <= 0) {
            throw new IllegalArgumentException("ProgressReporter: everySteps must be > 0, got " + everySteps);
        }
        this.listener = listener;
        this.everySteps = everySteps;
    }

    @Override
    public void onStepEnd(TrainingContext context, Progress progress) {
        if (progress.step() % everySteps == 0 || progress.step() == progress.stepsPerEpoch()) {
            listener.onProgress(progress);
        }
    }
}
