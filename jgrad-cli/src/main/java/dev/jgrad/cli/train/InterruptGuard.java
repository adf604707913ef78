package dev.jgrad.cli.train;

import dev.jgrad.train.Callback;
import dev.jgrad.train.Progress;
import dev.jgrad.train.TrainingContext;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during training: a shutdown hook asks the trainer to stop after the current step, then holds the JVM open
 * until the command has saved a checkpoint and said so ({@link #release()}), at most {@link #MAX_WAIT_SECONDS}.
 * The weights are never read while an optimizer step writes them, because the save happens on the training thread.
 */
public final class InterruptGuard implements Callback, AutoCloseable {

    static final long MAX_WAIT_SECONDS = 60;

    private final Thread hook;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean requested;

    private InterruptGuard() {
        this.hook = new Thread(this::onShutdown, "jgrad-train-interrupt");
    }

    /** Registers the shutdown hook; close the guard when training and saving are over. */
    public static InterruptGuard install() {
        InterruptGuard g = new InterruptGuard();
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    private void onShutdown() {
        requested = true;
        try {
            released.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onStepEnd(TrainingContext context, Progress progress) {
        if (requested) {
            context.stop("interrupted (Ctrl-C or a termination signal) at epoch " + progress.epoch() + ", step " + progress.step());
        }
    }

    /** Whether Ctrl-C (or a termination signal) arrived. */
    public boolean interrupted() {
        return requested;
    }

    /** Lets a waiting shutdown proceed: call once the checkpoint is saved and reported. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C); the hook has been released above.
        }
    }
}
