package dev.jgrad.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a GEMM on up to {@link #threads()} threads by cutting C into disjoint row or column bands, each computed
 * by a {@link SerialGemm} with its own packing buffers (nothing is shared but the read-only inputs).
 *
 * <p>The one piece of global state: a small pool of daemon threads, created on the first product large enough
 * to be worth splitting and never shut down (daemon, so it never keeps the JVM alive). The calling thread
 * always computes one band itself and the pool only ever runs leaf tasks, so concurrent callers cannot
 * deadlock. The thread count is {@code -Djgrad.threads=N} (default: available processors, at most 2 unless
 * the property asks for more); {@code 1} disables the pool.
 */
public final class GemmThreads {

    /**
     * Products with fewer multiply-adds (m*n*k) than this stay on the calling thread: a hand-off costs tens of
     * microseconds, which is about what a 64x64x64 product takes on one core.
     */
    public static final long PARALLEL_MIN_MACS = 64L * 64 * 64 * 2;

    private static final int THREADS = configuredThreads();

    private static volatile ExecutorService pool;

    private GemmThreads() {
    }

    /** How many threads a large GEMM uses. */
    public static int threads() {
        return THREADS;
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

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (GemmThreads.class) {
                p = pool;
                if (p == null) {
                    AtomicInteger count = new AtomicInteger();
                    p = Executors.newFixedThreadPool(THREADS - 1, r -> {
                        Thread t = new Thread(r, "jgrad-gemm-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
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
        long macs = (long) m * n * Math.max(k, 1);
        int t = Math.max(1, threads);
        boolean splitRows = splitRows(transA, transB, m, n, rowUnit, colUnit);
        int units = splitRows ? ceilDiv(m, rowUnit) : ceilDiv(n, colUnit);
        t = Math.min(t, units);
        if (t <= 1 || macs < PARALLEL_MIN_MACS) {
            serial.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        List<Runnable> bands = new ArrayList<>(t);
        for (int i = 0; i < t; i++) {
            int u0 = (int) ((long) units * i / t);
            int u1 = (int) ((long) units * (i + 1) / t);
            if (splitRows) {
                int r0 = u0 * rowUnit;
                int r1 = Math.min(m, u1 * rowUnit);
                int aBand = aOff + (transA ? r0 : r0 * lda);
                bands.add(() -> serial.gemm(transA, transB, r1 - r0, n, k, alpha, a, aBand, lda, b, bOff, ldb,
                        beta, c, cOff + r0 * ldc, ldc));
            } else {
                int c0 = u0 * colUnit;
                int c1 = Math.min(n, u1 * colUnit);
                int bBand = bOff + (transB ? c0 * ldb : c0);
                bands.add(() -> serial.gemm(transA, transB, m, c1 - c0, k, alpha, a, aOff, lda, b, bBand, ldb,
                        beta, c, cOff + c0, ldc));
            }
        }
        runAll(bands);
    }

    /**
     * Row bands share all of op(B) (every thread packs it whole), column bands share all of op(A). Packing a
     * stored-transposed operand is a gather, far dearer than a copy, so when exactly one operand is transposed
     * the cut goes through it and each thread packs only its half; otherwise the longer side is cut.
     */
    static boolean splitRows(boolean transA, boolean transB, int m, int n, int rowUnit, int colUnit) {
        if (transB != transA) {
            return transB ? n < 2 * colUnit : m >= 2 * rowUnit;
        }
        return (long) m * colUnit >= (long) n * rowUnit;
    }

    /**
     * Runs bands 1.. on the pool and band 0 here, then waits for all of them even if one failed (they write
     * into the caller's C, which must not change after we return); rethrows the first failure.
     */
    private static void runAll(List<Runnable> bands) {
        ExecutorService p = pool();
        List<Future<?>> futures = new ArrayList<>(bands.size() - 1);
        for (int i = 1; i < bands.size(); i++) {
            futures.add(p.submit(bands.get(i)));
        }
        Throwable failure = null;
        try {
            bands.get(0).run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
