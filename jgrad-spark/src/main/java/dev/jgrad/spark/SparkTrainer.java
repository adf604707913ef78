package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.Callback;
import dev.jgrad.train.EpochRecord;
import dev.jgrad.train.History;
import dev.jgrad.train.Metrics;
import dev.jgrad.train.Progress;
import dev.jgrad.train.Shards;
import dev.jgrad.train.Trainer;
import dev.jgrad.train.TrainingContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Exact synchronous data-parallel training on Spark, configured like the {@link Trainer}:
 * <pre>
 *   SparkTrainer.Result r = SparkTrainer.builder(() -> mlp(seed), CrossEntropyLoss::new, p -> new Adam(p, 1e-3))
 *           .data(RowSource.idx(images, labels, 10), TargetKind.CLASS_INDEX)
 *           .epochs(10).batchSize(128).shuffle(42).partitions(2)
 *           .build().fit(sparkContext);
 * </pre>
 * With {@code S} partitions the result is bit for bit the {@code Trainer}'s with {@code shards(S)} and the same
 * model, loss, optimizer, batch size and seed, whose batches are those of ordinary training: every step worker
 * {@code k} computes the gradient of shard {@code k} of the global batch ({@link Shards}) with the engine's
 * training step on rows it reads itself, the workers add the weighted gradients in worker order over their own
 * sockets ({@link AllReduce}) and apply the same update. One barrier stage runs a chunk of
 * steps; the driver keeps the checkpoint each chunk returns (weights, optimizer state) and, when a chunk fails (a
 * lost executor), runs it again from that checkpoint: the data order is replayed from the seed, so the result is
 * the same.
 */
public final class SparkTrainer {

    private static final Logger LOG = Logger.getLogger(SparkTrainer.class.getName());

    private final Builder b;

    private SparkTrainer(Builder b) {
        this.b = b;
    }

    public static Builder builder(ModelFactory model, LossFactory loss, OptimizerFactory optimizer) {
        return new Builder(model, loss, optimizer);
    }

    /** The trained model (weights of the last checkpoint), its history, and where the time went. */
    public record Result(Module model, History history, Timing timing) {
    }

    /**
     * Time per step: {@code computeSeconds} the slowest worker's gradient computation, {@code reduceSeconds} its
     * all-reduce (including waiting for the others), {@code wallSeconds} the driver's wall clock over all chunks
     * (with Spark's job and task overhead), {@code chunks} the barrier stages run and {@code retries} resubmitted.
     */
    public record Timing(long steps, double computeSeconds, double reduceSeconds, double wallSeconds, int chunks,
                         int retries) {
    }

    /** Trains on {@code spark}; every worker reads its own rows of the data at the same path. */
    public Result fit(JavaSparkContext spark) {
        int rows;
        int classes;
        Map<String, String> hadoop = new LinkedHashMap<>();
        for (scala.Tuple2<String, String> kv : spark.getConf().getAllWithPrefix("spark.hadoop.")) {
            hadoop.put(kv._1(), kv._2());
        }
        int sourceRows;
        try {
            sourceRows = b.data.rows(hadoop);
            classes = b.data.classes(hadoop);
        } catch (NoSuchFileException e) {
            throw new SparkTrainingException("data: " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()), e);
        } catch (IOException | dev.jgrad.data.DataFormatException e) {
            throw new SparkTrainingException("data: " + e.getMessage(), e);
        }
        rows = b.fileRows != null ? b.fileRows.length : sourceRows;
        if (b.fileRows != null) {
            for (int r : b.fileRows) {
                if (r < 0 || r >= sourceRows) {
                    throw new SparkTrainingException("data: " + b.data.describe() + " has " + sourceRows
                            + " rows, but training row " + r + " was asked for");
                }
            }
        }
        int partitions = b.partitions > 0 ? b.partitions : spark.defaultParallelism();
        Shards shards;
        try {
            shards = new Shards(rows, b.batchSize, partitions);
        } catch (IllegalArgumentException e) {
            throw new SparkTrainingException(e.getMessage().replace("too many shards", "too many partitions"), e);
        }
        Settings settings = new Settings(b.model, b.loss, b.optimizer, b.data, b.targets, classes, rows, sourceRows,
                b.fileRows, b.scaler == null ? null : b.scaler.toJson(), b.batchSize,
                partitions, b.shuffleSeed, b.penaltyKind, b.penaltyRate, b.clipNorm, b.socketTimeoutMillis,
                b.killPartition, b.killMarker, hadoop);

        Module model = b.model.create();
        GradientOptimizer optimizer = b.optimizer.create(model.parameters());
        TrainingState state = TrainingState.of(0, model, optimizer);
        boolean regression = b.targets == TargetKind.VALUES;
        String metric = regression ? "r2" : "accuracy";
        Trainer evaluator = Trainer.builder(model, b.loss.create(), optimizer)
                .metrics(regression ? Metrics.r2() : Metrics.accuracy()).build();
        History history = new History();
        TrainingContext ctx = new TrainingContext(model, optimizer, history, b.epochs);
        int perEpoch = shards.stepsPerEpoch();
        JavaRDD<Integer> slots = spark.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions);
        LOG.info(() -> "spark: " + partitions + " workers, " + perEpoch + " steps per epoch, chunks of "
                + b.stepsPerChunk + " steps");
        for (Callback c : b.callbacks) {
            c.onTrainBegin(ctx);
        }
        long computeNanos = 0;
        long reduceNanos = 0;
        long wallNanos = 0;
        int chunks = 0;
        int retries = 0;
        boolean killed = false;
        training:
        for (int epoch = 1; epoch <= b.epochs; epoch++) {
            model.train();
            for (Callback c : b.callbacks) {
                c.onEpochBegin(ctx, epoch);
            }
            double lrThisEpoch = optimizer.lr();
            long epochStart = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            double sse = 0;
            double ySum = 0;
            double ySquares = 0;
            long rowsDone = 0;
            long epochEnd = (long) epoch * perEpoch;
            while (state.step() < epochEnd) {
                // The driver's model and optimizer hold the last checkpoint, and the learning rate callbacks set.
                state = TrainingState.of(state.step(), model, optimizer);
                long to = Math.min(epochEnd, state.step() + b.stepsPerChunk);
                long killAt = b.killAtStep >= state.step() && b.killAtStep < to && !killed ? b.killAtStep : -1;
                List<ChunkResult> results = null;
                for (int attempt = 1; results == null; attempt++) {
                    long c0 = System.nanoTime();
                    Broadcast<ChunkPlan> plan = spark.broadcast(new ChunkPlan(settings, state, to, killAt));
                    try {
                        results = runChunk(slots, plan);
                    } catch (Exception e) { // SparkException is checked in Java's eyes but thrown undeclared
                        if (attempt >= b.maxAttempts) {
                            throw new SparkTrainingException("training failed: steps " + (state.step() + 1) + ".." + to
                                    + " failed " + attempt + " times; last: " + rootMessage(e), e);
                        }
                        retries++;
                        long from = state.step();
                        int next = attempt + 1;
                        LOG.warning(() -> "spark: steps " + (from + 1) + ".." + to + " failed (" + rootMessage(e)
                                + "); resubmitting from the checkpoint at step " + from + " (attempt " + next + " of "
                                + b.maxAttempts + ")");
                    } finally {
                        plan.destroy();
                    }
                    wallNanos += System.nanoTime() - c0;
                }
                killed |= killAt >= 0;
                chunks++;
                results.sort((x, y) -> Integer.compare(x.worker(), y.worker()));
                long slowestCompute = 0;
                long slowestReduce = 0;
                for (ChunkResult r : results) {
                    slowestCompute = Math.max(slowestCompute, r.computeNanos());
                    slowestReduce = Math.max(slowestReduce, r.reduceNanos());
                }
                computeNanos += slowestCompute;
                reduceNanos += slowestReduce;
                ChunkResult first = results.get(0);
                int ran = first.divergedAt() >= 0 ? first.divergedAt() + 1 : (int) (to - state.step());
                for (int i = 0; i < ran; i++) {
                    long t = state.step() + i;
                    int s = (int) (t % perEpoch);
                    double lv = 0;
                    for (int k = 0; k < partitions; k++) {
                        if (shards.shardTo(k, s) > shards.shardFrom(k, s)) {
                            lv += shards.weight(k, s) * results.get(k).loss()[i];
                        }
                        correct += results.get(k).correct()[i];
                        sse += results.get(k).squaredError()[i];
                        ySum += results.get(k).targetSum()[i];
                        ySquares += results.get(k).targetSquares()[i];
                    }
                    if (first.divergedAt() == i) {
                        String message = "loss became " + (Double.isNaN(lv) ? "NaN" : "infinite (" + lv + ")") + " at epoch "
                                + epoch + ", step " + (s + 1) + ": the learning rate (" + optimizer.lr()
                                + ") may be too high, or the data contain NaN or infinite values";
                        history.stop(message, true);
                        break training;
                    }
                    rowsDone += shards.batchRows(s);
                    lossSum += lv * shards.batchRows(s);
                    double seconds = Math.max(1e-9, (System.nanoTime() - epochStart) / 1e9);
                    Progress p = new Progress(epoch, b.epochs, s + 1, perEpoch, t + 1, lv, rowsDone / seconds);
                    for (Callback c : b.callbacks) {
                        c.onStepEnd(ctx, p);
                    }
                }
                state = first.state();
                state.restore(model, optimizer);
                if (ctx.stopRequest() != null) {
                    history.stop(ctx.stopRequest(), false);
                    break training;
                }
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", lossSum / rows);
            values.put(metric, regression ? 1 - sse / (ySquares - ySum * ySum / rows) : (double) correct / rows);
            if (b.valX != null) {
                evaluator.evaluate(b.valX, b.valY).forEach((key, v) -> values.put("val_" + key, v));
            }
            EpochRecord record = new EpochRecord(epoch, lrThisEpoch, values);
            history.add(record);
            for (Callback c : b.callbacks) {
                c.onEpochEnd(ctx, record);
            }
            if (ctx.stopRequest() != null) {
                history.stop(ctx.stopRequest(), false);
                break;
            }
        }
        state.restore(model, optimizer);
        for (Callback c : b.callbacks) {
            c.onTrainEnd(ctx, history);
        }
        long steps = Math.max(1, state.step());
        return new Result(model, history, new Timing(state.step(), computeNanos / 1e9 / steps, reduceNanos / 1e9 / steps,
                wallNanos / 1e9 / steps, chunks, retries));
    }

    /**
     * Opens a context on {@code master}, trains, and stops it: the entry point for callers that do not use Spark's
     * types themselves (the jgrad command). {@code announce} receives one line naming the master, the workers and
     * the Spark UI address. Under spark-submit ({@code master} null) the master is spark-submit's.
     */
    public Result run(String master, List<String> jars, java.util.function.Consumer<String> announce) {
        String url = master != null ? master : System.getProperty("spark.master");
        if (url == null) {
            throw new SparkTrainingException("no Spark master: give one (local[2], spark://host:7077) or run under spark-submit");
        }
        int partitions = b.partitions > 0 ? b.partitions : defaultPartitions(url);
        b.partitions = partitions;
        JavaSparkContext spark = SparkMaster.open(url, "jgrad train", partitions, jars, null);
        try {
            String ui = spark.sc().uiWebUrl().isDefined() ? spark.sc().uiWebUrl().get() : "off";
            announce.accept("spark: " + url + ", " + partitions + " workers (Spark " + spark.version() + "), UI " + ui);
            return fit(spark);
        } finally {
            spark.stop();
        }
    }

    /** Workers for a master URL: N of local[N], N x cores of local-cluster[N,cores,MB], else 2. */
    static int defaultPartitions(String master) {
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local\\[(\\d+)(,\\d+)?]").matcher(master);
        if (local.matches()) {
            return Integer.parseInt(local.group(1));
        }
        java.util.regex.Matcher cluster = java.util.regex.Pattern.compile("local-cluster\\[(\\d+),(\\d+),\\d+]").matcher(master);
        if (cluster.matches()) {
            return Integer.parseInt(cluster.group(1)) * Integer.parseInt(cluster.group(2));
        }
        return master.equals("local") ? 1 : 2;
    }

    private static List<ChunkResult> runChunk(JavaRDD<Integer> slots, Broadcast<ChunkPlan> plan) {
        scala.reflect.ClassTag<ChunkResult> tag = scala.reflect.ClassTag$.MODULE$.apply(ChunkResult.class);
        RDD<ChunkResult> stage = slots.rdd().barrier().mapPartitions(new ChunkWorker(plan), false, tag);
        return new ArrayList<>(new JavaRDD<>(stage, tag).collect());
    }

    /** The most telling line of a failed job: a worker's own message if there is one, else Spark's first line. */
    static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            int at = m.indexOf("UncheckedIOException: worker ");
            if (at >= 0) {
                return firstLine(m.substring(at + "UncheckedIOException: ".length()));
            }
            if (t instanceof java.io.UncheckedIOException && m.startsWith("worker ")) {
                return firstLine(m);
            }
        }
        String m = String.valueOf(e.getMessage()).strip();
        int reason = m.indexOf("Most recent failure reason: ");
        return firstLine(reason >= 0 ? m.substring(reason + "Most recent failure reason: ".length()) : m);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Configures a {@link SparkTrainer}: the factories, the data and the partition count are required. */
    public static final class Builder {
        private final ModelFactory model;
        private final LossFactory loss;
        private final OptimizerFactory optimizer;
        private RowSource data;
        private int[] fileRows;
        private dev.jgrad.data.Scaler scaler;
        private TargetKind targets;
        private int epochs = 10;
        private int batchSize = 32;
        private Long shuffleSeed;
        private int partitions;
        private int stepsPerChunk = 100;
        private int maxAttempts = 3;
        private String penaltyKind = "none";
        private double penaltyRate;
        private double clipNorm;
        private Tensor valX;
        private Tensor valY;
        private final List<Callback> callbacks = new ArrayList<>();
        private int socketTimeoutMillis = 600_000;
        private long killAtStep = -1;
        private int killPartition = -1;
        private String killMarker;

        private Builder(ModelFactory model, LossFactory loss, OptimizerFactory optimizer) {
            if (model == null || loss == null || optimizer == null) {
                throw new IllegalArgumentException("SparkTrainer: model, loss and optimizer factories must not be null");
            }
            this.model = model;
            this.loss = loss;
            this.optimizer = optimizer;
        }

        /** The training rows (every worker reads its own range) and how labels become the loss's targets. */
        public Builder data(RowSource data, TargetKind targets) {
            if (data == null || targets == null) {
                throw new IllegalArgumentException("SparkTrainer: data and targets must not be null");
            }
            this.data = data;
            this.targets = targets;
            return this;
        }

        /**
         * Trains on these rows of the source, in this order (e.g. the training part of a seeded split, as
         * {@code Dataset.splitRows} gives it): training row {@code i} is source row {@code fileRows[i]}. Default: all
         * rows in the file's order.
         */
        public Builder rows(int[] fileRows) {
            if (fileRows == null || fileRows.length == 0) {
                throw new IllegalArgumentException("SparkTrainer: rows must name at least one row");
            }
            this.fileRows = fileRows.clone();
            return this;
        }

        /** Scales the features as {@code scaler} does when a worker reads them (a scaler fitted on the training part). */
        public Builder scaler(dev.jgrad.data.Scaler scaler) {
            this.scaler = scaler;
            return this;
        }

        public Builder epochs(int epochs) {
            if (epochs <= 0) {
                throw new IllegalArgumentException("SparkTrainer: epochs must be > 0, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Rows per optimizer step over all workers (the global batch). */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("SparkTrainer: batchSize must be > 0, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Shuffles the rows every epoch and seeds the dropout streams, as {@code Trainer.shuffle(seed)} does: the same
         * global batches as ordinary training with that seed (default: the file's order, and dropout not reproducible).
         */
        public Builder shuffle(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /** The number of workers (task slots, one row range and one shard of each batch each); default: Spark's parallelism. */
        public Builder partitions(int partitions) {
            if (partitions <= 0) {
                throw new IllegalArgumentException("SparkTrainer: partitions must be > 0, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** Steps per barrier stage, i.e. between checkpoints (default 100; chunks also end with each epoch). */
        public Builder stepsPerChunk(int steps) {
            if (steps <= 0) {
                throw new IllegalArgumentException("SparkTrainer: stepsPerChunk must be > 0, got " + steps);
            }
            this.stepsPerChunk = steps;
            return this;
        }

        /** How often a chunk is tried before training fails (default 3). */
        public Builder maxAttempts(int attempts) {
            if (attempts <= 0) {
                throw new IllegalArgumentException("SparkTrainer: maxAttempts must be > 0, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder penalty(String kind, double rate) {
            this.penaltyKind = kind;
            this.penaltyRate = rate;
            return this;
        }

        public Builder clipGradNorm(double maxNorm) {
            this.clipNorm = maxNorm;
            return this;
        }

        /** A held-out set evaluated on the driver after every epoch ({@code val_loss}, {@code val_<metric>}). */
        public Builder validation(Tensor x, Tensor y) {
            this.valX = x;
            this.valY = y;
            return this;
        }

        /** The {@link Trainer}'s callbacks (progress, tables, stopping) see the same events, a chunk at a time. */
        public Builder callbacks(Callback... callbacks) {
            this.callbacks.addAll(Arrays.asList(callbacks));
            return this;
        }

        /** How long a worker waits for a peer before the chunk fails (default 10 minutes). */
        public Builder socketTimeoutMillis(int millis) {
            this.socketTimeoutMillis = millis;
            return this;
        }

        /** Test hook: the executor running {@code partition} halts before global step {@code step}, once (per marker file). */
        Builder killExecutorOnce(int partition, long step, java.nio.file.Path marker) {
            this.killPartition = partition;
            this.killAtStep = step;
            this.killMarker = marker.toString();
            return this;
        }

        public SparkTrainer build() {
            if (data == null) {
                throw new IllegalArgumentException("SparkTrainer: data(...) is required");
            }
            return new SparkTrainer(this);
        }
    }
}
