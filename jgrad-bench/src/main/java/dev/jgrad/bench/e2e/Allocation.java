package dev.jgrad.bench.e2e;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread and by jgrad's worker pool threads ({@code jgrad-worker-*}), from
 * {@code com.sun.management.ThreadMXBean}. The pool allocates on its own threads, so it is counted apart.
 */
final class Allocation {

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    static boolean supported() {
        return MX.isThreadAllocatedMemorySupported() && MX.isThreadAllocatedMemoryEnabled();
    }

    static long thisThread() {
        return MX.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    static long gemmPool() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("jgrad-worker-")) {
                long b = MX.getThreadAllocatedBytes(t.getId());
                sum += Math.max(0, b);
            }
        }
        return sum;
    }
}
