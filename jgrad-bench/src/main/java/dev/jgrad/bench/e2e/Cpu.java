package dev.jgrad.bench.e2e;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the whole process (every thread: the caller, the GEMM pool, JIT and GC). On a shared machine a
 * rate per CPU-second is far steadier than a wall-clock rate, because time spent waiting for a core that
 * another process holds is not counted; the peer reports the same with Python's {@code time.process_time()}.
 */
final class Cpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    static long processNanos() {
        return OS.getProcessCpuTime();
    }
}
