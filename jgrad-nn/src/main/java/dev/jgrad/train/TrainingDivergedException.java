package dev.jgrad.train;

/** Thrown by {@link Trainer#fit} when the loss becomes NaN or infinite and the trainer was built to fail. */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
