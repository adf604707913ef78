package dev.jgrad.train;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.optim.LrSchedule;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.RowSource;
import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The training loop, configured with a builder:
 * <pre>
 *   History h = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-3))
 *           .epochs(20).batchSize(64).shuffle(42)
 *           .validation(xVal, yVal)
 *           .metrics(Metrics.accuracy())
 *           .callbacks(EarlyStopping.onValLoss(3))
 *           .build()
 *           .fit(xTrain, yTrain);
 * </pre>
 * Each epoch: the mini-batches of a {@link DataLoader} in (seeded) shuffled order, each
 * {@code zeroGrad; forward; loss; backward; step} by the one {@link TrainingStep};
 * then the mean training loss and the metrics over the epoch's predictions, the validation loss and metrics in
 * evaluation mode without gradients, and the callbacks. Data are tensors whose first axis is the sample axis:
 * features {@code [n, d...]}, targets {@code [n]} (class indices) or {@code [n, k]} (values, one-hot).
 *
 * <p>Randomness is reproducible and resumable: with a seed ({@link Builder#shuffle(long)} or {@link Builder#seed}),
 * epoch {@code e}'s sample order and every stochastic layer's stream ({@link Module#reseed}, e.g. dropout masks)
 * are derived from the seed and {@code e} alone, not from the epochs before. So a run of 4 epochs and a run of 2
 * epochs, saved (weights and {@link dev.jgrad.optim.OptimizerState}) and continued with
 * {@link Builder#startEpoch startEpoch(2)} to 4, end with bit-identical weights.
 *
 * <p>A NaN or infinite training loss stops training with a message naming the epoch, the step and a likely
 * cause, in {@link History#stopReason()} (or as a {@link TrainingDivergedException} with
 * {@link Builder#failOnDivergence()}).
 */
public final class Trainer {

    private final Module model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final Random shuffleRng;
    private final boolean shuffle;
    private final Long seed;
    private final int startEpoch;
    private final Tensor valX;
    private final Tensor valY;
    private final List<Metric> metrics;
    private final List<Callback> callbacks;
    private final boolean failOnDivergence;
    private final String penaltyKind;
    private final double penaltyRate;
    private final double clipNorm;
    private final int shards;
    private boolean described;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Trainer.class.getName());

    private Trainer(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffleRng = b.shuffleRng;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.startEpoch = b.startEpoch;
        this.valX = b.valX;
        this.valY = b.valY;
        this.metrics = List.copyOf(b.metrics);
        this.callbacks = List.copyOf(b.callbacks);
        this.failOnDivergence = b.failOnDivergence;
        this.penaltyKind = b.penaltyKind;
        this.penaltyRate = b.penaltyRate;
        this.clipNorm = b.clipNorm;
        this.shards = b.shards;
    }

    public static Builder builder(Module model, Loss loss, Optimizer optimizer) {
        return new Builder(model, loss, optimizer);
    }

    /** Trains on {@code x} (features, {@code [n, ...]}) and {@code y} (targets, {@code [n, ...]}). */
    public History fit(Tensor x, Tensor y) {
        return fit(loader(() -> new DataLoader(x, y, batchSize, shards)), y);
    }

    /**
     * Trains on features read row by row from {@code x} (e.g. image pixels kept as bytes, turned into floats one
     * batch at a time) and targets {@code y}; the same training, batch for batch, as {@link #fit(Tensor, Tensor)} on
     * a tensor holding the same values.
     */
    public History fit(RowSource x, Tensor y) {
        return fit(loader(() -> new DataLoader(x, y, batchSize, shards)), y);
    }

    /** The loader for one fit; its argument errors are reported as the Trainer's. */
    private static DataLoader loader(Supplier<DataLoader> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^DataLoader:", "Trainer.fit:"), e);
        }
    }

    private History fit(DataLoader loader, Tensor y) {
        if (shuffleRng != null) {
            loader.shuffle(shuffleRng);
        } else if (shuffle) {
            loader.shuffle(seed);
        }
        int n = loader.size();
        Shards layout = loader.layout();
        int steps = loader.numBatches();
        float[] gradientSum = layout != null ? new float[Shards.size(model.parameters())] : null;
        History history = new History();
        // A run shuffled by the caller's Random cannot be resumed exactly: its context has no seed to resume from.
        TrainingContext ctx = new TrainingContext(model, optimizer, history, epochs, shuffleRng == null ? seed : null);
        long globalStep = 0;
        TrainingStep stepper = new TrainingStep(model, loss, optimizer).penalty(penaltyKind, penaltyRate)
                .clipGradNorm(clipNorm);
        if (!described) {
            described = true;
            LOG.info(stepper::describe);
        }
        for (Callback c : callbacks) {
            c.onTrainBegin(ctx);
        }
        StochasticLayers stochastic = new StochasticLayers(model);
        training:
        for (int epoch = startEpoch + 1; epoch <= epochs; epoch++) {
            model.train();
            if (seed != null) {
                stochastic.reseed(seed, epoch);
            }
            for (Callback c : callbacks) {
                c.onEpochBegin(ctx, epoch);
            }
            double lrThisEpoch = optimizer.lr();
            loader.startEpoch(epoch);
            double lossSum = 0;
            float[] predictions = null;
            int predWidth = 0;
            int[] predShape = null;
            long start = System.nanoTime();
            long rowsDone = 0;
            for (int s = 0; s < steps; s++) {
                // One slice of the order per shard: the whole batch, or shard k of it.
                int slices = layout == null ? 1 : layout.count();
                double lv = 0;
                if (layout != null) {
                    Arrays.fill(gradientSum, 0f);
                }
                for (int k = 0; k < slices; k++) {
                    int from = layout == null ? s * batchSize : layout.shardFrom(k, s);
                    int to = layout == null ? Math.min(n, from + batchSize) : layout.shardTo(k, s);
                    if (from == to) {
                        continue; // an empty shard of a last batch shorter than the shards adds nothing
                    }
                    optimizer.zeroGrad();
                    stochastic.atRows(s, from - s * batchSize);
                    DataLoader.Batch batch = loader.slice(from, to);
                    double lk = stepper.gradients(batch.x(), batch.y());
                    Tensor out = stepper.lastOutput();
                    if (predShape == null) {
                        predShape = out.shape();
                        predShape[0] = n;
                    }
                    if (!Double.isFinite(lk)) {
                        String message = divergenceMessage(lk, epoch, s + 1, batch.x(), batch.y());
                        history.stop(message, true);
                        if (failOnDivergence) {
                            endTraining(ctx, history);
                            throw new TrainingDivergedException(message);
                        }
                        break training;
                    }
                    if (layout == null) {
                        lv = lk;
                    } else {
                        float w = layout.weight(k, s);
                        Shards.addScaledGradients(model.parameters(), w, gradientSum);
                        lv += w * lk;
                    }
                    rowsDone += to - from;
                    if (!metrics.isEmpty()) {
                        float[] o = out.values();
                        if (predictions == null) {
                            predWidth = out.numel() / (to - from);
                            predictions = new float[n * predWidth];
                        }
                        for (int i = 0; i < to - from; i++) {
                            System.arraycopy(o, i * predWidth, predictions, batch.row(i) * predWidth, predWidth);
                        }
                    }
                }
                if (layout != null) {
                    Shards.setGradients(model.parameters(), gradientSum);
                }
                stepper.update();
                globalStep++;
                lossSum += lv * (layout == null ? Math.min(n, (s + 1) * batchSize) - s * batchSize : layout.batchRows(s));
                double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                Progress progress = new Progress(epoch, epochs, s + 1, steps, globalStep, lv, rowsDone / seconds);
                for (Callback c : callbacks) {
                    c.onStepEnd(ctx, progress);
                }
                if (ctx.stopRequest() != null) {
                    history.stop(ctx.stopRequest(), false);
                    break training;
                }
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", lossSum / n);
            if (predictions != null) {
                Tensor all = Tensor.of(predictions, predShape);
                for (Metric m : metrics) {
                    values.put(m.name(), m.compute(all, y));
                }
            }
            if (valX != null) {
                Map<String, Double> val = evaluate(valX, valY);
                val.forEach((k, v) -> values.put("val_" + k, v));
            }
            EpochRecord record = new EpochRecord(epoch, lrThisEpoch, values);
            history.add(record);
            for (Callback c : callbacks) {
                c.onEpochEnd(ctx, record);
            }
            if (ctx.stopRequest() != null) {
                history.stop(ctx.stopRequest(), false);
                break;
            }
        }
        endTraining(ctx, history);
        return history;
    }

    private void endTraining(TrainingContext ctx, History history) {
        for (Callback c : callbacks) {
            c.onTrainEnd(ctx, history);
        }
    }

    /**
     * The loss (as {@code "loss"}) and each metric on {@code x, y}, in evaluation mode without gradients. The model
     * is left in evaluation mode.
     */
    @SuppressWarnings("try") // the scope only switches gradient recording off
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        Tensor out = predict(x);
        Map<String, Double> values = new LinkedHashMap<>();
        try (var scope = Tensor.noGrad()) {
            values.put("loss", (double) loss.apply(out, y).item());
        }
        for (Metric m : metrics) {
            values.put(m.name(), m.compute(out, y));
        }
        return values;
    }

    /** The model's outputs for {@code x} in evaluation mode without gradients (the model is left in eval mode). */
    @SuppressWarnings("try") // the scope only switches gradient recording off
    public Tensor predict(Tensor x) {
        model.eval();
        try (var scope = Tensor.noGrad()) {
            return model.forward(x);
        }
    }

    private String divergenceMessage(double lossValue, int epoch, int step, Tensor xb, Tensor yb) {
        String what = Double.isNaN(lossValue) ? "NaN" : "infinite (" + lossValue + ")";
        String where = "loss became " + what + " at epoch " + epoch + ", step " + step + ": ";
        if (!allFinite(xb.toArray())) {
            return where + "the input batch contains NaN or infinite values; check the data and its normalization";
        }
        if (!allFinite(yb.toArray())) {
            return where + "the target batch contains NaN or infinite values; check the labels";
        }
        float largest = 0;
        for (Parameter p : model.parameters()) {
            for (float w : p.data()) {
                largest = Float.isFinite(w) ? Math.max(largest, Math.abs(w)) : Float.POSITIVE_INFINITY;
            }
        }
        if (largest > 1e4f) {
            return where + "the learning rate (" + optimizer.lr() + ") is probably too high (the weights grew to "
                    + (Float.isInfinite(largest) ? "infinity or NaN" : "|w| = " + largest) + ")";
        }
        return where + "the learning rate (" + optimizer.lr() + ") may be too high, or the loss is numerically unstable"
                + " (prefer BCEWithLogitsLoss / CrossEntropyLoss on logits to a log of probabilities)";
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Configures a {@link Trainer}; only the model, loss and optimizer are required. */
    public static final class Builder {
        private final Module model;
        private final Loss loss;
        private final Optimizer optimizer;
        private int epochs = 10;
        private int batchSize = 32;
        private Random shuffleRng;
        private boolean shuffle;
        private Long seed;
        private int startEpoch;
        private Tensor valX;
        private Tensor valY;
        private final List<Metric> metrics = new ArrayList<>();
        private final List<Callback> callbacks = new ArrayList<>();
        private boolean failOnDivergence;
        private String penaltyKind = "none";
        private double penaltyRate;
        private double clipNorm;
        private int shards;

        private Builder(Module model, Loss loss, Optimizer optimizer) {
            if (model == null || loss == null || optimizer == null) {
                throw new IllegalArgumentException("Trainer: model, loss and optimizer must not be null");
            }
            this.model = model;
            this.loss = loss;
            this.optimizer = optimizer;
        }

        /** The number of passes over the data (default 10). */
        public Builder epochs(int epochs) {
            if (epochs <= 0) {
                throw new IllegalArgumentException("Trainer: epochs must be > 0, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Samples per optimizer step (default 32); the last batch of an epoch may be smaller. */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("Trainer: batchSize must be > 0, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Shuffles the samples every epoch, epoch {@code e} in an order derived from {@code seed} and {@code e}
         * (default: no shuffling); also sets the {@link #seed}.
         */
        public Builder shuffle(long seed) {
            this.shuffle = true;
            this.shuffleRng = null;
            return seed(seed);
        }

        /**
         * Reshuffles the samples every epoch with draws from {@code rng}, which carries over from epoch to epoch:
         * such a run cannot be resumed exactly (prefer {@link #shuffle(long)}).
         */
        public Builder shuffle(Random rng) {
            if (rng == null) {
                throw new IllegalArgumentException("Trainer: shuffle rng must not be null");
            }
            this.shuffleRng = rng;
            this.shuffle = false;
            return this;
        }

        /**
         * The training seed: at the start of epoch {@code e} every module is {@link Module#reseed reseeded} from
         * it, {@code e} and the module's place in the model (dropout masks), and, with {@link #shuffle(long)}, the
         * sample order is drawn from it too. Without a seed, stochastic layers keep the Random they were built with.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Continues a run that completed {@code epochs} epochs (default 0): {@link Trainer#fit} runs epochs
         * {@code completed + 1} to {@link #epochs}, with the same sample orders and streams those epochs had in an
         * uninterrupted run. Restore the model's weights and the optimizer's state
         * ({@link dev.jgrad.optim.GradientOptimizer#loadState}) first.
         */
        public Builder startEpoch(int completed) {
            if (completed < 0) {
                throw new IllegalArgumentException("Trainer: startEpoch must be >= 0, got " + completed);
            }
            this.startEpoch = completed;
            return this;
        }

        /** A held-out set evaluated after every epoch, reported as {@code val_loss} and {@code val_<metric>}. */
        public Builder validation(Tensor x, Tensor y) {
            if (x == null || y == null || x.dim() == 0 || y.dim() == 0 || x.size(0) != y.size(0)) {
                throw new IllegalArgumentException("Trainer: validation features and targets need the same number of rows, got "
                        + (x == null ? "null" : Arrays.toString(x.shape())) + " and " + (y == null ? "null" : Arrays.toString(y.shape())));
            }
            this.valX = x;
            this.valY = y;
            return this;
        }

        public Builder metrics(Metric... metrics) {
            this.metrics.addAll(Arrays.asList(metrics));
            return this;
        }

        public Builder callbacks(Callback... callbacks) {
            this.callbacks.addAll(Arrays.asList(callbacks));
            return this;
        }

        /** Reports progress to {@code listener} every {@code everySteps} steps and at the end of each epoch. */
        public Builder progress(ProgressListener listener, int everySteps) {
            return callbacks(new ProgressReporter(listener, everySteps));
        }

        /** Sets the learning rate from {@code schedule} before each epoch. */
        public Builder lrSchedule(LrSchedule schedule) {
            return callbacks(LrScheduler.perEpoch(schedule));
        }

        /** Adds an {@code "l1"} or {@code "l2"} penalty on the weights (not the biases) to the loss, at {@code rate}. */
        public Builder penalty(String kind, double rate) {
            new TrainingStep(model, loss, optimizer).penalty(kind, rate); // validates
            this.penaltyKind = kind;
            this.penaltyRate = rate;
            return this;
        }

        /** Clips the gradients' global L2 norm to {@code maxNorm} before every update (0: off). */
        public Builder clipGradNorm(double maxNorm) {
            new TrainingStep(model, loss, optimizer).clipGradNorm(maxNorm); // validates
            this.clipNorm = maxNorm;
            return this;
        }

        /**
         * Data-parallel reference: each batch (the same rows as without shards) is cut into {@code count} shards
         * whose gradients are summed in shard order before one update, as {@link Shards} says. A distributed run
         * with {@code count} workers gives the same weights bit for bit; {@code shards(1)} is ordinary training, and
         * any {@code count} differs from it only by float32 rounding of the gradient sum.
         */
        public Builder shards(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("Trainer: shards must be > 0, got " + count);
            }
            this.shards = count;
            return this;
        }

        /** Throw {@link TrainingDivergedException} on a NaN/infinite loss instead of stopping quietly. */
        public Builder failOnDivergence() {
            this.failOnDivergence = true;
            return this;
        }

        public Trainer build() {
            if (startEpoch >= epochs) {
                throw new IllegalArgumentException("Trainer: startEpoch " + startEpoch + " leaves no epoch to run of "
                        + epochs + " in total");
            }
            if (startEpoch > 0 && shuffleRng != null) {
                throw new IllegalArgumentException("Trainer: a run shuffled by a Random cannot resume at epoch "
                        + (startEpoch + 1) + " with the same orders; shuffle with a seed (shuffle(long))");
            }
            return new Trainer(this);
        }
    }
}
