package dev.jgrad.spark;

/** Distributed training could not start or finish; the message is one line that says why and what to do. */
public final class SparkTrainingException extends RuntimeException {

    public SparkTrainingException(String message) {
        super(message);
    }

    public SparkTrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
