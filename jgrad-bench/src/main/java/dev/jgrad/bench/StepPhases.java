package dev.jgrad.bench;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Kernels;
import dev.jgrad.backend.WorkerPool;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.data.idx.IdxSplit;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where a training step's time goes: the README loop (784-256-128-10, ReLU, cross-entropy, Adam) timed phase by
 * phase (zeroGrad, forward, loss, backward, step) by the wall clock and by the calling thread's CPU time, medians
 * over rounds (and the quietest round's, the fairest figure on a shared host where other processes take the
 * cores for milliseconds), on the first Fashion-MNIST rows (random data if it is not installed). {@code one} trains on one
 * fixed batch, as the bench's per-step overhead rows do; {@code shuffled} on consecutive batches of 10,000 rows.
 * After each round it counts the Adam moments that are subnormal floats: a multiply with a subnormal result costs
 * tens of cycles on many x86 cores, and a weight whose gradient stays zero (a dead ReLU unit, a pixel that is
 * always 0 in this batch) has its first moment decay through the subnormal range, where it stays: {@code 0.9f * m}
 * rounds back to {@code m} for m of 1 to 4 units in the last place. At the end the Adam kernel runs on copies of
 * the final state as it is and with those moments flushed to zero, alternating, to price them.
 *
 * <p>With {@code -Djgrad.poolStats=true} it also prints, per phase, what {@link WorkerPool} did over the timed
 * rounds: hand-offs per step, how many workers were posted, found parked, called off, how many parts they ran,
 * their start latency and the caller's wait for them (the accounting costs a few clock reads per hand-off).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Djgrad.threads=1 -cp jgrad-bench/target/benchmarks.jar
 * dev.jgrad.bench.StepPhases [batch] [rounds] [one|shuffled] [steps per round, 200]}
 */
public final class StepPhases {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] PHASES = {"zeroGrad", "forward", "loss+item", "backward", "step", "total"};

    private StepPhases() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        boolean oneBatch = args.length <= 2 || args[2].equals("one");
        int stepsPerRound = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int rows = 10_000;
        float[] features;
        float[] labels = new float[rows];
        try {
            Dataset d = IdxDataset.FASHION_MNIST.load(IdxSplit.TRAIN);
            features = Arrays.copyOf(d.features(), rows * 784);
            for (int i = 0; i < rows; i++) {
                labels[i] = d.label(i);
            }
        } catch (Exception e) {
            System.out.println("random data: " + e.getMessage());
            Random r = new Random(3);
            features = new float[rows * 784];
            for (int i = 0; i < features.length; i++) {
                features[i] = r.nextFloat();
            }
            for (int i = 0; i < rows; i++) {
                labels[i] = r.nextInt(10);
            }
        }
        int batches = oneBatch ? 1 : rows / batch;
        Tensor[] xs = new Tensor[batches];
        Tensor[] ys = new Tensor[batches];
        for (int b = 0; b < batches; b++) {
            xs[b] = Tensor.of(Arrays.copyOfRange(features, b * batch * 784, (b + 1) * batch * 784), batch, 784);
            ys[b] = Tensor.of(Arrays.copyOfRange(labels, b * batch, (b + 1) * batch), batch);
        }
        Random rng = new Random(1);
        Sequential model = new Sequential(new Linear(784, 256, rng), new ReLU(), new Linear(256, 128, rng), new ReLU(),
                new Linear(128, 10, rng));
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss loss = new CrossEntropyLoss();
        System.out.printf("threads %d, batch %d, %s, %s%n", WorkerPool.threads(), batch,
                oneBatch ? "one fixed batch" : batches + " batches in turn", Backend.kernels().getClass().getSimpleName());
        double[][] wall = new double[PHASES.length][rounds];
        double[][] cpu = new double[PHASES.length][rounds];
        long[] w = new long[PHASES.length];
        long[] c = new long[PHASES.length];
        WorkerPool.Stats[] handOffs = new WorkerPool.Stats[PHASES.length - 1];
        WorkerPool.Stats[] marks = new WorkerPool.Stats[PHASES.length - 1];
        int next = 0;
        for (int r = -5; r < rounds; r++) {
            Arrays.fill(w, 0);
            Arrays.fill(c, 0);
            for (int s = 0; s < stepsPerRound; s++) {
                Tensor x = xs[next];
                Tensor y = ys[next];
                next = (next + 1) % batches;
                marks[0] = WorkerPool.stats();
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                opt.zeroGrad();
                long t1 = System.nanoTime();
                long c1 = THREADS.getCurrentThreadCpuTime();
                marks[1] = WorkerPool.stats();
                Tensor out = model.forward(x);
                long t2 = System.nanoTime();
                long c2 = THREADS.getCurrentThreadCpuTime();
                marks[2] = WorkerPool.stats();
                Tensor l = loss.apply(out, y);
                l.item();
                long t3 = System.nanoTime();
                long c3 = THREADS.getCurrentThreadCpuTime();
                marks[3] = WorkerPool.stats();
                l.backward();
                long t4 = System.nanoTime();
                long c4 = THREADS.getCurrentThreadCpuTime();
                marks[4] = WorkerPool.stats();
                opt.step();
                long t5 = System.nanoTime();
                long c5 = THREADS.getCurrentThreadCpuTime();
                if (r >= 0 && WorkerPool.statsEnabled()) {
                    WorkerPool.Stats end = WorkerPool.stats();
                    for (int p = 0; p < handOffs.length; p++) {
                        WorkerPool.Stats d = (p + 1 < marks.length ? marks[p + 1] : end).minus(marks[p]);
                        handOffs[p] = handOffs[p] == null ? d : sum(handOffs[p], d);
                    }
                }
                w[0] += t1 - t0;
                c[0] += c1 - c0;
                w[1] += t2 - t1;
                c[1] += c2 - c1;
                w[2] += t3 - t2;
                c[2] += c3 - c2;
                w[3] += t4 - t3;
                c[3] += c4 - c3;
                w[4] += t5 - t4;
                c[4] += c5 - c4;
                w[5] += t5 - t0;
                c[5] += c5 - c0;
            }
            if (r >= 0) {
                for (int p = 0; p < PHASES.length; p++) {
                    wall[p][r] = w[p] / (stepsPerRound * 1e3);
                    cpu[p][r] = c[p] / (stepsPerRound * 1e3);
                }
            }
            if (r == -5 || r % 5 == 4) {
                System.out.println("  after round " + r + ": " + census(model.parameters(), opt));
            }
        }
        for (int p = 0; p < PHASES.length; p++) {
            System.out.printf("%-10s wall %8.1f us  cpu %8.1f us   (quietest round: wall %8.1f, cpu %8.1f)%n", PHASES[p],
                    median(wall[p]), median(cpu[p]), Arrays.stream(wall[p]).min().orElse(0),
                    Arrays.stream(cpu[p]).min().orElse(0));
        }
        if (WorkerPool.statsEnabled()) {
            long steps = (long) rounds * stepsPerRound;
            System.out.println("hand-offs per step (WorkerPool, timed rounds): runs, parts/run, workers posted (parked"
                    + " when posted and their mean time without a job, called off), parts on the worker, worker start"
                    + " latency, caller's wait per run");
            for (int p = 0; p < handOffs.length; p++) {
                System.out.println("  " + handOffLine(PHASES[p], handOffs[p], steps));
            }
        }
        subnormalCost(model.parameters(), opt, rounds);
    }

    private static WorkerPool.Stats sum(WorkerPool.Stats a, WorkerPool.Stats b) {
        return new WorkerPool.Stats(a.runs() + b.runs(), a.parts() + b.parts(), a.posted() + b.posted(),
                a.parked() + b.parked(), a.calledOff() + b.calledOff(), a.workerParts() + b.workerParts(),
                a.startNanos() + b.startNanos(), a.waitNanos() + b.waitNanos(),
                Math.max(a.maxWaitNanos(), b.maxWaitNanos()), a.parkedIdleNanos() + b.parkedIdleNanos());
    }

    private static String handOffLine(String phase, WorkerPool.Stats s, long steps) {
        if (s == null || s.runs() == 0) {
            return String.format("%-10s no hand-off", phase);
        }
        return String.format("%-10s %5.2f runs, %4.1f parts/run, posted %5.2f (parked %4.2f after %6.1f us idle,"
                        + " called off %4.2f), worker parts %4.1f%%, start %6.1f us, wait %6.1f us/run (max %7.1f)",
                phase, (double) s.runs() / steps, (double) s.parts() / s.runs(), (double) s.posted() / steps,
                (double) s.parked() / steps, s.parked() == 0 ? 0.0 : s.parkedIdleNanos() / 1e3 / s.parked(),
                (double) s.calledOff() / steps,
                100.0 * s.workerParts() / Math.max(1, s.parts()),
                s.started() == 0 ? 0.0 : s.startNanos() / 1e3 / s.started(), s.waitNanos() / 1e3 / s.runs(),
                s.maxWaitNanos() / 1e3);
    }

    /**
     * The Adam kernel over copies of this step's state, as it is and with its subnormal first moments replaced by
     * zero, alternating (calling thread's CPU time, medians): what the subnormal arithmetic costs a step.
     */
    private static void subnormalCost(List<Parameter> ps, Adam opt, int rounds) {
        Kernels k = Backend.kernels();
        Map<String, float[][]> st = opt.state().buffers();
        int n = ps.size();
        float[][][] src = new float[2][4 * n][];
        for (int i = 0; i < n; i++) {
            float[] m = st.get("m")[i];
            float[] flushed = m.clone();
            for (int j = 0; j < flushed.length; j++) {
                if (Math.abs(flushed[j]) < Float.MIN_NORMAL) {
                    flushed[j] = 0f;
                }
            }
            for (int variant = 0; variant < 2; variant++) {
                src[variant][4 * i] = ps.get(i).data().clone();
                src[variant][4 * i + 1] = ps.get(i).grad().data().clone();
                src[variant][4 * i + 2] = variant == 0 ? m.clone() : flushed;
                src[variant][4 * i + 3] = st.get("v")[i].clone();
            }
        }
        float[][] work = new float[4 * n][];
        for (int i = 0; i < 4 * n; i++) {
            work[i] = new float[src[0][i].length];
        }
        double[][] t = new double[2][rounds];
        for (int r = -5; r < rounds; r++) {
            for (int variant = 0; variant < 2; variant++) {
                long sum = 0;
                for (int it = 0; it < 20; it++) {
                    for (int i = 0; i < 4 * n; i++) {
                        System.arraycopy(src[variant][i], 0, work[i], 0, work[i].length);
                    }
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        k.adam(work[4 * i], work[4 * i + 1], work[4 * i + 2], work[4 * i + 3], 0, work[4 * i].length,
                                0.9f, 0.999f, 1e-3f, 1f, 1e-8f, 1f);
                    }
                    sum += THREADS.getCurrentThreadCpuTime() - c0;
                }
                if (r >= 0) {
                    t[variant][r] = sum / 20e3;
                }
            }
        }
        System.out.printf("Adam kernel on this step's state: %.1f us; with subnormal m flushed to 0: %.1f us"
                + " (thread CPU, medians of %d alternated rounds)%n", median(t[0]), median(t[1]), rounds);
    }

    /** How many gradient entries are zero, and how many Adam moments are zero or subnormal. */
    private static String census(List<Parameter> ps, Adam opt) {
        Map<String, float[][]> st = opt.state().buffers();
        long total = 0;
        long gZero = 0;
        long[] zero = new long[2];
        long[] sub = new long[2];
        for (int i = 0; i < ps.size(); i++) {
            float[] g = ps.get(i).grad().data();
            total += g.length;
            for (float f : g) {
                gZero += f == 0f ? 1 : 0;
            }
            float[][] moments = {st.get("m")[i], st.get("v")[i]};
            for (int a = 0; a < 2; a++) {
                for (float f : moments[a]) {
                    if (f == 0f) {
                        zero[a]++;
                    } else if (Math.abs(f) < Float.MIN_NORMAL) {
                        sub[a]++;
                    }
                }
            }
        }
        return String.format("of %d parameters: gradient 0 %d; m 0 %d, m subnormal %d; v 0 %d, v subnormal %d",
                total, gZero, zero[0], sub[0], zero[1], sub[1]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
