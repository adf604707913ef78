package dev.jgrad.train;

/** Receives training progress, e.g. to print it or to update a chart; see {@link Trainer.Builder#progress}. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(Progress progress);
}
