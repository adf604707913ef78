package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.DataLoader;
import dev.jgrad.train.Shards;
import dev.jgrad.train.StochasticLayers;
import dev.jgrad.train.TrainingStep;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The work of one partition of a barrier stage: worker {@code k} rebuilds the model and optimizer from the
 * checkpoint, reads the rows its shards of the chunk need (those it has not read yet), and for each step of the
 * chunk computes the gradient of shard {@code k} of the global batch with the engine's
 * {@link TrainingStep}, weights it, all-reduces it with the other workers and applies the same update.
 */
final class ChunkWorker implements scala.Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<ChunkResult>>,
        java.io.Serializable {

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
        // A chunk lies within one epoch. Its order and the dropout streams are functions of the seed, the epoch and
        // the step alone (DataLoader.epochOrder, StochasticLayers), as on one machine.
        int epoch = (int) (from / perEpoch) + 1;
        int[] order = new int[shards.rows()];
        Arrays.setAll(order, i -> i);
        StochasticLayers stochastic = new StochasticLayers(model);
        Long seed = settings.shuffleSeed();
        if (seed != null) {
            DataLoader.epochOrder(order, seed, epoch);
            stochastic.reseed(seed, epoch);
        }
        if (settings.fileRows() != null) { // training row i is source row fileRows[i]
            for (int i = 0; i < order.length; i++) {
                order[i] = settings.fileRows()[order[i]];
            }
        }
        RowCache rows = RowCache.of(settings.data(), settings.sourceRows(), settings.scaler());
        rows.ensure(rowsNeeded(shards, order, k, from, steps), settings.hadoop());

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
                int s = (int) (t % perEpoch);
                int a = shards.shardFrom(k, s);
                int b = shards.shardTo(k, s);
                long c0 = System.nanoTime();
                Arrays.fill(mine, 0f);
                if (a < b) {
                    optimizer.zeroGrad();
                    stochastic.atRows(s, shards.offsetInBatch(k, s));
                    Tensor y = settings.targets().targets(rows, order, a, b, settings.classes());
                    double lk = step.gradients(rows.features(order, a, b), y);
                    loss[i] = lk;
                    if (Double.isFinite(lk)) {
                        Shards.addScaledGradients(params, shards.weight(k, s), mine);
                        count(step.lastOutput(), rows, order, a, b, settings, i, correct, sse, ySum, ySquares);
                    } else {
                        mine[length] = 1f;
                    }
                } else {
                    // An empty shard (a last batch with fewer rows than workers) adds nothing, but the update needs
                    // gradient buffers to receive the sum.
                    params.forEach(Parameter::gradData);
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

    /** The global rows of worker {@code k}'s shards in steps {@code [from, from + steps)} of the epoch's {@code order}. */
    private static int[] rowsNeeded(Shards shards, int[] order, int k, long from, int steps) {
        int perEpoch = shards.stepsPerEpoch();
        int n = 0;
        for (int i = 0; i < steps; i++) {
            int s = (int) ((from + i) % perEpoch);
            n += shards.shardTo(k, s) - shards.shardFrom(k, s);
        }
        int[] rows = new int[n];
        int at = 0;
        for (int i = 0; i < steps; i++) {
            int s = (int) ((from + i) % perEpoch);
            for (int p = shards.shardFrom(k, s); p < shards.shardTo(k, s); p++) {
                rows[at++] = order[p];
            }
        }
        return rows;
    }

    /** Counts for the metrics: correct predictions (classes), or squared error and target sums (values). */
    private static void count(Tensor out, RowCache rows, int[] order, int a, int b, Settings settings, int i,
                              long[] correct, double[] sse, double[] ySum, double[] ySquares) {
        float[] o = out.values();
        int width = o.length / (b - a);
        if (settings.targets() == TargetKind.VALUES) {
            int w = rows.targetWidth();
            for (int r = a; r < b; r++) {
                for (int c = 0; c < w; c++) {
                    double y = rows.targets(order[r])[c];
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
            if (best == rows.label(order[r])) {
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
