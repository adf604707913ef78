package dev.jgrad.bench.e2e;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.GemmThreads;
import dev.jgrad.bench.BenchArrays;
import dev.jgrad.data.synthetic.Points2D;
import dev.jgrad.data.synthetic.Shape2D;
import dev.jgrad.data.synthetic.Synthetic2D;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.HuberLoss;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.Callback;
import dev.jgrad.train.DataLoader;
import dev.jgrad.train.Progress;
import dev.jgrad.train.Trainer;
import dev.jgrad.train.TrainingContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * jgrad's side of the suite, written the way a user would: {@code Trainer} (which takes the fused MLP step by
 * itself), the README's autograd loop, {@code Tensor.noGrad()} + {@code Sequential.forward} for inference and
 * {@code FusedMlp.forward} next to it. Every figure is a median over {@code scale.runs} rounds after warm-up.
 * Results go into a map under the keys {@link MetricRow} names; the peer script uses the same keys.
 */
final class JgradBenchmarks {

    private static final int[] TRAIN_BATCHES = {32, 128, 1024};

    private final Scale scale;
    private final long seed;
    private final PrintStream log;
    private final BenchData data;
    /** Keeps results observable so the JIT cannot drop the work. */
    private volatile float sink;

    JgradBenchmarks(Scale scale, long seed, BenchData data, PrintStream log) {
        this.scale = scale;
        this.seed = seed;
        this.data = data;
        this.log = log;
    }

    /** Runs everything; returns {"threads", "kernels", "data", "metrics": {key: value}, "notes": [...]}. */
    Map<String, Object> runAll() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int n = scale.trainSamples;
        step("FMA peak");
        Map<String, Object> peakBefore = fmaPeak();
        // The playground net first, as in the playground's own JVM: the fused layer's JIT profile is otherwise shaped
        // by the 784-256-128-10 runs (measured alone 126-146k steps/s, after them 115-121k, in the full suite
        // anywhere from 58k to 126k).
        step("playground");
        double[] pg = playgroundTrainerSteps();
        metrics.put("playground_steps", pg[0]);
        metrics.put("playground_steps_cpu", pg[1]);
        metrics.put("playground_autograd_steps", playgroundAutogradSteps());
        trainerRows(metrics);
        step("gemm");
        gemm(metrics);
        for (int b : new int[] {32, 128}) {
            step("step overhead b" + b);
            stepOverhead(metrics, b);
        }
        step("train autograd b128");
        metrics.put("train_autograd_b128", autogradSamplesPerSecond(128, n));
        step("train gelu b128");
        metrics.put("train_gelu_b128", trainerSamplesPerSecond(128, n, new GELU(), false)[0]);
        step("train huber b128");
        metrics.put("train_huber_b128", trainerSamplesPerSecond(128, n, new ReLU(), true)[0]);
        step("inference");
        inference(metrics);
        step("classic loop");
        metrics.put("classic_s", classicSecondsPerIteration());
        step("allocation");
        allocation(metrics, notes);
        step("FMA peak again");
        Map<String, Object> peak = bestOf(peakBefore, fmaPeak());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", GemmThreads.threads());
        out.put("kernels", Backend.choice().kernels().name());
        out.put("kernels_reason", Backend.choice().reason());
        out.put("kernels_detail", Backend.choice().kernels().describe());
        out.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        out.put("data", data.source());
        out.put("peak", peak);
        out.put("classic_rows", scale.classicSamples);
        out.put("metrics", metrics);
        out.put("notes", notes);
        return out;
    }

    /**
     * Only the Trainer rows (batches 32, 128, 1024): what each of {@link ThreadScaling}'s short JVMs measures.
     * Returns {"threads", "metrics": {train_bN, train_bN_cpu}}.
     */
    Map<String, Object> runTrainerRows() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        trainerRows(metrics);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", GemmThreads.threads());
        out.put("metrics", metrics);
        return out;
    }

    private void trainerRows(Map<String, Object> metrics) {
        for (int b : TRAIN_BATCHES) {
            step("train b" + b);
            double[] rates = trainerSamplesPerSecond(b, scale.trainSamples);
            metrics.put("train_b" + b, rates[0]);
            metrics.put("train_b" + b + "_cpu", rates[1]);
            metrics.put("train_b" + b + "_paired_pk", 100 * rates[2]);
        }
    }

    /**
     * The machine's FMA peak on 1 thread and on this JVM's GEMM thread count ({@link FmaPeak}), or a note when the
     * Vector API is missing (then the class itself cannot load, hence the catch here).
     */
    private Map<String, Object> fmaPeak() {
        try {
            return FmaPeak.measureForReport(GemmThreads.threads(), scale == Scale.TINY ? 2 : 7,
                    scale == Scale.TINY ? 5_000_000L : 100_000_000L);
        } catch (LinkageError e) {
            return new LinkedHashMap<>(Map.of("error", "FMA peak not measured: the Vector API is not available in"
                    + " this JVM (run with --add-modules jdk.incubator.vector)"));
        }
    }

    /**
     * The peak measured before and after the benchmarks, the better of the two per thread count, with the worst
     * round of both kept: the spread says how much the machine's load moved during the run.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> bestOf(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> out = new LinkedHashMap<>(before);
        for (Map.Entry<String, Object> e : after.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> a && before.get(e.getKey()) instanceof Map<?, ?> b) {
                Map<String, Object> am = (Map<String, Object>) a;
                Map<String, Object> bm = (Map<String, Object>) b;
                Map<String, Object> best = new LinkedHashMap<>(
                        ((Number) am.get("gflops")).doubleValue() >= ((Number) bm.get("gflops")).doubleValue() ? am : bm);
                best.put("worst_gflops", Math.min(((Number) am.get("worst_gflops")).doubleValue(),
                        ((Number) bm.get("worst_gflops")).doubleValue()));
                best.put("before_gflops", bm.get("gflops"));
                best.put("after_gflops", am.get("gflops"));
                out.put(e.getKey(), best);
            }
        }
        return out;
    }

    private void step(String what) {
        log.println("  jgrad " + GemmThreads.threads() + "t: " + what);
        log.flush();
        settle();
    }

    /**
     * A full collection before each measurement, as JMH does between iterations: garbage the previous one left
     * (the big-batch Sequential forward allocates 10 MB tensors) must not start a concurrent cycle on the
     * other core while the next one is timed (batch-10,000 FusedMlp inference ran at 115-164K samples/s after it,
     * 182K alone).
     */
    private static void settle() {
        System.gc();
    }

    /** 784-256-128-10 with ReLU, PyTorch's default-like Glorot init from an explicit seed. */
    private Sequential fashionMlp(Random rng) {
        return fashionMlp(rng, new ReLU(), new ReLU());
    }

    private Sequential fashionMlp(Random rng, Module act1, Module act2) {
        return new Sequential(new Linear(784, 256, rng), act1, new Linear(256, 128, rng), act2, new Linear(128, 10, rng));
    }

    // ---- training -------------------------------------------------------------------------------------------

    /**
     * Trainer.fit over the first n samples: {samples per second, samples per CPU-second, fraction of the FMA burst
     * before each epoch} of the median epoch (the last NaN for other activations or losses, whose FLOPs differ).
     */
    private double[] trainerSamplesPerSecond(int batch, int n) {
        return trainerSamplesPerSecond(batch, n, new ReLU(), false);
    }

    /**
     * The same with another hidden activation (a fresh module of the same kind for the second hidden layer),
     * and with the Huber loss on one-hot targets instead of cross-entropy on labels.
     */
    private double[] trainerSamplesPerSecond(int batch, int n, Module activation, boolean huber) {
        Module second = activation instanceof GELU ? new GELU() : new ReLU();
        Sequential model = fashionMlp(new Random(seed), activation, second);
        Adam opt = new Adam(model.parameters(), 1e-3);
        boolean counted = activation instanceof ReLU && !huber; // MetricRow.MLP_TRAIN's FLOPs
        EpochTimer timer = counted ? new EpochTimer(GemmThreads.threads()) : new EpochTimer();
        int warm = scale.warmup + (batch <= 32 ? 1 : 0); // more steps to compile at small batches
        Tensor x = Tensor.of(data.features(n), n, 784);
        Tensor y = huber ? Tensor.of(data.oneHot(n), n, 10) : Tensor.of(data.labelsAsFloats(n), n);
        Loss loss = huber ? new HuberLoss(1.0) : new CrossEntropyLoss();
        StepAllocation allocation = new StepAllocation();
        Trainer warmUp = Trainer.builder(model, loss, opt).epochs(1).batchSize(batch)
                .shuffle(seed).callbacks(allocation).build();
        for (long end = System.nanoTime() + scale.warmNanos; System.nanoTime() < end; ) {
            warmUp.fit(x, y);
        }
        warmUntilCompiled(() -> warmUp.fit(x, y), allocation, batch);
        Trainer.builder(model, loss, opt).epochs(warm + scale.runs).batchSize(batch)
                .shuffle(seed).callbacks(timer).build()
                .fit(x, y);
        return new double[] {n / timer.medianEpochSeconds(warm), perCpuSecond(n, timer.meanEpochCpuSeconds(warm)),
                timer.medianPeakFraction(warm, n * MetricRow.MLP_TRAIN)};
    }

    /**
     * The README's five-line loop (zeroGrad, forward, loss, backward, step) on the shuffled batches of a
     * {@link DataLoader}, as a user's program gets them.
     */
    private double autogradSamplesPerSecond(int batch, int n) {
        Sequential model = fashionMlp(new Random(seed));
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss loss = new CrossEntropyLoss();
        DataLoader loader = new DataLoader(Tensor.of(data.features(n), n, 784), Tensor.of(data.labelsAsFloats(n), n),
                batch).shuffle(seed);
        double[] times = new double[scale.runs];
        long warmEnd = System.nanoTime() + scale.warmNanos;
        for (int e = 0; e < scale.warmup + scale.runs; e++) {
            if (e == scale.warmup - 1 && System.nanoTime() < warmEnd) {
                e--; // keep warming up until the time is reached
            }
            long t0 = System.nanoTime();
            for (DataLoader.Batch b : loader) {
                opt.zeroGrad();
                Tensor l = loss.apply(model.forward(b.x()), b.y());
                sink += l.item();
                l.backward();
                opt.step();
            }
            if (e >= scale.warmup) {
                times[e - scale.warmup] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return n / Stats.median(times);
    }

    /**
     * One step of the README loop on one fixed batch (no data loading), and the step's eight products alone (the
     * same shapes through the same kernels: three forward, three weight gradients, two input gradients), rounds of
     * the two alternating; the difference is what a step costs besides its products: bias, activations, loss,
     * gradient zeroing, the optimizer, the graph's bookkeeping and the threads' hand-offs.
     */
    private void stepOverhead(Map<String, Object> metrics, int batch) {
        Runnable stepCall = readmeLoopStep(batch);
        dev.jgrad.backend.Kernels k = Backend.kernels();
        Random rnd = new Random(seed);
        float[] x = BenchArrays.centered(rnd, batch * 784);
        float[] w1 = BenchArrays.centered(rnd, 256 * 784);
        float[] w2 = BenchArrays.centered(rnd, 128 * 256);
        float[] w3 = BenchArrays.centered(rnd, 10 * 128);
        float[] h1 = new float[batch * 256];
        float[] h2 = new float[batch * 128];
        float[] z3 = new float[batch * 10];
        float[] d1 = new float[batch * 256];
        float[] d2 = new float[batch * 128];
        float[] g1 = new float[256 * 784];
        float[] g2 = new float[128 * 256];
        float[] g3 = new float[10 * 128];
        int b = batch;
        Runnable products = () -> {
            k.gemm(false, true, b, 256, 784, 1f, x, 0, 784, w1, 0, 784, 0f, h1, 0, 256);
            k.gemm(false, true, b, 128, 256, 1f, h1, 0, 256, w2, 0, 256, 0f, h2, 0, 128);
            k.gemm(false, true, b, 10, 128, 1f, h2, 0, 128, w3, 0, 128, 0f, z3, 0, 10);
            k.gemm(true, false, 10, 128, b, 1f, z3, 0, 10, h2, 0, 128, 1f, g3, 0, 128);
            k.gemm(false, false, b, 128, 10, 1f, z3, 0, 10, w3, 0, 128, 0f, d2, 0, 128);
            k.gemm(true, false, 128, 256, b, 1f, d2, 0, 128, h1, 0, 256, 1f, g2, 0, 256);
            k.gemm(false, false, b, 256, 128, 1f, d2, 0, 128, w2, 0, 256, 0f, d1, 0, 256);
            k.gemm(true, false, 256, 784, b, 1f, d1, 0, 256, x, 0, 784, 1f, g1, 0, 784);
            sink += g1[0];
        };
        double[] t = alternatingPerCallNanos(stepCall, products);
        metrics.put("step_b" + batch + "_us", t[0] / 1e3);
        metrics.put("step_products_b" + batch + "_us", t[1] / 1e3);
        metrics.put("step_overhead_b" + batch + "_us", t[2] / 1e3);
        metrics.put("step_overhead_b" + batch + "_cpu_us", t[3] / 1e3);
    }

    /**
     * The README's five-line loop (zeroGrad, forward, loss, backward, step) on one fixed batch of the data, with a
     * fresh model and Adam: the step the overhead and allocation rows measure.
     */
    private Runnable readmeLoopStep(int batch) {
        Sequential model = fashionMlp(new Random(seed));
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss loss = new CrossEntropyLoss();
        Tensor xb = Tensor.of(data.features(batch), batch, 784);
        Tensor yb = Tensor.of(data.labelsAsFloats(batch), batch);
        return () -> {
            opt.zeroGrad();
            Tensor l = loss.apply(model.forward(xb), yb);
            sink += l.item();
            l.backward();
            opt.step();
        };
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Two calls timed in alternating rounds, so a change in the machine's load hits both: the per-call medians of
     * the first and the second (wall clock), and the medians over rounds of first minus second, by the wall clock
     * and by this thread's CPU time (which leaves out the time the thread was not running: on a shared machine the
     * one-thread figure to trust; on more threads it counts the caller only, its waits for the workers included).
     */
    private double[] alternatingPerCallNanos(Runnable first, Runnable second) {
        settle();
        Runnable[] calls = {first, second};
        double[][] wall = new double[2][scale.runs];
        double[][] cpu = new double[2][scale.runs];
        for (long end = System.nanoTime() + scale.warmNanos / 2; System.nanoTime() < end; ) {
            first.run();
            second.run();
        }
        warmUntilAllocationFree(first, second);
        for (int r = -scale.warmup; r < scale.runs; r++) {
            for (int c = 0; c < 2; c++) {
                long n = 0;
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long t1;
                do {
                    calls[c].run();
                    n++;
                    t1 = System.nanoTime();
                } while (t1 - t0 < scale.roundNanos / 2);
                long c1 = THREADS.getCurrentThreadCpuTime();
                if (r >= 0) {
                    wall[c][r] = (double) (t1 - t0) / n;
                    cpu[c][r] = (double) (c1 - c0) / n;
                }
            }
        }
        double[] wallDiff = new double[scale.runs];
        double[] cpuDiff = new double[scale.runs];
        for (int r = 0; r < scale.runs; r++) {
            wallDiff[r] = wall[0][r] - wall[1][r];
            cpuDiff[r] = cpu[0][r] - cpu[1][r];
        }
        return new double[] {Stats.median(wall[0]), Stats.median(wall[1]), Stats.median(wallDiff), Stats.median(cpuDiff)};
    }

    /**
     * Goes on warming up until a call of {@code second} (the products) allocates nothing on this thread, for at most
     * {@code 2 * warmNanos} more: until C2 has compiled the Vector API code, its vectors are objects on the heap, and
     * on a busy machine half of {@code warmNanos} was seen to end before that (0.3-4.7 MB per call, steps timed 10x
     * slow). If it never gets there, the rows are still measured and the log says so.
     */
    private void warmUntilAllocationFree(Runnable first, Runnable second) {
        if (!Allocation.supported()) {
            return;
        }
        long bytes = Long.MAX_VALUE;
        for (long end = System.nanoTime() + 2 * scale.warmNanos; System.nanoTime() < end; ) {
            long b0 = Allocation.thisThread();
            second.run();
            bytes = Allocation.thisThread() - b0;
            if (bytes == 0) {
                return;
            }
            first.run();
        }
        log.println("  note: the products still allocate " + bytes + " bytes per call after the warm-up;"
                + " the step rows may include code not yet compiled by C2");
    }

    /**
     * Goes on with warm-up epochs until a step allocates less than {@link #compiledStepBytes} on this thread, for at
     * most {@code 2 * warmNanos} more: a compiled training step allocates a few KB (the autograd graph's nodes) and
     * ~50 bytes per row (the loss's softmax), while Vector API code not yet compiled by C2 allocates its vectors,
     * 0.3-4.7 MB per product. The time-based warm-up alone was seen to end before that on a busy machine.
     */
    private void warmUntilCompiled(Runnable epoch, StepAllocation allocation, int batch) {
        if (!Allocation.supported()) {
            return;
        }
        for (long end = System.nanoTime() + 2 * scale.warmNanos; System.nanoTime() < end; ) {
            epoch.run();
            if (allocation.leastPerStep < compiledStepBytes(batch) || allocation.leastPerStep == Long.MAX_VALUE) {
                return; // compiled, or an epoch of one step, which cannot tell
            }
        }
        log.println("  note: a Trainer step at batch " + batch + " still allocates " + allocation.leastPerStep
                + " bytes after the warm-up; the row may include code not yet compiled by C2");
    }

    /** A Trainer step that allocates less than this on the calling thread counts as compiled. */
    static long compiledStepBytes(int batch) {
        return 64 * 1024 + 256L * batch;
    }

    /**
     * The fewest bytes this thread allocated from one step's end to the next in the last epoch (so not the epoch's
     * own set-up: the shuffled order, the batch buffers, the predictions kept for the metrics).
     */
    private static final class StepAllocation implements Callback {
        long leastPerStep = Long.MAX_VALUE;
        private long lastStepEnd = -1;

        @Override
        public void onEpochBegin(TrainingContext context, int epoch) {
            leastPerStep = Long.MAX_VALUE;
            lastStepEnd = -1;
        }

        @Override
        public void onStepEnd(TrainingContext context, Progress progress) {
            long now = Allocation.thisThread();
            if (lastStepEnd >= 0) {
                leastPerStep = Math.min(leastPerStep, now - lastStepEnd);
            }
            lastStepEnd = now;
        }
    }

    // ---- inference ------------------------------------------------------------------------------------------

    @SuppressWarnings("try") // the scope only switches gradient recording off
    private void inference(Map<String, Object> metrics) {
        Sequential model = fashionMlp(new Random(seed));
        model.eval();
        int big = scale.bigBatch;
        BenchData bigData = data.n() >= big ? data : BenchData.load(null, big, seed);
        Tensor one = Tensor.of(data.features(1), 1, 784);
        Tensor many = Tensor.of(bigData.features(big), big, 784);
        metrics.put("infer_b1_us", perCallNanos(() -> {
            try (var s = Tensor.noGrad()) {
                sink += model.forward(one).data()[0];
            }
        }) / 1e3);
        metrics.put("infer_big", 1e9 * big / perCallNanos(() -> {
            try (var s = Tensor.noGrad()) {
                sink += model.forward(many).data()[0];
            }
        }));
    }

    // ---- GEMM ------------------------------------------------------------------------------------------------

    /** The GEMM shapes (m x k x n) of the table: the MLP's layers at batch 128, a square one, and 1024^3. */
    static final int[][] GEMM_SHAPES = {{128, 784, 256}, {128, 256, 128}, {256, 256, 256}, {1024, 1024, 1024}};
    /** NN is a forward pass, TN a weight gradient, NT an input gradient (or a forward with [out, in] weights). */
    static final String[] GEMM_FORMS = {"nn", "tn", "nt"};

    /** Key of one GEMM figure, shared with the peer script: gemm_nt_128x784x256. */
    static String gemmKey(String form, int[] s) {
        return "gemm_" + form + "_" + s[0] + "x" + s[1] + "x" + s[2];
    }

    /**
     * GFLOPS of the chosen kernels' GEMM for every shape and form, operands stored as the form says (TN: A is
     * stored k x m), C overwritten (beta 0), as {@code torch.mm(a, b, out=c)} on transposed views does.
     */
    private void gemm(Map<String, Object> metrics) {
        dev.jgrad.backend.Kernels kernels = Backend.kernels();
        Random rnd = new Random(seed);
        for (String form : GEMM_FORMS) {
            boolean ta = form.charAt(0) == 't';
            boolean tb = form.charAt(1) == 't';
            for (int[] s : GEMM_SHAPES) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                float[] a = BenchArrays.centered(rnd, m * k);
                float[] b = BenchArrays.centered(rnd, k * n);
                float[] c = new float[m * n];
                int lda = ta ? m : k;
                int ldb = tb ? k : n;
                double nanos = perCallNanos(() -> kernels.gemm(ta, tb, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n));
                sink += c[0];
                metrics.put(gemmKey(form, s), 2.0 * m * n * k / nanos);
            }
        }
    }

    /** Median over rounds of at least {@code scale.roundNanos} each, after as many warm-up rounds. */
    private double perCallNanos(Runnable call) {
        settle();
        double[] perCall = new double[scale.runs];
        for (long end = System.nanoTime() + scale.warmNanos / 2; System.nanoTime() < end; ) {
            call.run();
        }
        for (int r = -scale.warmup; r < scale.runs; r++) {
            long calls = 0;
            long t0 = System.nanoTime();
            long t1;
            do {
                call.run();
                calls++;
                t1 = System.nanoTime();
            } while (t1 - t0 < scale.roundNanos);
            if (r >= 0) {
                perCall[r] = (double) (t1 - t0) / calls;
            }
        }
        return Stats.median(perCall);
    }

    // ---- the playground network -----------------------------------------------------------------------------

    private Sequential playgroundNet(Random rng) {
        return new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 8, rng), new Tanh(),
                new Linear(8, 1, rng), new Tanh());
    }

    /** 500 circle points, x [500, 2] and targets +-1 [500, 1]. */
    private Tensor[] playgroundData() {
        Points2D p = Synthetic2D.generate(Shape2D.CIRCLE, 500, 0.0, seed);
        float[] x = new float[1000];
        for (int i = 0; i < 500; i++) {
            x[2 * i] = p.x1()[i];
            x[2 * i + 1] = p.x2()[i];
        }
        return new Tensor[] {Tensor.of(x, 500, 2), Tensor.of(p.label().clone(), 500, 1)};
    }

    /** Trainer (fused path): steps per second over rounds of {@code playgroundEpochs} epochs of 50 steps. */
    private double[] playgroundTrainerSteps() {
        Sequential model = playgroundNet(new Random(seed));
        SGD opt = new SGD(model.parameters(), 0.03);
        Tensor[] xy = playgroundData();
        Trainer trainer = Trainer.builder(model, new MSELoss(), opt).epochs(scale.playgroundEpochs).batchSize(10)
                .shuffle(seed).build();
        double[] perSecond = new double[scale.runs];
        for (long end = System.nanoTime() + scale.warmNanos; System.nanoTime() < end; ) {
            trainer.fit(xy[0], xy[1]);
        }
        long cpuNanos = 0; // summed over the timed rounds: the process CPU clock ticks in 10 ms steps
        for (int r = -scale.warmup; r < scale.runs; r++) {
            long t0 = System.nanoTime();
            long c0 = Cpu.processNanos();
            trainer.fit(xy[0], xy[1]);
            if (r >= 0) {
                perSecond[r] = scale.playgroundEpochs * 50 / ((System.nanoTime() - t0) / 1e9);
                cpuNanos += Cpu.processNanos() - c0;
            }
        }
        double perCpu = perCpuSecond((double) scale.playgroundEpochs * 50 * scale.runs, cpuNanos / 1e9);
        return new double[] {Stats.median(perSecond), perCpu};
    }

    /**
     * Work per CPU-second, or NaN (printed "-", saved as null) when the process CPU clock, which ticks in 10 ms
     * steps, did not advance: a run that short (the tests' tiny scale) cannot be measured this way.
     */
    static double perCpuSecond(double work, double cpuSeconds) {
        return cpuSeconds > 0 ? work / cpuSeconds : Double.NaN;
    }

    /** The autograd loop the playground's engine runs (graph per step). */
    private double playgroundAutogradSteps() {
        Sequential model = playgroundNet(new Random(seed));
        SGD opt = new SGD(model.parameters(), 0.03);
        Loss loss = new MSELoss();
        Tensor[] xy = playgroundData();
        DataLoader loader = new DataLoader(xy[0], xy[1], 10).shuffle(new Random(seed));
        double[] perSecond = new double[scale.runs];
        long warmEnd = System.nanoTime() + scale.warmNanos;
        for (int r = -scale.warmup; r < scale.runs; r++) {
            if (r == -1 && System.nanoTime() < warmEnd) {
                r--; // keep warming up until the time is reached
            }
            long t0 = System.nanoTime();
            for (int e = 0; e < scale.playgroundEpochs; e++) {
                for (DataLoader.Batch b : loader) {
                    opt.zeroGrad();
                    Tensor l = loss.apply(model.forward(b.x()), b.y());
                    sink += l.item();
                    l.backward();
                    opt.step();
                }
            }
            if (r >= 0) {
                perSecond[r] = scale.playgroundEpochs * 50 / ((System.nanoTime() - t0) / 1e9);
            }
        }
        return Stats.median(perSecond);
    }

    // ---- the notes' classic loop ----------------------------------------------------------------------------

    /**
     * Sigmoid 784-256-128-10 (no biases, as in the notes), MSE against one-hot labels, plain gradient descent on
     * the full batch: one Trainer epoch is one iteration. Seconds per iteration, median.
     */
    private double classicSecondsPerIteration() {
        int n = scale.classicSamples;
        BenchData d = data.n() >= n ? data : BenchData.load(null, n, seed);
        Random rng = new Random(seed);
        Sequential model = new Sequential(
                new Linear(784, 256, false, Initializers.glorotUniform(), rng), new Sigmoid(),
                new Linear(256, 128, false, Initializers.glorotUniform(), rng), new Sigmoid(),
                new Linear(128, 10, false, Initializers.glorotUniform(), rng), new Sigmoid());
        SGD opt = new SGD(model.parameters(), 0.5);
        EpochTimer timer = new EpochTimer();
        Trainer.builder(model, new MSELoss(), opt).epochs(scale.classicWarmup + scale.classicRuns).batchSize(n)
                .callbacks(timer).build()
                .fit(Tensor.of(d.features(n), n, 784), Tensor.of(d.oneHot(n), n, 10));
        return timer.medianEpochSeconds(scale.classicWarmup);
    }

    // ---- allocation -----------------------------------------------------------------------------------------

    /**
     * Bytes per steady-state step at batch 128: the fused step (FusedMlp.trainStep + Adam), a whole Trainer.fit
     * amortized per step (difference of two fits, so one-off copies cancel), and the autograd loop; plus what
     * the GEMM pool threads allocate per fused step.
     */
    private void allocation(Map<String, Object> metrics, List<String> notes) {
        if (!Allocation.supported()) {
            notes.add("thread allocation counting is not supported by this JVM");
            return;
        }
        int batch = 128;
        int n = scale.trainSamples;
        Tensor tx = Tensor.of(data.features(n), n, 784);
        Tensor ty = Tensor.of(data.labelsAsFloats(n), n);
        Sequential m2 = fashionMlp(new Random(seed));
        Adam o2 = new Adam(m2.parameters(), 1e-3);
        Trainer shortFit = Trainer.builder(m2, new CrossEntropyLoss(), o2).epochs(1).batchSize(batch).shuffle(seed).build();
        Trainer longFit = Trainer.builder(m2, new CrossEntropyLoss(), o2).epochs(3).batchSize(batch).shuffle(seed).build();
        shortFit.fit(tx, ty);
        longFit.fit(tx, ty);
        int stepsPerEpoch = (n + batch - 1) / batch;
        // Median of three pairs: a one-off allocation in either fit (a thread's packing buffer growing the first
        // time it computes a band of a new size, which the pool's dynamic hand-out can make late) skews one pair.
        double[] perStep = new double[3];
        for (int r = 0; r < perStep.length; r++) {
            long b0 = Allocation.thisThread();
            shortFit.fit(tx, ty);
            long b1 = Allocation.thisThread();
            longFit.fit(tx, ty);
            long b2 = Allocation.thisThread();
            perStep[r] = (double) ((b2 - b1) - (b1 - b0)) / (2 * stepsPerEpoch);
        }
        metrics.put("alloc_trainer_step", Stats.median(perStep));

        Runnable autogradStep = readmeLoopStep(batch);
        int few = scale == Scale.TINY ? 10 : 100;
        for (int i = 0; i < few; i++) {
            autogradStep.run();
        }
        long pool0 = Allocation.gemmPool();
        long c0 = Allocation.thisThread();
        for (int i = 0; i < few; i++) {
            autogradStep.run();
        }
        metrics.put("alloc_autograd_step", (double) (Allocation.thisThread() - c0) / few);
        metrics.put("alloc_gemm_pool_step", (double) (Allocation.gemmPool() - pool0) / few);
        notes.add("allocation at batch 128 on the training thread; GEMM pool threads counted separately"
                + " (alloc_gemm_pool_step)");
    }
}
