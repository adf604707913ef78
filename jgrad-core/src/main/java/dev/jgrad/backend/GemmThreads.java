package dev.jgrad.backend;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a GEMM on up to {@link #threads()} threads by cutting C into disjoint row or column bands, each computed
 * by a {@link SerialGemm} with its own packing buffers (nothing is shared but the read-only inputs).
 *
 * <p>The one piece of global state: {@code threads() - 1} daemon worker threads, started on the first product
 * large enough to be worth splitting and never stopped (daemon, so they never keep the JVM alive). A hand-off
 * allocates nothing and costs well under a microsecond while a worker is awake: the caller fills the worker's
 * band slot and flips a volatile flag; a worker spins for {@link #SPIN_NANOS} after each band (a training step
 * issues its products a few microseconds apart) and only then parks, because waking a parked thread costs tens
 * of microseconds in a VM, as much as a whole 128 x 256 x 128 product. The caller always computes band 0
 * itself; a worker busy with another caller's band is simply not used (that band runs on the caller too), so
 * concurrent callers never wait for each other and cannot deadlock. The thread count is
 * {@code -Djgrad.threads=N} (default: available processors, at most 2 unless the property asks for more);
 * {@code 1} starts no worker.
 */
public final class GemmThreads {

    /**
     * Products with fewer multiply-adds (m*n*k) than this stay on the calling thread: below it even a cheap
     * hand-off and the second thread's packing cost more than half the product saves.
     */
    public static final long PARALLEL_MIN_MACS = 64L * 64 * 64 * 2;

    /** How long an idle worker (and a caller waiting for one) spins before parking. */
    static final long SPIN_NANOS = 100_000L;

    /** 0 until fixed: by {@link #configure} or, at the first {@link #threads()} call, by the property. */
    private static volatile int fixedThreads;

    private static volatile Worker[] workers;

    private GemmThreads() {
    }

    /** How many threads a large GEMM uses; fixed for the JVM by the first call. */
    public static int threads() {
        int n = fixedThreads;
        if (n == 0) {
            synchronized (GemmThreads.class) {
                if (fixedThreads == 0) {
                    fixedThreads = configuredThreads();
                }
                n = fixedThreads;
            }
        }
        return n;
    }

    /**
     * Fixes the thread count explicitly (a program's {@code --threads} option) before any product has run; the
     * same count again is a no-op, another one after the count was fixed is an error that says by whom.
     */
    public static synchronized void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (fixedThreads != 0 && fixedThreads != threads) {
            throw new IllegalStateException("the GEMM thread count is already fixed at " + fixedThreads
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
            synchronized (GemmThreads.class) {
                w = workers;
                if (w == null) {
                    w = new Worker[threads() - 1];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = new Worker("jgrad-gemm-" + (i + 1));
                        w[i].start();
                    }
                    workers = w;
                }
            }
        }
        return w;
    }

    /**
     * Computes the product with {@code serial} on up to {@code threads} threads. Bands are multiples of
     * {@code rowUnit} rows or {@code colUnit} columns (the kernel's register tile) so no band gets a ragged
     * edge tile in the middle of C.
     */
    public static void gemm(SerialGemm serial, int threads, int rowUnit, int colUnit,
                            boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        gemm(serial, threads, PARALLEL_MIN_MACS, rowUnit, colUnit, transA, transB, m, n, k, alpha,
                a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * As {@link #gemm(SerialGemm, int, int, int, boolean, boolean, int, int, int, float, float[], int, int,
     * float[], int, int, float, float[], int, int) gemm}, splitting products from {@code minMacs} multiply-adds
     * up: a serial kernel that streams B without packing (a matrix-vector product) gains from a second thread
     * much earlier, since each thread then reads only its part of B, from its own core's L2.
     */
    public static void gemm(SerialGemm serial, int threads, long minMacs, int rowUnit, int colUnit,
                            boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        long macs = (long) m * n * Math.max(k, 1);
        int t = Math.min(Math.max(1, threads), 64);
        boolean splitRows = splitRows(transA, transB, m, n, rowUnit, colUnit);
        int units = splitRows ? ceilDiv(m, rowUnit) : ceilDiv(n, colUnit);
        t = Math.min(t, units);
        if (t <= 1 || macs < minMacs || threads() <= 1) {
            serial.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Worker[] pool = workers();
        long posted = 0; // bit i: band i went to worker i - 1
        for (int i = 1; i < t; i++) {
            if (i - 1 < pool.length && pool[i - 1].claim()) {
                pool[i - 1].post(serial, i, t, units, splitRows, rowUnit, colUnit, transA, transB, m, n, k, alpha,
                        a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
                posted |= 1L << i;
            }
        }
        Throwable failure = null;
        for (int i = 0; i < t; i++) {
            if ((posted & (1L << i)) == 0) {
                try {
                    band(serial, i, t, units, splitRows, rowUnit, colUnit, transA, transB, m, n, k, alpha,
                            a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
                } catch (RuntimeException | Error e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        // Wait for every posted band even if one failed: they write into the caller's C, which must not change
        // after we return.
        for (int i = 1; i < t; i++) {
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
            throw new IllegalStateException("gemm band failed", failure);
        }
    }

    /** Band i of t: a run of whole row (or column) units of C, and the matching rows of op(A) (columns of op(B)). */
    private static void band(SerialGemm serial, int i, int t, int units, boolean splitRows, int rowUnit, int colUnit,
                             boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        int u0 = (int) ((long) units * i / t);
        int u1 = (int) ((long) units * (i + 1) / t);
        if (splitRows) {
            int r0 = u0 * rowUnit;
            int r1 = Math.min(m, u1 * rowUnit);
            serial.gemm(transA, transB, r1 - r0, n, k, alpha, a, aOff + (transA ? r0 : r0 * lda), lda, b, bOff, ldb,
                    beta, c, cOff + r0 * ldc, ldc);
        } else {
            int c0 = u0 * colUnit;
            int c1 = Math.min(n, u1 * colUnit);
            serial.gemm(transA, transB, m, c1 - c0, k, alpha, a, aOff, lda, b, bOff + (transB ? c0 * ldb : c0), ldb,
                    beta, c, cOff + c0, ldc);
        }
    }

    /**
     * A worker thread with a one-band mailbox. The fields of the band are plain: they are written before the
     * volatile {@code state} store that posts them and read after the load that sees it, and the same holds for
     * C and {@code failure} on the way back.
     */
    private static final class Worker extends Thread {
        private static final int IDLE = 0;
        private static final int POSTED = 1;
        private static final int DONE = 2;

        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile int state = IDLE;
        private volatile Thread caller;
        private Throwable failure;

        private SerialGemm serial;
        private int band;
        private int bands;
        private int units;
        private boolean splitRows;
        private int rowUnit;
        private int colUnit;
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private float alpha;
        private float[] a;
        private int aOff;
        private int lda;
        private float[] b;
        private int bOff;
        private int ldb;
        private float beta;
        private float[] c;
        private int cOff;
        private int ldc;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        void post(SerialGemm serial, int band, int bands, int units, boolean splitRows, int rowUnit, int colUnit,
                  boolean transA, boolean transB, int m, int n, int k, float alpha,
                  float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            this.serial = serial;
            this.band = band;
            this.bands = bands;
            this.units = units;
            this.splitRows = splitRows;
            this.rowUnit = rowUnit;
            this.colUnit = colUnit;
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
            this.failure = null;
            this.caller = Thread.currentThread();
            state = POSTED;
            LockSupport.unpark(this);
        }

        /** Waits until the posted band is done, frees the worker and returns the band's failure, if any. */
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
                    band(serial, band, bands, units, splitRows, rowUnit, colUnit, transA, transB, m, n, k, alpha,
                            a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
                } catch (Throwable e) {
                    failure = e;
                }
                // Drop the caller's arrays so an idle worker does not keep them alive.
                serial = null;
                a = null;
                b = null;
                c = null;
                Thread waiting = caller;
                state = DONE;
                LockSupport.unpark(waiting);
            }
        }
    }

    /**
     * Rough cost of packing one element of a stored-transposed operand (a gather) relative to a plain copy, for
     * {@link #splitRows}.
     */
    static final int GATHER_COST = 4;

    /**
     * Row bands share all of op(B) (every thread packs it whole), column bands share all of op(A); cut so the
     * packing done twice is the cheaper one, counting a stored-transposed operand's gather as
     * {@link #GATHER_COST} copies. A side too narrow for two bands is not cut.
     */
    static boolean splitRows(boolean transA, boolean transB, int m, int n, int rowUnit, int colUnit) {
        boolean rows = m >= 2 * rowUnit;
        boolean cols = n >= 2 * colUnit;
        if (rows != cols) {
            return rows;
        }
        long packedTwiceIfRows = (long) n * (transB ? GATHER_COST : 1);
        long packedTwiceIfCols = (long) m * (transA ? GATHER_COST : 1);
        return packedTwiceIfRows <= packedTwiceIfCols;
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
