package dev.jgrad.backend;

/**
 * Runs a GEMM on up to {@link #threads()} threads by cutting C into disjoint row or column bands, each computed
 * by a {@link SerialGemm} with its own packing buffers (nothing is shared but the read-only inputs). The bands run
 * on {@link WorkerPool}: the caller computes band 0 itself, a worker busy with another caller's band is not used
 * (that band runs on the caller too), so concurrent callers never wait for each other and cannot deadlock. The
 * thread count is {@link WorkerPool}'s ({@code -Djgrad.threads=N} or {@link #configure}); {@code 1} starts no
 * worker.
 */
public final class GemmThreads {

    /**
     * Products with fewer multiply-adds (m*n*k) than this stay on the calling thread: below it even a cheap
     * hand-off and the second thread's packing cost more than half the product saves.
     */
    public static final long PARALLEL_MIN_MACS = 64L * 64 * 64 * 2;

    private GemmThreads() {
    }

    /** How many threads a large GEMM uses ({@link WorkerPool#threads()}); fixed for the JVM by the first call. */
    public static int threads() {
        return WorkerPool.threads();
    }

    /**
     * Fixes the thread count explicitly (a program's {@code --threads} option) before any product has run; the
     * same count again is a no-op, another one after the count was fixed is an error that says by whom. The one
     * place the count is set ({@link WorkerPool#configure}).
     */
    public static void configure(int threads) {
        WorkerPool.configure(threads);
    }

    /** One reusable band task per calling thread, so a hand-off allocates nothing. */
    private static final ThreadLocal<Bands> BANDS = ThreadLocal.withInitial(Bands::new);

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
            WorkerPool.keepAwake();
            serial.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Bands bands = BANDS.get();
        if (bands.inUse) {
            bands = new Bands(); // a product started from inside a band on this thread: rare, never shared
        }
        bands.set(serial, units, splitRows, rowUnit, colUnit, transA, transB, m, n, k, alpha,
                a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        try {
            // WorkerPool hands the bands out one at a time to whichever thread is free (the caller included).
            WorkerPool.run(bands, chunks(t, units, splitRows ? rowUnit : colUnit));
        } finally {
            bands.clear();
        }
    }

    /**
     * Rows (or columns) of C below which a band is not cut further: each band packs the whole shared operand, so
     * a band of fewer rows than this pays more packing than balance gains.
     */
    static final int MIN_CHUNK_EXTENT = 256;

    /**
     * How many bands to cut a product into for {@code t} threads: at least {@code t}, up to {@code 4t} when the
     * cut side is long enough that every band keeps {@link #MIN_CHUNK_EXTENT} rows or columns (each band packs the
     * shared operand again: 128-row bands at batch 1024 would pack a layer's weights 8 times), and a whole multiple
     * of {@code t} (3 bands on 2 threads leave one thread two thirds of the work). The bands are handed to
     * whichever thread is free (see {@link Bands}), so more bands than threads even out a late start.
     */
    static int chunks(int t, int units, int unit) {
        long extent = (long) units * unit;
        long byExtent = Math.min(4L * t, extent / MIN_CHUNK_EXTENT) / t * t;
        return (int) Math.min(Math.min(units, WorkerPool.MAX_PARTS), Math.max(t, byExtent));
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
     * The arguments of one split product, as a {@link WorkerPool.Parts} whose part i is band i. The pool hands the
     * bands out one at a time, so a thread that starts late (a worker parked, or descheduled on a busy machine)
     * finds its band already done by the caller: measured on the shared 2-core VM before that, the worker started
     * 110 us after the caller had finished its own band, and a fixed band per thread made 2 threads 0.4-0.8x of 1.
     * Which thread computes a band never changes the result: the bands are fixed by the shape alone and each is one
     * serial product over all of k. Plain fields: the pool publishes them to a worker with its volatile hand-off.
     */
    private static final class Bands implements WorkerPool.Parts {
        private boolean inUse;
        private SerialGemm serial;
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

        void set(SerialGemm serial, int units, boolean splitRows, int rowUnit, int colUnit,
                 boolean transA, boolean transB, int m, int n, int k, float alpha,
                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            this.inUse = true;
            this.serial = serial;
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
        }

        /** Drops the caller's arrays so an idle thread's task does not keep them alive. */
        void clear() {
            serial = null;
            a = null;
            b = null;
            c = null;
            inUse = false;
        }

        @Override
        public void run(int part, int parts) {
            band(serial, part, parts, units, splitRows, rowUnit, colUnit, transA, transB, m, n, k, alpha,
                    a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
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
