package dev.jgrad.backend;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * jgrad's worker threads: runs a piece of work cut into disjoint parts on the calling thread and up to
 * {@link #threads()} {@code - 1} daemon workers, and returns when every part is done.
 *
 * <p>The global state: the workers, started on the first {@link #run} that can use one and never stopped (daemon, so
 * they never keep the JVM alive), two clock readings of recent parallel work and a count of runs in flight that tell
 * them how long to spin. A hand-off allocates nothing and costs well under a microsecond while a worker is awake: the
 * caller stores the job in the worker's slot and flips a volatile flag (and unparks the worker only if it parked). A
 * worker spins while any run that handed out work is still in flight (also one whose job was called off before the
 * worker got to it) and for {@link #IDLE_SPIN_NANOS} after such a run returned, and only then parks;
 * {@link #keepAwake}, called by work that runs on one thread between parallel pieces (a small product), keeps it
 * spinning, or wakes it early, while parallel work ran within the last millisecond. The caller runs part 0; it and the workers take the
 * others one at a time, and a worker that has not started when the caller ran out of parts is called off: waking a
 * parked thread costs tens of microseconds in a VM, and on a shared machine a worker can be kept off the cores for
 * milliseconds, and neither may hold the caller up (with fixed parts per thread the caller waited 2.2 ms per batch-32
 * step for its worker, measured at load average 7 on 2 cores). A worker busy with another caller's job is simply not
 * used, so concurrent callers never wait for each other and cannot deadlock.
 *
 * <p>The thread count is {@code -Djgrad.threads=N} (default: available processors, at most 2 unless the property
 * asks for more) or {@link #configure}, fixed for the JVM by the first use; {@code 1} starts no worker. Which part
 * runs on which thread varies from call to call, so a task must give the same result whichever thread runs a part:
 * parts write disjoint outputs, and nothing sums across parts in an order that depends on the thread count.
 *
 * <p>Hand-off accounting for benchmarks: with {@code -Djgrad.poolStats=true} every {@link #run} that could use a
 * worker adds to counters of its calling thread, read with {@link #stats()} (parts, workers posted, called off or
 * running, the caller's wait for them, their start latency). Off by default; then the check is a constant the JIT
 * folds away.
 */
public final class WorkerPool {

    /** A piece of work cut into {@code parts} disjoint parts; {@link #run(int, int)} does part {@code part}. */
    @FunctionalInterface
    public interface Parts {
        void run(int part, int parts);
    }

    /** At most this many parts per call (one bit each in the caller's bookkeeping). */
    public static final int MAX_PARTS = 64;

    /**
     * How long a caller waiting for a worker spins before parking, and the least an idle worker spins after its job
     * (longer while {@link #IDLE_SPIN_NANOS} after recent parallel work has not passed).
     */
    static final long SPIN_NANOS = 100_000L;

    /** Whether {@link #run} keeps {@link Stats} (the property is read once, at class initialization). */
    private static final boolean STATS = Boolean.getBoolean("jgrad.poolStats");

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
     * How long after the last parallel work {@link #keepAwake} still keeps the workers spinning: longer than
     * the serial stretch of a training step (the last layer's products and the loss), short enough that a program
     * that stops issuing parallel work lets its workers park within about a millisecond.
     */
    static final long KEEP_AWAKE_WINDOW_NANOS = 1_000_000L;

    /**
     * How long idle workers go on spinning after a hand-off, after a run that handed out work returned, and after
     * {@link #keepAwake}: longer than the serial stretches between the parallel pieces of a training step (at batch
     * 1024 the activation and bias passes, the loss and the batch's gather take 0.1-0.5 ms each), so the worker is
     * not parked when the next piece comes. OpenMP runtimes spin longer still (libgomp ~0.3 ms to ms, Intel's 200
     * ms). A program that stops issuing parallel work lets its workers park after this long.
     */
    static final long IDLE_SPIN_NANOS = 1_000_000L;

    /**
     * Until when (System.nanoTime) idle workers spin rather than park, whatever their own {@link #SPIN_NANOS} since
     * their last job: pushed on by the end of every run that handed out work and by {@link #keepAwake}, each to
     * {@link #IDLE_SPIN_NANOS} ahead (while such a run is in flight the workers spin anyway).
     */
    private static volatile long awakeUntil;

    /**
     * Runs that handed work to a worker and have not returned yet. Idle workers spin, not park, while one is in
     * flight: when a worker finishes its parts of an unevenly split product before the caller finishes its own, the
     * caller's last band can take longer than the spin (a batch-1024 layer's products run for milliseconds), and a
     * worker parked in that tail was found parked at the next hand-off, tens of microseconds to wake. Measured with
     * StepPhases-style accounting (Trainer, batch 1024, 2 threads): 7.6 of 15.6 hand-offs per step found the worker
     * parked, after ~500 us without a job. When the run returns, the spin starts again from there.
     */
    private static final AtomicInteger RUNS_IN_FLIGHT = new AtomicInteger();

    /**
     * When a run that handed out work last returned (System.nanoTime), for {@link #keepAwake}'s window; while one is
     * in flight the workers spin anyway.
     */
    private static volatile long lastRunEnd;

    /**
     * A hint from work that runs on the calling thread alone (a product too small to split) that parallel work is
     * near: if parallel work ran within {@link #KEEP_AWAKE_WINDOW_NANOS}, idle workers spin for another
     * {@link #IDLE_SPIN_NANOS} instead of parking, and a parked one is woken now, so it is spinning when the next
     * hand-off comes instead of taking tens of microseconds to wake then (or missing it). In a training step at batch
     * 128 the last layer's products, the loss and the first backward products run on one thread for 100-200 us, longer
     * than the spin: measured (StepPhases, 2 threads), the worker was found parked at 2.4 of the 11 hand-offs of a
     * step without this hint and at 0.9-1.3 with it. Costs a clock read when the workers are awake, an unpark when one
     * is parked, nothing with one thread or when no parallel work ran within the window (so a program that only ever
     * runs small products lets its workers park). Never waits, never hands out work.
     */
    public static void keepAwake() {
        keepAwake(KEEP_AWAKE_WINDOW_NANOS);
    }

    /** {@link #keepAwake()} with the window given (tests use a long one). */
    static void keepAwake(long windowNanos) {
        Worker[] pool = workers;
        if (pool == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastRunEnd > windowNanos && RUNS_IN_FLIGHT.get() == 0) {
            return;
        }
        extendAwake(now);
        for (Worker w : pool) {
            if (w.parked) {
                LockSupport.unpark(w);
            }
        }
    }

    private static void extendAwake(long now) {
        long until = now + IDLE_SPIN_NANOS;
        if (until - awakeUntil > IDLE_SPIN_NANOS / 16) { // skip most writes: the workers read this line as they spin
            awakeUntil = until;
        }
    }

    /** Whether worker {@code i} is parked now (for tests; false before the workers started). */
    static boolean workerParked(int i) {
        Worker[] pool = workers;
        return pool != null && pool[i].parked;
    }

    /** How often worker {@code i} returned from a park so far (for tests). */
    static int workerWakeUps(int i) {
        Worker[] pool = workers;
        return pool == null ? 0 : pool[i].wakeUps;
    }

    /** One reusable job per calling thread, so a hand-off allocates nothing. */
    private static final ThreadLocal<Job> JOBS = ThreadLocal.withInitial(Job::new);

    /**
     * Runs parts {@code 0 .. parts-1} of {@code task} on the calling thread and up to {@code parts - 1} free
     * workers, each thread taking the next part not yet taken until none is left. Returns when all parts are done;
     * the first failure of any part is rethrown then (after the others finished, since they may write into the
     * caller's arrays). A worker that has not started by the time the caller ran out of parts is called off, so
     * the caller never waits for a thread that was not running (a parked worker, or one the machine's other
     * processes kept off the cores): then every part ran on the caller. The task object must not be reused for
     * another call until this one returns.
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
        Job job = JOBS.get();
        if (job.task != null) {
            job = new Job(); // run() from inside a part on this thread: rare, never shared
        }
        job.start(task, parts); // part 0 is the caller's: it is taken before any worker can see the job
        long posted = 0; // bit i: worker i was handed the job
        int helpers = Math.min(parts - 1, pool.length);
        StatsCounter counter = STATS ? STATS_COUNTERS.get() : null;
        // In flight before any worker can see the job: a worker that finishes its part at once must find it so,
        // even if this thread is kept off the core right after posting (seen in a test JVM busy compiling).
        RUNS_IN_FLIGHT.incrementAndGet();
        for (int i = 0; i < helpers; i++) {
            if (pool[i].claim()) {
                if (STATS) {
                    counter.posting(pool[i]);
                }
                pool[i].post(job);
                posted |= 1L << i;
            }
        }
        if (posted == 0) {
            RUNS_IN_FLIGHT.decrementAndGet(); // every worker was busy with another caller: all parts run here
        }
        Throwable failure = job.runParts(0);
        long callerDone = STATS ? System.nanoTime() : 0;
        for (int i = 0; i < helpers; i++) {
            if ((posted & (1L << i)) != 0) {
                Throwable f = pool[i].callOffOrAwait(counter);
                failure = failure == null ? f : failure;
            }
        }
        if (posted != 0) {
            long now = System.nanoTime();
            lastRunEnd = now;
            extendAwake(now);
            RUNS_IN_FLIGHT.decrementAndGet();
        }
        if (STATS) {
            counter.ran(parts, System.nanoTime() - callerDone);
        }
        job.finish();
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
     * Whether hand-off accounting is on ({@code -Djgrad.poolStats=true}): then {@link #stats()} counts, else it
     * stays at zero.
     */
    public static boolean statsEnabled() {
        return STATS;
    }

    /**
     * The calling thread's hand-off counts since it first ran parallel work (all zero unless {@link #statsEnabled});
     * take two snapshots and {@link Stats#minus} them to see what a piece of code did.
     */
    public static Stats stats() {
        return STATS ? STATS_COUNTERS.get().snapshot() : Stats.ZERO;
    }

    /**
     * Hand-off counts of {@link #run} calls on one calling thread that could use a worker (more than one part, more
     * than one thread). Times in nanoseconds.
     *
     * @param runs         such calls
     * @param parts        their parts, all together
     * @param posted       workers handed a job (a worker busy with another caller's job is not)
     * @param parked       of those, workers that were parked when posted (waking one costs tens of microseconds)
     * @param calledOff    of those, workers that had not started when the caller ran out of parts
     * @param workerParts  parts run on workers (the rest ran on the caller)
     * @param startNanos   from posting to the worker taking the job, summed over the workers that took it
     * @param waitNanos    the caller's time from running out of parts to returning (waiting for workers to finish)
     * @param maxWaitNanos the longest such wait of one call
     * @param parkedIdleNanos of the workers parked when posted, how long each had been without a job, summed: more
     *                     than the spin means the gaps between parallel work are longer than it (what
     *                     {@link #keepAwake} bridges), less means the worker was woken or descheduled
     */
    public record Stats(long runs, long parts, long posted, long parked, long calledOff, long workerParts,
                        long startNanos, long waitNanos, long maxWaitNanos, long parkedIdleNanos) {
        static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** The counts between {@code earlier} and this snapshot ({@code maxWaitNanos}: this one's, not a difference). */
        public Stats minus(Stats earlier) {
            return new Stats(runs - earlier.runs, parts - earlier.parts, posted - earlier.posted,
                    parked - earlier.parked, calledOff - earlier.calledOff, workerParts - earlier.workerParts,
                    startNanos - earlier.startNanos, waitNanos - earlier.waitNanos, maxWaitNanos,
                    parkedIdleNanos - earlier.parkedIdleNanos);
        }

        /** Workers that took their job. */
        public long started() {
            return posted - calledOff;
        }
    }

    /** One calling thread's running counts, only with {@link #STATS}. */
    private static final class StatsCounter {
        private long runs;
        private long parts;
        private long posted;
        private long parked;
        private long calledOff;
        private long workerParts;
        private long startNanos;
        private long waitNanos;
        private long maxWaitNanos;
        private long parkedIdleNanos;

        void posting(Worker w) {
            posted++;
            w.postedAt = System.nanoTime();
            if (w.parked) {
                parked++;
                parkedIdleNanos += w.postedAt - w.jobEndedAt;
            }
        }

        void calledOff() {
            calledOff++;
        }

        void workerRan(int partsRun, long startLatency) {
            workerParts += partsRun;
            startNanos += startLatency;
        }

        void ran(int parts, long waited) {
            runs++;
            this.parts += parts;
            waitNanos += waited;
            maxWaitNanos = Math.max(maxWaitNanos, waited);
        }

        Stats snapshot() {
            return new Stats(runs, parts, posted, parked, calledOff, workerParts, startNanos, waitNanos, maxWaitNanos,
                    parkedIdleNanos);
        }
    }

    private static final ThreadLocal<StatsCounter> STATS_COUNTERS = ThreadLocal.withInitial(StatsCounter::new);

    /** The parts of one {@link #run} call, taken one at a time by whichever thread asks next. */
    private static final class Job {
        private final AtomicInteger next = new AtomicInteger();
        private Parts task;
        private int parts;

        void start(Parts task, int parts) {
            this.task = task;
            this.parts = parts;
            next.set(1);
        }

        /**
         * Runs {@code first} (if it is a part) and then parts taken from the shared counter until none is left;
         * returns the first failure (the remaining parts still run).
         */
        Throwable runParts(int first) {
            return runParts(first, null);
        }

        /** As {@link #runParts(int)}, counting the parts run in {@code worker.partsRun} when one is given. */
        Throwable runParts(int first, Worker worker) {
            Throwable failure = null;
            for (int p = first; p < parts; p = next.getAndIncrement()) {
                if (worker != null) {
                    worker.partsRun++;
                }
                try {
                    task.run(p, parts);
                } catch (Throwable e) {
                    failure = failure == null ? e : failure;
                }
            }
            return failure;
        }

        /** Drops the caller's task so an idle thread does not keep it (and its arrays) alive. */
        void finish() {
            task = null;
        }
    }

    /**
     * A worker thread with a one-job mailbox: IDLE, POSTED by a caller, RUNNING once the worker took it (or back to
     * IDLE if the caller called it off first), DONE when the worker ran out of parts. The job is published by the
     * volatile {@code state} store that posts it, and the parts' outputs and {@code failure} by the one that
     * reports DONE.
     */
    private static final class Worker extends Thread {
        private static final int IDLE = 0;
        private static final int POSTED = 1;
        private static final int RUNNING = 2;
        private static final int DONE = 3;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Worker.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile int state = IDLE;
        private volatile Thread caller;
        private Throwable failure;
        private Job job;
        // Accounting (only with STATS): set by the caller before posting, by the worker before reporting DONE (the
        // end of its last job, for parkedIdleNanos).
        private long postedAt;
        private long startedAt;
        private int partsRun;
        private volatile long jobEndedAt = System.nanoTime();
        /** Whether the worker is parked (or about to park), for {@link #keepAwake} and the accounting. */
        private volatile boolean parked;
        /** How often the idle worker returned from a park (for tests: whether something woke it). */
        private volatile int wakeUps;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        void post(Job job) {
            this.job = job;
            this.failure = null;
            this.caller = Thread.currentThread();
            state = POSTED;
            if (parked) { // a spinning worker sees POSTED by itself; one about to park re-reads state after parked
                LockSupport.unpark(this);
            }
        }

        /**
         * After the caller ran out of parts: calls the job off if this worker has not taken it yet, else waits until
         * it is done; frees the worker and returns the failure of a part it ran, if any.
         */
        Throwable callOffOrAwait(StatsCounter counter) {
            Throwable f = null;
            if (!STATE.compareAndSet(this, POSTED, IDLE)) {
                spinThenPark(DONE);
                f = failure;
                failure = null;
                if (STATS) {
                    counter.workerRan(partsRun, startedAt - postedAt);
                }
                state = IDLE;
            } else if (STATS) {
                counter.calledOff();
            }
            job = null;
            caller = null;
            claimed.set(false);
            return f;
        }

        /**
         * Waits until {@code state} is {@code wanted}: spins for {@link #SPIN_NANOS} (the idle worker also while
         * {@link #awakeUntil} lies ahead), then parks. The other side unparks this waiter (the caller thread after
         * its store of POSTED if the worker announced {@code parked}; the worker after its store of DONE), so no
         * wake-up is lost.
         */
        private void spinThenPark(int wanted) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (state != wanted) {
                long now = System.nanoTime();
                if (now < spinUntil || (wanted == POSTED && (now < awakeUntil || RUNS_IN_FLIGHT.get() > 0))) {
                    Thread.onSpinWait();
                } else if (wanted == POSTED) { // the worker itself, idle
                    parked = true;
                    // Re-read after announcing the park: a caller's keepAwake either sees parked and unparks, or
                    // its awakeUntil is seen here (both sides write, then read, a volatile).
                    if (state != wanted && System.nanoTime() >= awakeUntil && RUNS_IN_FLIGHT.get() == 0) {
                        LockSupport.park(this);
                        wakeUps++; // only this thread writes it
                    }
                    parked = false;
                } else {
                    LockSupport.park(this);
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                spinThenPark(POSTED);
                if (!STATE.compareAndSet(this, POSTED, RUNNING)) {
                    continue; // called off before we got to it
                }
                if (STATS) {
                    startedAt = System.nanoTime();
                    partsRun = 0;
                    failure = job.runParts(job.next.getAndIncrement(), this);
                    jobEndedAt = System.nanoTime();
                } else {
                    failure = job.runParts(job.next.getAndIncrement());
                }
                Thread waiting = caller;
                state = DONE;
                LockSupport.unpark(waiting);
            }
        }
    }
}
