package dev.jgrad.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void everyPartRunsExactlyOnceAndPartZeroOnTheCaller() {
        for (int parts = 1; parts <= 5; parts++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(parts);
            Thread[] ranOn = new Thread[parts];
            int expectedParts = parts;
            WorkerPool.run((part, n) -> {
                assertThat(n).isEqualTo(expectedParts);
                runs.incrementAndGet(part);
                ranOn[part] = Thread.currentThread();
            }, parts);
            for (int i = 0; i < parts; i++) {
                assertThat(runs.get(i)).as("part %d of %d", i, parts).isEqualTo(1);
                assertThat(ranOn[i].getName()).satisfiesAnyOf(
                        name -> assertThat(name).isEqualTo(Thread.currentThread().getName()),
                        name -> assertThat(name).startsWith("jgrad-worker-"));
            }
            assertThat(ranOn[0]).isSameAs(Thread.currentThread());
        }
    }

    @Test
    void partsBeyondTheWorkersRunOnTheCaller() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        WorkerPool.run((part, n) -> threads.add(Thread.currentThread()), 7);
        assertThat(threads).contains(Thread.currentThread());
        assertThat(threads.size()).isBetween(1, Math.min(7, WorkerPool.threads()));
    }

    @Test
    void aSlowCallerLeavesTheOtherPartsToAWorker() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        WorkerPool.run((part, n) -> {
            threads.add(Thread.currentThread());
            if (Thread.currentThread() == caller) {
                sleep(300); // the worker, spinning or woken, takes the other part meanwhile
            }
        }, 2);
        assertThat(threads).contains(caller);
        if (WorkerPool.threads() > 1) {
            assertThat(threads).hasSize(2);
        }
    }

    @Test
    void aBusyWorkerIsNotWaitedFor() throws Exception {
        assumeTrue(WorkerPool.threads() == 2, "needs exactly one worker");
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> WorkerPool.run((part, n) -> {
            bothRunning.countDown();
            await(release);
        }, 2));
        other.start();
        try {
            assertThat(bothRunning.await(60, TimeUnit.SECONDS)).as("the other caller's two parts started").isTrue();
            // The only worker is busy with the other caller's part: both of ours run here, at once.
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            WorkerPool.run((part, n) -> threads.add(Thread.currentThread()), 2);
            assertThat(threads).containsExactly(Thread.currentThread());
        } finally {
            release.countDown();
            other.join(60_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthersFinish() {
        AtomicIntegerArray done = new AtomicIntegerArray(4);
        assertThatThrownBy(() -> WorkerPool.run((part, n) -> {
            if (part == 1) {
                throw new IllegalArgumentException("part " + part + " failed");
            }
            done.set(part, 1);
        }, 4)).isInstanceOf(IllegalArgumentException.class).hasMessage("part 1 failed");
        assertThat(done.get(0) + done.get(2) + done.get(3)).isEqualTo(3);
        // The pool is usable afterwards.
        AtomicIntegerArray again = new AtomicIntegerArray(2);
        WorkerPool.run((part, n) -> again.set(part, 1), 2);
        assertThat(again.get(0) + again.get(1)).isEqualTo(2);
    }

    @Test
    void withoutThePropertyNothingIsCounted() {
        assumeTrue(!WorkerPool.statsEnabled(), "the test JVM runs without -Djgrad.poolStats");
        WorkerPool.run((part, n) -> { }, 3);
        assertThat(WorkerPool.stats()).isEqualTo(new WorkerPool.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void theAccountingCountsRunsPartsAndWorkers() throws Exception {
        String out = runChild(PoolStatsProbe.class, "-Djgrad.threads=2", "-Djgrad.poolStats=true");
        String[] lines = out.strip().split("\n");
        assertThat(lines[0]).isEqualTo("enabled=true");
        // Ten 3-part runs, one caller: the worker is posted every time (never busy with another caller's job).
        long[] ten = fields(lines[1]);
        assertThat(ten[0]).as("runs").isEqualTo(10);
        assertThat(ten[1]).as("parts").isEqualTo(30);
        assertThat(ten[2]).as("posted").isEqualTo(10);
        assertThat(ten[4]).as("called off").isBetween(0L, 10L);
        assertThat(ten[5]).as("worker parts").isBetween(0L, 2 * (10 - ten[4]));
        // The caller sleeps in its part: the worker takes the other one, after starting at some latency.
        long[] slow = fields(lines[2]);
        assertThat(slow[0]).isEqualTo(1);
        assertThat(slow[1]).isEqualTo(2);
        assertThat(slow[2]).isEqualTo(1);
        assertThat(slow[4]).as("called off").isZero();
        assertThat(slow[5]).as("worker parts").isEqualTo(1);
        assertThat(slow[6]).as("start latency ns").isPositive();
        assertThat(slow[7]).as("wait ns").isNotNegative();
        assertThat(ten[8]).as("longest wait of ten >= their mean").isGreaterThanOrEqualTo(ten[7] / 10);
        // Before the slow run the caller slept 50 ms: a worker found parked then had been without a job that long.
        assertThat(slow[3]).as("parked").isBetween(0L, 1L);
        assertThat(slow[9]).as("idle ns of the parked").isGreaterThanOrEqualTo(slow[3] * 50_000_000L);
        assertThat(ten[9]).as("idle ns of the parked among ten").isNotNegative();
    }

    /** The numbers of a printed {@link WorkerPool.Stats} record, in component order. */
    private static long[] fields(String record) {
        return java.util.Arrays.stream(record.replaceAll("^Stats\\[|\\]$", "").split(", "))
                .mapToLong(f -> Long.parseLong(f.substring(f.indexOf('=') + 1))).toArray();
    }

    private static String runChild(Class<?> main, String... jvmArgs) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.util.List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        return out;
    }

    /** Polls until the condition holds; fails after a minute (a liveness guard, not a timing assertion). */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as(what).isTrue();
            Thread.onSpinWait();
        }
    }

    @Test
    void aParkedWorkerIsWokenByTheNextHandOff() {
        assumeTrue(WorkerPool.threads() == 2, "needs exactly one worker");
        WorkerPool.run((part, n) -> { }, 2); // starts the worker
        awaitTrue(() -> WorkerPool.workerParked(0), "the idle worker parked");
        // The caller's part waits for the worker's: a hand-off that left a parked worker asleep would hang here.
        CountDownLatch workerRan = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        WorkerPool.run((part, n) -> {
            if (Thread.currentThread() == caller) {
                await(workerRan);
            } else {
                workerRan.countDown();
            }
        }, 2);
        assertThat(workerRan.getCount()).isZero();
    }

    @Test
    void keepAwakeWakesAParkedWorkerAfterARecentHandOff() {
        assumeTrue(WorkerPool.threads() == 2, "needs exactly one worker");
        WorkerPool.run((part, n) -> { }, 2);
        awaitTrue(() -> WorkerPool.workerParked(0), "the idle worker parked");
        int before = WorkerPool.workerWakeUps(0);
        WorkerPool.keepAwake(Long.MAX_VALUE); // within the window: the parked worker is woken to spin
        awaitTrue(() -> WorkerPool.workerWakeUps(0) > before, "keepAwake woke the parked worker");
        // And it is still a working worker afterwards.
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        CountDownLatch workerRan = new CountDownLatch(1);
        WorkerPool.run((part, n) -> {
            threads.add(Thread.currentThread());
            if (Thread.currentThread() == caller) {
                await(workerRan);
            } else {
                workerRan.countDown();
            }
        }, 2);
        assertThat(threads).hasSize(2);
    }

    @Test
    void keepAwakeFromManyThreadsBesideParallelWorkChangesNoResult() throws Exception {
        onConcurrentCallers(3, id -> {
            if (id == 0) {
                WorkerPool.keepAwake();
                WorkerPool.keepAwake(Long.MAX_VALUE);
                return;
            }
            int[] done = new int[5];
            WorkerPool.run((part, n) -> done[part]++, 5);
            assertThat(done).containsOnly(1);
        });
    }

    /** Runs {@code round} 2,000 times on each of {@code count} threads at once (given its thread's index). */
    private static void onConcurrentCallers(int count, java.util.function.IntConsumer round) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            Future<?>[] f = new Future<?>[count];
            for (int c = 0; c < count; c++) {
                int id = c;
                f[c] = callers.submit(() -> {
                    for (int r = 0; r < 2_000; r++) {
                        round.accept(id);
                    }
                });
            }
            for (Future<?> future : f) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aPartCountOutsideTheRangeIsRejected() {
        assertThatThrownBy(() -> WorkerPool.run((part, n) -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..64");
        assertThatThrownBy(() -> WorkerPool.run((part, n) -> { }, 65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 65");
    }

    @Test
    void concurrentCallersAndNestedCallsNeverWaitForEachOther() throws Exception {
        onConcurrentCallers(4, id -> {
            long[] sums = new long[3];
            WorkerPool.run((part, n) -> {
                // A nested call from inside a part: its workers may be busy, then it runs here.
                long[] inner = new long[2];
                WorkerPool.run((p, m) -> inner[p] = p + 1, 2);
                sums[part] = inner[0] + inner[1] + part;
            }, 3);
            assertThat(sums).containsExactly(3, 4, 5);
        });
    }
}
