package dev.jgrad.spark;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

/**
 * Not a test: the all-reduce's own cost, for BENCHMARKS.md. S workers as threads of this JVM over loopback sockets,
 * each summing a vector of n floats R times; prints the median and quartiles of the per-call time (worker 0).
 * Run: java -cp jgrad-spark/target/test-classes:jgrad-spark/target/classes dev.jgrad.spark.AllReduceBench S n R
 */
public final class AllReduceBench {

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String[] addresses = new String[size];
        CyclicBarrier gathered = new CyclicBarrier(size);
        CompletableFuture<?>[] workers = new CompletableFuture<?>[size];
        long[][] times = new long[size][rounds];
        for (int r = 0; r < size; r++) {
            int rank = r;
            workers[r] = CompletableFuture.runAsync(() -> {
                try (AllReduce reduce = AllReduce.connect(rank, size, "127.0.0.1", mine -> {
                    addresses[rank] = mine;
                    try {
                        gathered.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return addresses.clone();
                }, 60_000)) {
                    float[] v = new float[n];
                    Arrays.fill(v, rank + 1);
                    for (int i = 0; i < rounds; i++) {
                        long t0 = System.nanoTime();
                        reduce.sum(v);
                        times[rank][i] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.Executors.newSingleThreadExecutor());
        }
        CompletableFuture.allOf(workers).join();
        long[] t = times[0].clone();
        Arrays.sort(t);
        System.out.printf(java.util.Locale.ROOT, "all-reduce S=%d n=%d floats (%.2f MB): median %.3f ms, p25 %.3f, p75 %.3f (%d calls)%n",
                size, n, n * 4 / 1e6, t[rounds / 2] / 1e6, t[rounds / 4] / 1e6, t[3 * rounds / 4] / 1e6, rounds);
        System.exit(0);
    }
}
