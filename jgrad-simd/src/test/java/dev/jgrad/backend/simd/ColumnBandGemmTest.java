package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GEMM cut into column bands: against a double-precision loop on ragged shapes (m, n, k not multiples of the
 * tile or the blocks; n narrower than the bands asked for), operands at offsets in padded arrays, every transpose
 * case and kind of alpha and beta (beta = 0 over NaN in C); and bit for bit the C of the single-thread
 * {@link VectorGemm} for any band count, and through the kernels' route.
 */
class ColumnBandGemmTest {

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} alpha={5} beta={6}")
    @CsvSource({
        "1, 1, 1, false, false, 1, 0", "13, 7, 5, false, true, 1, 0", "13, 7, 17, true, false, -1.5, 1",
        "13, 7, 33, true, true, 0.5, 0.25", "131, 257, 129, false, false, 0.75, 0.5",
        "131, 257, 129, true, true, 1, 1", "128, 784, 256, false, true, 1, 0", "128, 784, 256, true, false, 1, 0",
        "128, 256, 784, false, false, 1, 0", "256, 128, 784, true, false, 1, 1", "37, 500, 17, false, true, 2, -0.5",
        "32, 128, 256, false, false, 1, 0", "10, 128, 128, true, false, 1, 1", "250, 600, 300, true, true, 1, 0",
        "300, 513, 270, true, false, 1, 0", "256, 100, 784, true, false, 1, 1"})
    void matchesADoubleReferenceAndOneThreadBitForBit(int m, int k, int n, boolean transA, boolean transB,
                                                     float alpha, float beta) {
        GemmShape s = new GemmShape(m, k, n, transA, transB, alpha, beta, new Random(m * 29L + k * 11L + n));
        float[] serial = s.serial();
        for (int parts : new int[] {2, 3, 7}) {
            assertThat(s.columns(parts)).as("%d column bands against one thread", parts).isEqualTo(serial);
        }
        assertThat(s.routed()).as("the kernels' route").isEqualTo(serial);
        s.assertMatchesReference(serial);
    }

    /** Two threads multiplying through the route at the same time (the pool's worker helps either) get exact Cs. */
    @Test
    void concurrentCallersGetTheirOwnProducts() throws InterruptedException {
        GemmShape[] shapes = {
            new GemmShape(128, 784, 256, false, true, 1f, 0f, new Random(1)),
            new GemmShape(256, 128, 784, true, false, 1f, 1f, new Random(2)),
            new GemmShape(131, 257, 129, false, false, 0.5f, 0.5f, new Random(3))};
        float[][] want = new float[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            want[i] = shapes[i].serial();
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] callers = new Thread[2];
        for (int t = 0; t < callers.length; t++) {
            int first = t;
            callers[t] = new Thread(() -> {
                try {
                    for (int round = 0; round < 20; round++) {
                        int i = (first + round) % shapes.length;
                        assertThat(shapes[i].routed()).as("round %d, shape %d", round, i).isEqualTo(want[i]);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            callers[t].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(failure.get()).isNull();
    }

    /**
     * Once compiled, a product reuses the calling thread's band task and workspace: it allocates nothing. Warmed up
     * until one call allocates nothing (the Vector API allocates until C2 has compiled the kernel), at most 2000 calls.
     */
    @Test
    void aSteadyProductAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean tb
                && tb.isThreadAllocatedMemorySupported() && tb.isThreadAllocatedMemoryEnabled(),
                "needs per-thread allocation counting");
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) bean;
        GemmShape s = new GemmShape(64, 128, 96, true, false, 1f, 1f, new Random(4));
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 2000; i++) {
            long b0 = tb.getThreadAllocatedBytes(id);
            s.runColumns(2);
            if (tb.getThreadAllocatedBytes(id) == b0) {
                break;
            }
        }
        long before = tb.getThreadAllocatedBytes(id);
        for (int i = 0; i < 5; i++) {
            s.runColumns(2);
        }
        assertThat(tb.getThreadAllocatedBytes(id) - before).isZero();
    }
}
