package dev.jgrad.bench.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 fused-multiply-add peak of the machine the bench runs on, measured in Java with the vector width
 * the JVM picks ({@code FloatVector.SPECIES_PREFERRED}: 8 lanes on AVX2, 16 on AVX-512), so that every figure
 * of the suite can also be given as a fraction of it and numbers from different machines compare.
 *
 * <p>The loop is {@link #CHAINS} independent FMA chains on registers, no memory traffic: with an FMA latency of
 * 4 cycles and two FMA pipes, 8 chains keep both pipes busy; 12 leave slack and still fit AVX2's 16 vector
 * registers (12 accumulators and 2 operands), so C2 spills nothing on either ISA. Each round is timed alone; the
 * peak is the best round (a capability figure: a neighbour on a shared core only ever makes a round slower), and
 * the median and the worst round are kept to show the noise. With N threads, N copies run at once between two
 * barriers and the rate is all their FMAs over the slowest one's time.
 */
public final class FmaPeak {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int CHAINS = 12;

    private FmaPeak() {
    }

    /** The result of one measurement: best, median and worst round in GFLOPS, and the vector width used. */
    public record Result(int threads, int lanes, double bestGflops, double medianGflops, double worstGflops, int rounds) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("threads", threads);
            m.put("lanes", lanes);
            m.put("gflops", bestGflops);
            m.put("median_gflops", medianGflops);
            m.put("worst_gflops", worstGflops);
            m.put("rounds", rounds);
            return m;
        }
    }

    /**
     * Measures the peak on {@code threads} threads: warm-up until C2 has compiled the loop (about half a second),
     * then {@code rounds} rounds of about {@code roundNanos} each.
     */
    public static Result measure(int threads, int rounds, long roundNanos) {
        long iterations = 1 << 16;
        for (long end = System.nanoTime() + 400_000_000L; System.nanoTime() < end; ) {
            sink(chains(iterations)); // compile first, on this thread
        }
        // Calibrate: double the steps until one call takes an eighth of a round (a preempted call only makes it
        // longer, so the rounds come out shorter than asked, never longer).
        long perRound = iterations;
        while (true) {
            long t0 = System.nanoTime();
            sink(chains(perRound));
            if (System.nanoTime() - t0 >= roundNanos / 8 || perRound >= (1L << 40)) {
                break;
            }
            perRound *= 2;
        }
        perRound *= 8;
        double[] gflops = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            gflops[r] = threads == 1 ? oneThread(perRound) : manyThreads(threads, perRound);
        }
        double[] sorted = gflops.clone();
        java.util.Arrays.sort(sorted);
        return new Result(threads, S.length(), sorted[rounds - 1], Stats.median(gflops), sorted[0], rounds);
    }

    /** Steps of {@link #chains} that take about {@link #BURST_NANOS} on this machine; 0 until calibrated. */
    private static long burstIterations;

    /** How long {@link #burst} runs: short beside an epoch, long enough for a 1 ms tick of the host not to matter. */
    static final long BURST_NANOS = 15_000_000L;

    /**
     * One short round of the peak loop on {@code threads} threads, in GFLOPS: the peak available right now, taken
     * beside a piece of work so that the work's fraction of it does not move with the host's load (on a VM whose
     * core a neighbour shares, the best round and the median here were measured 30 % apart within a minute). The
     * first call compiles and calibrates the loop (about half a second).
     */
    public static synchronized double burst(int threads) {
        if (burstIterations == 0) {
            long iterations = 1 << 16;
            for (long end = System.nanoTime() + 400_000_000L; System.nanoTime() < end; ) {
                sink(chains(iterations));
            }
            long t0 = System.nanoTime();
            sink(chains(iterations));
            burstIterations = Math.max(iterations, (long) (iterations * (double) BURST_NANOS
                    / Math.max(1, System.nanoTime() - t0)));
        }
        return threads == 1 ? oneThread(burstIterations) : manyThreads(threads, burstIterations);
    }

    /** Flops of {@code iterations} steps: CHAINS FMAs of S.length() lanes, 2 flops each. */
    static double flops(long iterations) {
        return 2.0 * CHAINS * S.length() * iterations;
    }

    private static double oneThread(long iterations) {
        long t0 = System.nanoTime();
        sink(chains(iterations));
        return flops(iterations) / (System.nanoTime() - t0);
    }

    private static double manyThreads(int threads, long iterations) {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        CyclicBarrier end = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    sink(chains(iterations)); // compiled code on this thread before the timed part
                    start.await();
                    sink(chains(iterations));
                    end.await();
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            }, "fma-peak-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        try {
            start.await();
            long t0 = System.nanoTime();
            end.await();
            long nanos = System.nanoTime() - t0;
            for (Thread w : workers) {
                w.join();
            }
            return threads * flops(iterations) / nanos;
        } catch (Exception e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static volatile float sinkValue;

    private static void sink(float v) {
        sinkValue += v;
    }

    /** CHAINS independent FMA chains, {@code iterations} steps each; returns a value that depends on all of them. */
    static float chains(long iterations) {
        FloatVector a = FloatVector.broadcast(S, 0.999999f);
        FloatVector b = FloatVector.broadcast(S, 1e-7f);
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S), c8 = FloatVector.zero(S);
        FloatVector c9 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        for (long i = 0; i < iterations; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /**
     * The peak on 1 thread and, if {@code threads} is more, on that many, as a map for the report; or a note
     * saying why it could not be measured (no Vector API in this JVM).
     */
    public static Map<String, Object> measureForReport(int threads, int rounds, long roundNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("1", measure(1, rounds, roundNanos).toMap());
            if (threads > 1) {
                m.put(Integer.toString(threads), measure(threads, rounds, roundNanos).toMap());
            }
        } catch (LinkageError e) {
            m.put("error", "FMA peak not measured: the Vector API is not available in this JVM"
                    + " (run with --add-modules jdk.incubator.vector)");
        }
        return m;
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        System.out.println(Json.write(measureForReport(threads, rounds, 100_000_000L)));
    }
}
