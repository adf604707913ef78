package dev.jgrad.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GemmThreadsTest {

    private static final ReferenceKernels REF = new ReferenceKernels();

    /** Runs the reference GEMM through GemmThreads and records each band's shape. */
    private static float[] split(int threads, boolean transA, boolean transB, int m, int n, int k,
                                 List<int[]> bands, Set<Thread> workers) {
        return split(threads, GemmThreads.PARALLEL_MIN_MACS, transA, transB, m, n, k, bands, workers);
    }

    private static float[] split(int threads, long minMacs, boolean transA, boolean transB, int m, int n, int k,
                                 List<int[]> bands, Set<Thread> workers) {
        Random rnd = new Random(m * 31 + n);
        int lda = (transA ? m : k) + 3;
        int ldb = (transB ? k : n) + 1;
        int ldc = n + 2;
        float[] a = new float[(transA ? k : m) * lda + 5];
        float[] b = new float[(transB ? n : k) * ldb + 5];
        float[] c = new float[m * ldc + 4];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextFloat() - 0.5f;
        }
        float[] want = c.clone();
        REF.gemm(transA, transB, m, n, k, 1.5f, a, 2, lda, b, 1, ldb, 0f, want, 3, ldc);
        Thread caller = Thread.currentThread();
        SerialGemm recording = (ta, tb, mm, nn, kk, al, aa, ao, la, bb, bo, lb, be, cc, co, lc) -> {
            if (Thread.currentThread() == caller) {
                pause(); // a slow band on the caller: the worker takes the next (WorkerPool hands parts out one by one)
            }
            bands.add(new int[] {mm, nn, kk});
            workers.add(Thread.currentThread());
            REF.gemm(ta, tb, mm, nn, kk, al, aa, ao, la, bb, bo, lb, be, cc, co, lc);
        };
        GemmThreads.gemm(recording, threads, minMacs, 4, 16, transA, transB, m, n, k, 1.5f, a, 2, lda, b, 1, ldb, 0f,
                c, 3, ldc);
        assertThat(c).isEqualTo(want); // bands compute disjoint blocks with the same arithmetic: bit-identical
        return c;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theThreadCountIsFixedOnceAndAnotherOneLaterSaysSo() {
        int n = GemmThreads.threads();
        GemmThreads.configure(n); // the same count again: fine
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GemmThreads.configure(n + 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already fixed at " + n);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GemmThreads.configure(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 1");
    }

    @Test
    void splitsTallProductsIntoRowBands() {
        for (int t : new int[] {0, 1, 3}) { // NN, TN, TT (NT would pack B twice: see below)
            List<int[]> bands = new CopyOnWriteArrayList<>();
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            split(2, (t & 1) != 0, (t & 2) != 0, 130, 40, 200, bands, workers);
            assertThat(bands).hasSize(2);
            assertThat(bands.get(0)[0] + bands.get(1)[0]).isEqualTo(130);
            // Bands finish in any order; all but the last are whole register tiles (4 rows here).
            assertThat(bands).anySatisfy(band -> assertThat(band[0] % 4).isZero());
            assertThat(bands).allSatisfy(band -> assertThat(band[1]).isEqualTo(40));
            // Bands go to whichever thread claims them first: either thread may compute both.
            assertThat(workers).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void splitsWideProductsIntoColumnBands() {
        for (int t = 0; t < 4; t++) { // 9 rows: packing A twice is cheap in every form
            List<int[]> bands = new CopyOnWriteArrayList<>();
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            split(3, (t & 1) != 0, (t & 2) != 0, 9, 333, 300, bands, workers);
            assertThat(bands).hasSize(3);
            assertThat(bands.stream().mapToInt(band -> band[1]).sum()).isEqualTo(333);
            assertThat(bands).allSatisfy(band -> assertThat(band[0]).isEqualTo(9));
        }
    }

    @Test
    void theCutMakesTheCheaperOperandThePackedTwiceOne() {
        List<int[]> bands = new CopyOnWriteArrayList<>();
        // Tall, but B is stored transposed: 40 gathered columns of B cost more than 130 copied rows of A.
        split(2, false, true, 130, 40, 200, bands, ConcurrentHashMap.newKeySet());
        assertThat(bands).hasSize(2).allSatisfy(band -> assertThat(band[0]).isEqualTo(130));
        assertThat(bands.get(0)[1] + bands.get(1)[1]).isEqualTo(40);

        bands.clear();
        // Wider than tall, but A is stored transposed: 40 gathered rows of A cost more than 130 copied columns.
        split(2, true, false, 40, 130, 300, bands, ConcurrentHashMap.newKeySet());
        assertThat(bands).hasSize(2).allSatisfy(band -> assertThat(band[1]).isEqualTo(130));
        assertThat(bands.get(0)[0] + bands.get(1)[0]).isEqualTo(40);

        // Inference at a large batch (NT, m >> n): rows, so only the small weight matrix is gathered twice.
        assertThat(GemmThreads.splitRows(false, true, 10_000, 256, 6, 64)).isTrue();
        // A side too narrow for two bands is never cut.
        assertThat(GemmThreads.splitRows(false, true, 130, 20, 4, 16)).isTrue();
        assertThat(GemmThreads.splitRows(true, false, 6, 333, 4, 16)).isFalse();
    }

    @Test
    void longSidesAreCutIntoMoreBandsThanThreadsEachClaimedOnce() {
        // 1030 rows, 4-row tiles: 258 units, more bands than threads while each keeps 256 rows.
        assertThat(GemmThreads.chunks(2, 258, 4)).isEqualTo(4);
        assertThat(GemmThreads.chunks(2, 1000, 6)).isEqualTo(8); // at most four per thread
        assertThat(GemmThreads.chunks(2, 22, 6)).isEqualTo(2); // 128 rows: one band per thread
        assertThat(GemmThreads.chunks(3, 2, 6)).isEqualTo(2); // never more bands than units
        // 784 columns in 16-column units: three 256-column bands would leave one of 2 threads two thirds.
        assertThat(GemmThreads.chunks(2, 49, 16)).isEqualTo(2);
        assertThat(GemmThreads.chunks(2, 64, 16)).isEqualTo(4); // 1024 columns: two bands per thread
        assertThat(GemmThreads.chunks(3, 200, 6)).isEqualTo(3); // 1200 rows: 4 fit, cut to one round of 3
        List<int[]> bands = new CopyOnWriteArrayList<>();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        split(2, false, false, 1030, 40, 70, bands, workers); // bit-identical to the reference, checked inside
        assertThat(bands).hasSize(4);
        assertThat(bands.stream().mapToInt(band -> band[0]).sum()).isEqualTo(1030);
        assertThat(bands).filteredOn(band -> band[0] % 4 != 0).hasSizeLessThanOrEqualTo(1); // only the last is ragged
        assertThat(workers).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void smallProductsStayOnTheCallingThread() {
        List<int[]> bands = new CopyOnWriteArrayList<>();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        split(2, false, false, 32, 32, 32, bands, workers);
        assertThat(bands).hasSize(1);
        assertThat(workers).containsExactly(Thread.currentThread());
    }

    @Test
    void aLowerThresholdSplitsAFewRowProductByColumns() {
        // 1 x 128 x 256 = 32K multiply-adds: below the packed GEMM's threshold, above a small-m kernel's.
        List<int[]> bands = new CopyOnWriteArrayList<>();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        split(2, false, true, 1, 256, 128, bands, workers);
        assertThat(bands).hasSize(1);
        bands.clear();
        workers.clear();
        split(2, 32L * 1024, false, true, 1, 256, 128, bands, workers);
        assertThat(bands).hasSize(2).allSatisfy(band -> assertThat(band).containsExactly(1, 128, 128));
        assertThat(workers).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        bands.clear();
        split(2, 32L * 1024 + 1, false, true, 1, 256, 128, bands, workers);
        assertThat(bands).hasSize(1);
    }

    @Test
    void aFailingBandIsRethrownAfterAllBandsFinish() {
        SerialGemm failing = (ta, tb, mm, nn, kk, al, aa, ao, la, bb, bo, lb, be, cc, co, lc) -> {
            throw new IllegalArgumentException("band of " + mm + " rows");
        };
        assertThatThrownBy(() -> GemmThreads.gemm(failing, 2, 4, 16, false, false, 256, 256, 256, 1f,
                new float[256 * 256], 0, 256, new float[256 * 256], 0, 256, 0f, new float[256 * 256], 0, 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
    }
}
