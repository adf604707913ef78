package dev.jgrad.playground.session;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The few threads every network runs on: each session's training frames and every request that touches an engine
 * (a step, a new setup, a snapshot, a digit). The GEMM keeps a packing workspace per thread that has ever run a
 * product (2-8 MiB each); run from the HTTP server's pool, which grows with the open tabs, a short load left
 * 200+ MiB of them alive. Here there are {@code size} of them, whatever the number of tabs and requests.
 */
public final class EngineThreads implements AutoCloseable {
    private final ScheduledThreadPoolExecutor pool;
    private final ThreadGroup group = new ThreadGroup("playground-engine");

    public EngineThreads(int size) {
        AtomicInteger n = new AtomicInteger();
        pool = new ScheduledThreadPoolExecutor(size, r -> {
            Thread t = new Thread(group, r, "playground-engine-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
    }

    /** One thread per core (the GEMM's own helper threads come on top), at most 2 by default. */
    public static EngineThreads forThisMachine() {
        return new EngineThreads(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    /** Runs {@code work} on an engine thread and returns its result (inline when already on one). */
    public <T> T call(Supplier<T> work) {
        if (Thread.currentThread().getThreadGroup() == group) return work.get();
        Future<T> f = pool.submit(work::get);
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        }
    }

    /** Runs {@code task} on an engine thread after {@code delayNanos}. */
    void schedule(Runnable task, long delayNanos) {
        if (!pool.isShutdown()) pool.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    ScheduledExecutorService executor() {
        return pool;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
