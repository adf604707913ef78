package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.DataLoader;
import dev.jgrad.train.Shards;
import dev.jgrad.train.TrainingStep;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work of one partition of a barrier stage: worker {@code k} rebuilds the model and optimizer from the
 * checkpoint, and for each step of the chunk computes the gradient of shard {@code k} with the engine's
 * {@link TrainingStep}, weights it, all-reduces it with the other workers and applies the same update.
 */
final class ChunkWorker implements scala.Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<ChunkResult>>,
        java.io.Serializable {

    /** Each executor keeps the rows it read across chunks (keyed by source, partition count and partition). */
    private static final Map<String, LocalRows> ROWS = new ConcurrentHashMap<>();

    private final Broadcast<ChunkPlan> plan;

    ChunkWorker(Broadcast<ChunkPlan> plan) {
        this.plan = plan;
    }

    @Override
    public scala.collection.Iterator<ChunkResult> apply(scala.collection.Iterator<Integer> ignored) {
        BarrierTaskContext context = BarrierTaskContext.get();
        int partition = context.partitionId();
        try {
            ChunkResult r = run(plan.value(), partition, context);
            return scala.jdk.javaapi.CollectionConverters.asScala(List.of(r).iterator());
        } catch (IOException e) {
            throw new UncheckedIOException("worker " + partition + ": " + e.getMessage(), e);
        }
    }

    static ChunkResult run(ChunkPlan plan, int k, BarrierTaskContext context) throws IOException {
        Settings settings = plan.settings();
        Shards shards = settings.shards();
        LocalRows rows = rowsOf(settings, shards, k);
        Module model = settings.model().create();
        List<Parameter> params = model.parameters();
        GradientOptimizer optimizer = settings.optimizer().create(params);
        plan.state().restore(model, optimizer);
        TrainingStep step = new TrainingStep(model, settings.loss().create(), optimizer)
                .penalty(settings.penaltyKind(), settings.penaltyRate()).clipGradNorm(settings.clipNorm());
        model.train();

        long from = plan.state().step();
        int steps = (int) (plan.to() - from);
        int perEpoch = shards.stepsPerEpoch();
        // The epoch's order is a function of the seed and the epoch alone (DataLoader.epochOrder), as on one machine.
        int[] order = shards.identityOrder();
        Long seed = settings.shuffleSeed();
        long epoch = from / perEpoch;
        if (seed != null) {
            DataLoader.epochOrder(order, seed, (int) epoch + 1, shards);
        }
        int base = shards.rangeStart(k);
        int[] local = new int[order.length];
        for (int i = shards.rangeStart(k); i < shards.rangeEnd(k); i++) {
            local[i] = order[i] - base;
        }

        int length = Shards.size(params);
        float[] mine = new float[length + 1]; // the gradient, then a divergence flag
        double[] loss = new double[steps];
        long[] correct = new long[steps];
        double[] sse = new double[steps];
        double[] ySum = new double[steps];
        double[] ySquares = new double[steps];
        int divergedAt = -1;
        long computeNanos = 0;
        long reduceNanos = 0;
        String address = context.getTaskInfos()[k].address(); // the executor's host:port
        String host = address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
        try (AllReduce reduce = AllReduce.connect(k, shards.count(), host, context::allGather, settings.socketTimeoutMillis())) {
            for (int i = 0; i < steps; i++) {
                long t = from + i;
                if (t == plan.killAt() && k == settings.killPartition()) {
                    killOnce(Path.of(settings.killMarker()));
                }
                if (t / perEpoch != epoch) {
                    epoch = t / perEpoch;
                    if (seed != null) {
                        DataLoader.epochOrder(order, seed, (int) epoch + 1, shards);
                        for (int r = shards.rangeStart(k); r < shards.rangeEnd(k); r++) {
                            local[r] = order[r] - base;
                        }
                    }
                }
                int s = (int) (t % perEpoch);
                int a = shards.sliceFrom(k, s);
                int b = shards.sliceTo(k, s);
                long c0 = System.nanoTime();
                Arrays.fill(mine, 0f);
                if (a < b) {
                    optimizer.zeroGrad();
                    Tensor y = settings.targets().targets(rows, local, a, b, settings.classes());
                    double lk = step.gradients(rows.features(local, a, b), y);
                    loss[i] = lk;
                    if (Double.isFinite(lk)) {
                        Shards.addScaledGradients(params, shards.weight(k, s), mine);
                        count(step.lastOutput(), rows, local, a, b, settings, i, correct, sse, ySum, ySquares);
                    } else {
                        mine[length] = 1f;
                    }
                } else if (params.stream().anyMatch(p -> p.grad() == null)) {
                    // An empty shard at the end of an epoch adds nothing, but the update needs gradient buffers.
                    step.gradients(rows.features(local, shards.rangeStart(k), shards.rangeStart(k) + 1),
                            settings.targets().targets(rows, local, shards.rangeStart(k), shards.rangeStart(k) + 1, settings.classes()));
                }
                long c1 = System.nanoTime();
                float[] sum = reduce.sum(mine);
                long c2 = System.nanoTime();
                computeNanos += c1 - c0;
                reduceNanos += c2 - c1;
                if (sum[length] != 0f) {
                    divergedAt = i;
                    break;
                }
                Shards.setGradients(params, sum);
                step.update();
            }
        }
        long done = divergedAt >= 0 ? from + divergedAt : plan.to();
        TrainingState state = k == 0 ? TrainingState.of(done, model, optimizer) : null;
        return new ChunkResult(k, host, loss, correct, sse, ySum, ySquares, divergedAt, computeNanos, reduceNanos, state);
    }

    private static LocalRows rowsOf(Settings settings, Shards shards, int k) throws IOException {
        String key = settings.data().describe() + "|" + settings.rows() + "|" + shards.count() + "|" + k;
        LocalRows cached = ROWS.get(key);
        if (cached == null) {
            cached = settings.data().read(shards.rangeStart(k), shards.rangeEnd(k));
            ROWS.put(key, cached);
        }
        return cached;
    }

    /** Counts for the metrics: correct predictions (classes), or squared error and target sums (values). */
    private static void count(Tensor out, LocalRows rows, int[] local, int a, int b, Settings settings, int i,
                              long[] correct, double[] sse, double[] ySum, double[] ySquares) {
        float[] o = out.values();
        int width = o.length / (b - a);
        if (settings.targets() == TargetKind.VALUES) {
            int w = rows.targetWidth();
            for (int r = a; r < b; r++) {
                for (int c = 0; c < w; c++) {
                    double y = rows.targets()[local[r] * w + c];
                    double d = o[(r - a) * width + c] - y;
                    sse[i] += d * d;
                    ySum[i] += y;
                    ySquares[i] += y * y;
                }
            }
            return;
        }
        for (int r = a; r < b; r++) {
            int best = 0;
            for (int c = 1; c < width; c++) {
                if (o[(r - a) * width + c] > o[(r - a) * width + best]) {
                    best = c;
                }
            }
            if (best == rows.labels()[local[r]]) {
                correct[i]++;
            }
        }
    }

    /** Test hook: halts this executor's JVM once (a lost executor), the marker file making the retry run through. */
    private static void killOnce(Path marker) {
        try {
            Files.createFile(marker);
        } catch (IOException alreadyKilled) {
            return;
        }
        Runtime.getRuntime().halt(137);
    }
}
