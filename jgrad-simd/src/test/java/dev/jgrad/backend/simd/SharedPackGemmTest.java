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
 * The GEMM whose threads share one packed op(B): against a double-precision loop on ragged shapes (m, n, k not
 * multiples of the tile or the blocks), offsets, padded leading dimensions, every transpose case and kind of
 * alpha and beta (beta = 0 over NaN in C); and bit for bit the C of the single-thread {@link VectorGemm} for any
 * part count. The parts run through the worker pool, or all on the caller when this JVM has one thread: the same
 * code either way.
 */
class SharedPackGemmTest {

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} alpha={5} beta={6}")
    @CsvSource({
        "12, 1, 1, false, false, 1, 0", "13, 7, 5, false, true, 1, 0", "13, 7, 5, true, false, -1.5, 1",
        "13, 7, 5, true, true, 0.5, 0.25", "131, 257, 129, false, false, 0.75, 0.5",
        "131, 257, 129, true, true, 1, 1", "128, 784, 256, false, true, 1, 0", "128, 784, 256, true, false, 1, 0",
        "128, 256, 784, false, false, 1, 0", "256, 128, 784, true, false, 1, 1", "37, 500, 17, false, true, 2, -0.5",
        "250, 1000, 300, true, true, 1, 0", "371, 300, 40, false, false, -0.75, 0", "300, 513, 270, true, false, 1, 0"})
    void matchesADoubleReferenceAndOneThreadBitForBit(int m, int k, int n, boolean transA, boolean transB,
                                                     float alpha, float beta) {
        GemmShape s = new GemmShape(m, k, n, transA, transB, alpha, beta, new Random(m * 31L + k * 7L + n));
        float[] serial = s.serial();
        for (int threads : new int[] {2, 3, 5}) {
            float[] shared = s.shared(threads);
            assertThat(shared).as("%d threads against one", threads).isEqualTo(serial);
        }
        s.assertMatchesReference(serial);
    }

    /**
     * Shapes where the single-thread GEMM takes its other loop orders (several column blocks; all of op(B) first
     * for a tall C): the same C bit for bit.
     */
    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
    @CsvSource({"4100, 300, 256, false, false", "4100, 300, 250, true, true", "1024, 784, 256, false, true",
        "256, 1024, 784, true, false", "1500, 600, 520, false, false"})
    void largeShapesMatchOneThreadBitForBit(int m, int k, int n, boolean transA, boolean transB) {
        GemmShape s = new GemmShape(m, k, n, transA, transB, 1.25f, 0.5f, new Random(m + k + n));
        float[] serial = s.serial();
        assertThat(s.shared(2)).isEqualTo(serial);
        assertThat(s.shared(4)).isEqualTo(serial);
    }

    /** Two threads multiplying at the same time (each its own shared buffer) both get their exact products. */
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
                        assertThat(shapes[i].shared(2)).as("round %d, shape %d", round, i).isEqualTo(want[i]);
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

    /** Once warm, the calling thread reuses its buffer: products no larger allocate nothing. */
    @Test
    void aSteadyProductAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean tb
                && tb.isThreadAllocatedMemorySupported() && tb.isThreadAllocatedMemoryEnabled(),
                "needs per-thread allocation counting");
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) bean;
        GemmShape big = new GemmShape(128, 784, 256, false, true, 1f, 0f, new Random(4));
        GemmShape small = new GemmShape(128, 256, 128, true, false, 1f, 1f, new Random(5));
        long id = Thread.currentThread().getId();
        // Warm up until a pair of calls allocates nothing: until C2 compiles the kernels the Vector API allocates
        // (one warm-up call failed on JDK 25 in CI); a buffer allocated per call still fails below after 2000.
        for (int i = 0; i < 2000; i++) {
            long b0 = tb.getThreadAllocatedBytes(id);
            big.runShared(2);
            small.runShared(2);
            if (tb.getThreadAllocatedBytes(id) == b0) {
                break;
            }
        }
        long before = tb.getThreadAllocatedBytes(id);
        for (int i = 0; i < 5; i++) {
            big.runShared(2);
            small.runShared(2);
        }
        assertThat(tb.getThreadAllocatedBytes(id) - before).isZero();
    }

    @Test
    void fitsOnlyProductsWorthSplitting() {
        assertThat(SharedPackGemm.fits(2, 128, 256, 784)).isTrue();
        assertThat(SharedPackGemm.fits(1, 128, 256, 784)).as("one thread").isFalse();
        assertThat(SharedPackGemm.fits(2, VectorGemm.MR * 2 - 1, 4096, 4096)).as("one tile of rows").isFalse();
        assertThat(SharedPackGemm.fits(2, 32, 32, 32)).as("too small").isFalse();
        assertThat(SharedPackGemm.fits(2, 4096, 4096, 4096)).as("op(B) beyond the cap").isFalse();
    }

}
