package dev.jgrad.backend;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * jgrad's worker threads: runs a piece of work cut into disjoint parts on the calling thread and up to
 * {@link #threads()} {@code - 1} daemon workers, and returns when every part is done.
 *
 * <p>The one piece of global state: the workers, started on the first {@link #run} that can use one and never
 * stopped (daemon, so they never keep the JVM alive). A hand-off allocates nothing and costs well under a
 * microsecond while a worker is awake: the caller stores the task in the worker's slot and flips a volatile flag;
 * a worker spins for {@link #SPIN_NANOS} after each part (a training step issues its parallel work a few
 * microseconds apart) and only then parks, because waking a parked thread costs tens of microseconds in a VM. The
 * caller always runs part 0 itself; a worker busy with another caller's part is simply not used (that part runs on
 * the caller too), so concurrent callers never wait for each other and cannot deadlock.
 *
 * <p>The thread count is {@code -Djgrad.threads=N} (default: available processors, at most 2 unless the property
 * asks for more) or {@link #configure}, fixed for the JVM by the first use; {@code 1} starts no worker. Which part
 * runs on which thread varies from call to call, so a task must give the same result whichever thread runs a part:
 * parts write disjoint outputs, and nothing sums across parts in an order that depends on the thread count.
 */
public final class WorkerPool {

    /** A piece of work cut into {@code parts} disjoint parts; {@link #run(int, int)} does part {@code part}. */
    @FunctionalInterface
    public interface Parts {
        void run(int part, int parts);
    }

    /** At most this many parts per call (one bit each in the caller's bookkeeping). */
    public static final int MAX_PARTS = 64;

    /** How long an idle worker (and a caller waiting for one) spins before parking. */
    static final long SPIN_NANOS = 100_000L;

    /** 0 until fixed: by {@link #configure} or, at the first {@link #threads()} call, by the property. */
    private static volatile int fixedThreads;

    private static volatile Worker[] workers;

    private WorkerPool() {
    }

    /** How many threads (the caller and the workers) parallel work uses; fixed for the JVM by the first call. */
    public static int threads() {
        int n = fixedThreads;
        if (n == 0) {
            synchronized (WorkerPool.class) {
                if (fixedThreads == 0) {
                    fixedThreads = configuredThreads();
                }
                n = fixedThreads;
            }
        }
        return n;
    }

    /**
     * Fixes the thread count explicitly (a program's {@code --threads} option) before any parallel work has run;
     * the same count again is a no-op, another one after the count was fixed is an error that says by whom.
     */
    public static synchronized void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (fixedThreads != 0 && fixedThreads != threads) {
            throw new IllegalStateException("the thread count is already fixed at " + fixedThreads
                    + " for this JVM (by an earlier configure call or the first product); configure it before any"
                    + " tensor work");
        }
        fixedThreads = threads;
    }

    private static int configuredThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        String prop = System.getProperty("jgrad.threads");
        if (prop != null && !prop.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(prop.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("jgrad.threads must be a positive integer, got '" + prop + "'", e);
            }
        }
        return Math.max(1, Math.min(2, cores));
    }

    private static Worker[] workers() {
        Worker[] w = workers;
        if (w == null) {
            synchronized (WorkerPool.class) {
                w = workers;
                if (w == null) {
                    w = new Worker[threads() - 1];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = new Worker("jgrad-worker-" + (i + 1));
                        w[i].start();
                    }
                    workers = w;
                }
            }
        }
        return w;
    }

    /**
     * Runs parts {@code 0 .. parts-1} of {@code task}: part {@code i >= 1} on worker {@code i - 1} if that worker
     * is free, every other part on the calling thread. Returns when all parts are done; the first failure of any
     * part is rethrown then (after the others finished, since they may write into the caller's arrays). The task
     * object must not be reused for another call until this one returns.
     */
    public static void run(Parts task, int parts) {
        if (parts < 1 || parts > MAX_PARTS) {
            throw new IllegalArgumentException("parts must be 1.." + MAX_PARTS + ", got " + parts);
        }
        if (parts == 1 || threads() <= 1) {
            for (int i = 0; i < parts; i++) {
                task.run(i, parts);
            }
            return;
        }
        Worker[] pool = workers();
        long posted = 0; // bit i: part i went to worker i - 1
        for (int i = 1; i < parts; i++) {
            if (i - 1 < pool.length && pool[i - 1].claim()) {
                pool[i - 1].post(task, i, parts);
                posted |= 1L << i;
            }
        }
        Throwable failure = null;
        for (int i = 0; i < parts; i++) {
            if ((posted & (1L << i)) == 0) {
                try {
                    task.run(i, parts);
                } catch (RuntimeException | Error e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        // Wait for every posted part even if one failed: they write into the caller's arrays, which must not
        // change after we return.
        for (int i = 1; i < parts; i++) {
            if ((posted & (1L << i)) != 0) {
                Throwable f = pool[i - 1].awaitAndRelease();
                failure = failure == null ? f : failure;
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("parallel part failed", failure);
        }
    }

    /**
     * A worker thread with a one-part mailbox. The task and part fields are plain: they are written before the
     * volatile {@code state} store that posts them and read after the load that sees it, and the same holds for
     * the caller's outputs and {@code failure} on the way back.
     */
    private static final class Worker extends Thread {
        private static final int IDLE = 0;
        private static final int POSTED = 1;
        private static final int DONE = 2;

        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile int state = IDLE;
        private volatile Thread caller;
        private Throwable failure;

        private Parts task;
        private int part;
        private int parts;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        void post(Parts task, int part, int parts) {
            this.task = task;
            this.part = part;
            this.parts = parts;
            this.failure = null;
            this.caller = Thread.currentThread();
            state = POSTED;
            LockSupport.unpark(this);
        }

        /** Waits until the posted part is done, frees the worker and returns the part's failure, if any. */
        Throwable awaitAndRelease() {
            spinThenPark(DONE);
            Throwable f = failure;
            failure = null;
            caller = null;
            state = IDLE;
            claimed.set(false);
            return f;
        }

        /**
         * Waits until {@code state} is {@code wanted}: spins for {@link #SPIN_NANOS}, then parks. The other side
         * unparks this waiter (the caller thread, or the worker) after its state store, so no wake-up is lost.
         */
        private void spinThenPark(int wanted) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (state != wanted) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                spinThenPark(POSTED);
                try {
                    task.run(part, parts);
                } catch (Throwable e) {
                    failure = e;
                }
                task = null; // an idle worker must not keep the caller's task (and its arrays) alive
                Thread waiting = caller;
                state = DONE;
                LockSupport.unpark(waiting);
            }
        }
    }
}
