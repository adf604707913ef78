package dev.jgrad.backend;

/**
 * Child-JVM main for {@link WorkerPoolTest}'s accounting test (the accounting switch is read once per JVM): runs
 * ten 3-part jobs, then (after 50 ms without work) one 2-part job whose caller part sleeps so the worker takes the
 * other, and prints the calling thread's {@link WorkerPool.Stats} after each.
 */
public final class PoolStatsProbe {

    private PoolStatsProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("enabled=" + WorkerPool.statsEnabled());
        for (int i = 0; i < 10; i++) {
            WorkerPool.run((part, n) -> { }, 3);
        }
        WorkerPool.Stats afterTen = WorkerPool.stats();
        System.out.println(afterTen);
        Thread.sleep(50); // long past the spin: the worker parks
        Thread caller = Thread.currentThread();
        WorkerPool.run((part, n) -> {
            if (Thread.currentThread() == caller) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, 2);
        System.out.println(WorkerPool.stats().minus(afterTen));
    }
}
