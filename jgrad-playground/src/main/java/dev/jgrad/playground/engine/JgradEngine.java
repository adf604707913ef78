package dev.jgrad.playground.engine;

import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.TrainingState;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.optim.OptimizerState;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.nn.loss.Losses;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.Optimizers;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.Features;
import dev.jgrad.playground.data.Grid;
import dev.jgrad.playground.data.PointSet;
import dev.jgrad.playground.data.SeedRandom;
import dev.jgrad.playground.data.TfData;
import dev.jgrad.playground.state.LinkCodec;
import dev.jgrad.playground.state.Catalogs.Output;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.random.Shuffle;
import dev.jgrad.train.TrainingStep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The playground's engine on jgrad-nn: the {@link Sequential} a state describes ({@link NetworkSpec}, built from the
 * library's catalogs), trained by the library's one {@link TrainingStep} on minibatches. What is left here is the
 * playground's own part: the epoch's batch order, the targets each output kind wants, and the pictures (one
 * {@link Sequential#forwardTrace} over the whole heatmap grid).
 */
public final class JgradEngine implements Engine {
    private final NetworkSpec spec;
    private final Sequential net;
    private final Loss loss;
    private final int numClasses;
    private PlaygroundState state;
    private Optimizer optimizer;
    private Tensor xTrain, yTrain, xTest, yTest;
    private PointSet train, test;
    private int epoch;
    /** TF Playground's carried batches and frozen links (used in the TF-compatible mode). */
    private final TfTraining tf;
    /** The scores of the current weights and data; null once either changed. */
    private Snapshot.Scores scores;
    /** Grid inputs by grid (identity: the session keeps its grids); the features are fixed for an engine. */
    private final Map<Grid, Tensor> gridInputs = new java.util.IdentityHashMap<>();

    public JgradEngine(PlaygroundState state, DataSplit data) {
        this.state = state;
        this.spec = NetworkSpec.build(state, new Random(state.initSeed()), new Random(state.initSeed() + 1));
        this.net = spec.net();
        this.loss = Losses.parse(state.loss());
        this.numClasses = state.numClasses();
        this.optimizer = optimizer(state, net.parameters());
        this.tf = new TfTraining(spec.linears());
        if (TfData.covers(state) && state.initializer().equals(LinkCodec.tfDefaults().initializer())) drawTfWeights();
        setData(data);
    }

    /** TF Playground's initial weights: its stream, past the data's draws, in its order (biases are not drawn). */
    private void drawTfWeights() {
        SeedRandom r = TfData.weightStream(state);
        for (Linear l : spec.linears()) {
            float[] w = l.weight().data();
            for (int k = 0; k < w.length; k++) w[k] = TfData.weight(r); // [out][in] row-major: TF's order
        }
    }

    /** The factory the server uses. */
    public static EngineFactory factory() {
        return JgradEngine::new;
    }

    Sequential network() {
        return net;
    }

    List<Linear> linears() {
        return spec.linears();
    }

    /** TF-compatible mode: the points carried into the next epoch's first batch. */
    int tfCarried() {
        return tf.carried();
    }

    /** TF-compatible mode: whether L1 froze this weight ({@code index} into the layer's [out, in] weights). */
    boolean tfDead(int layer, int index) {
        return tf.dead(layer, index);
    }

    @Override
    public void setData(DataSplit data) {
        train = data.train();
        test = data.test();
        xTrain = inputs(train);
        yTrain = targets(train);
        xTest = inputs(test);
        yTest = targets(test);
        scores = null;
        if (tf != null) tf.forgetCarried();
    }

    @Override
    public void trainEpoch() {
        int n = train.size(), f = state.features().size(), b = state.batchSize();
        float[] x = xTrain.data(), y = yTrain.data();
        int yWidth = yTrain.dim() == 1 ? 1 : yTrain.size(1);
        net.train();
        boolean tfL1 = state.tfCompat() && state.regularization().equals("l1");
        TrainingStep step = new TrainingStep(net, loss, optimizer).penalty(
                state.regRate() > 0 && !tfL1 ? state.regularization() : "none", penaltyRate(state));
        // TF Playground walks its (once shuffled) training set in the same order every epoch, its batches running
        // across epochs; jgrad reshuffles and ends each epoch with a smaller batch.
        List<int[]> batches = new ArrayList<>();
        if (state.tfCompat()) {
            batches = tf.batches(n, b);
        } else {
            int[] order = Shuffle.permutation(n, epochShuffle());
            for (int start = 0; start < n; start += b) batches.add(Arrays.copyOfRange(order, start, Math.min(n, start + b)));
        }
        double l1Step = tfL1 ? optimizer.lr() * state.regRate() : 0;
        for (int[] batch : batches) {
            int m = batch.length;
            float[] bx = new float[m * f], by = new float[m * yWidth];
            for (int r = 0; r < m; r++) {
                System.arraycopy(x, batch[r] * f, bx, r * f, f);
                System.arraycopy(y, batch[r] * yWidth, by, r * yWidth, yWidth);
            }
            Tensor target = yTrain.dim() == 1 ? Tensor.wrap(by, m) : Tensor.wrap(by, m, yWidth);
            float[][] before = state.tfCompat() ? tf.weights() : null;
            step.run(Tensor.wrap(bx, m, f), target);
            if (state.tfCompat()) tf.afterStep(before, l1Step);
        }
        epoch++;
        scores = null;
    }

    /**
     * The epoch's shuffle, from the weights' seed and the epoch alone (not a stream running since the start), so a
     * saved model resumes with the orders an uninterrupted run would have used.
     */
    private Random epochShuffle() {
        return new Random((state.initSeed() + 2) * 0x9E3779B97F4A7C15L + epoch);
    }

    /**
     * The rate handed to the penalty. TF Playground's L2 steps by {@code rate * w}, the gradient of
     * {@code rate/2 sum w^2}, while the library's L2 is {@code rate sum w^2}: in the TF-compatible mode the same
     * slider value must mean the same step.
     */
    static double penaltyRate(PlaygroundState s) {
        return s.tfCompat() && s.regularization().equals("l2") ? s.regRate() / 2 : s.regRate();
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public Snapshot.Scores scores() {
        if (scores == null) scores = computeScores();
        return scores;
    }

    @SuppressWarnings("try") // the no-grad scope is used for its side effect only
    private Snapshot.Scores computeScores() {
        net.eval();
        try (var ignored = Tensor.noGrad()) {
            Tensor pTrain = net.forward(xTrain), pTest = net.forward(xTest);
            double trainLoss = lossValue(pTrain, yTrain), testLoss = lossValue(pTest, yTest);
            if (state.problem().equals("regression")) {
                return new Snapshot.Scores(epoch, trainLoss, testLoss, Double.NaN, Double.NaN,
                        Metrics.r2(pTrain.toArray(), train.label()), Metrics.r2(pTest.toArray(), test.label()), null);
            }
            int[] cTrain = classes(pTrain), cTest = classes(pTest);
            PointSet confusionSet = test.size() > 0 ? test : train;
            int[] confusionPred = test.size() > 0 ? cTest : cTrain;
            return new Snapshot.Scores(epoch, trainLoss, testLoss,
                    Metrics.accuracy(cTrain, train.label()), Metrics.accuracy(cTest, test.label()),
                    Double.NaN, Double.NaN, Metrics.confusion(confusionPred, confusionSet.label(), Math.max(2, numClasses)));
        } finally {
            net.train();
        }
    }

    /**
     * The output over the fine grid in one fused forward pass, the hidden neurons' maps from a trace over the coarse
     * one: a 6x32 network's 192 thumbnails cost a pass over 400 cells instead of 10,000 (the output's pass is most
     * of a frame's work).
     */
    @Override
    @SuppressWarnings("try") // the no-grad scope is used for its side effect only
    public Snapshot snapshot(Grid grid, Grid hiddenGrid) {
        Snapshot.Scores sc = scores();
        net.eval();
        try (var ignored = Tensor.noGrad()) {
            float[][] output = display(net.forward(gridInputs(grid)));
            List<float[][]> hidden = new ArrayList<>();
            if (spec.hiddenTrace().length > 0) {
                List<Tensor> trace = net.forwardTrace(gridInputs(hiddenGrid));
                for (int idx : spec.hiddenTrace()) hidden.add(columns(trace.get(idx)));
            }
            return new Snapshot(sc, weights(), hidden, output);
        } finally {
            net.train();
        }
    }

    /** The features of a grid's cells, computed once per grid (a frame reads both grids). */
    private Tensor gridInputs(Grid grid) {
        return gridInputs.computeIfAbsent(grid, g -> Tensor.of(Features.matrix(state.features(), g.x1(), g.x2()),
                g.cells(), state.features().size()));
    }

    @Override
    public void setWeight(int layer, int to, int from, float value) {
        Linear l = spec.linears().get(layer);
        if (from < 0) l.bias().set(value, to); else l.weight().set(value, to, from);
        if (from >= 0) tf.revive(layer, to * l.inFeatures() + from);
        scores = null;
    }

    @Override
    public void retune(PlaygroundState next) {
        boolean newOptimizer = !next.optimizer().equals(state.optimizer());
        state = next;
        if (newOptimizer) optimizer = optimizer(next, net.parameters());
        else optimizer.setLr(next.learningRate());
    }

    @Override
    public int parameterCount() {
        return (int) net.parameterCount();
    }

    @Override
    public float[] parameters() {
        float[] out = new float[parameterCount()];
        int at = 0;
        for (Linear l : spec.linears()) {
            for (float v : l.weight().toArray()) out[at++] = v;
            for (float v : l.bias().toArray()) out[at++] = v;
        }
        return out;
    }

    @Override
    public void setParameters(float[] values) {
        if (values.length != parameterCount())
            throw new IllegalArgumentException("weights: the network has " + parameterCount() + " weights and biases, got "
                    + values.length);
        int at = 0;
        for (Linear l : spec.linears()) {
            float[] w = l.weight().data(), b = l.bias().data();
            System.arraycopy(values, at, w, 0, w.length);
            at += w.length;
            System.arraycopy(values, at, b, 0, b.length);
            at += b.length;
        }
        tf.reviveAll();
        scores = null;
    }

    @Override
    public void setEpoch(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch: must be >= 0, got " + epoch);
        this.epoch = epoch;
        scores = null;
    }

    @Override
    public void save(Path file, Map<String, Object> extras) throws IOException {
        ModelCard card = ModelFiles.card(state, spec, epoch, optimizer, scores());
        extras.forEach((k, v) -> card.put(ModelFiles.SECTION, k, v));
        // Where training stands, as `jgrad train` saves it: the epoch, the weights' seed and the optimizer's state,
        // so the playground (on load) and `jgrad train --resume` go on with the same optimizer.
        // Exact unless a stream the file does not hold drives the next epoch: dropout's, or TF's carried batch.
        boolean exact = state.dropout() == 0 && !(state.tfCompat() && tf.carried() > 0);
        TrainingState training = new TrainingState(epoch, state.initSeed(),
                optimizer instanceof GradientOptimizer g ? g.state() : null, exact);
        ModelFile.save(net, card, training, file);
    }

    /** Continues a saved optimizer (a loaded model's moments and step count). */
    void restoreOptimizer(OptimizerState saved) {
        if (optimizer instanceof GradientOptimizer g) g.loadState(saved);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Tensor inputs(PointSet p) {
        return Tensor.of(Features.matrix(state.features(), p.x1(), p.x2()), p.size(), state.features().size());
    }

    /** Targets in the form the loss wants: +-1, 0/1, the regression value, or class indices. */
    private Tensor targets(PointSet p) {
        int n = p.size();
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            float l = p.label()[i];
            t[i] = switch (spec.output()) {
                case TANH, SCORE -> p.regression() ? l : (l > 0.5f ? 1f : -1f);
                case LOGIT, LOGITS -> l;
            };
        }
        return spec.output() == Output.LOGITS ? Tensor.of(t, n) : Tensor.of(t, n, 1);
    }

    private double lossValue(Tensor prediction, Tensor target) {
        if (prediction.size(0) == 0) return Double.NaN;
        return loss.apply(prediction, target).item();
    }

    /** Predicted class per row. */
    private int[] classes(Tensor prediction) {
        if (spec.output() == Output.LOGITS) return prediction.argmax(1);
        float[] v = prediction.toArray();
        int[] c = new int[v.length];
        for (int i = 0; i < v.length; i++) c[i] = v[i] > 0 ? 1 : 0; // tanh, score and logit all split at 0
        return c;
    }

    /** Output maps: one signed map in [-1, 1], or per-class probabilities for k > 2. */
    private float[][] display(Tensor out) {
        switch (spec.output()) {
            case TANH, SCORE -> {
                return new float[][] {out.toArray()};
            }
            case LOGIT -> {
                float[] p = out.sigmoid().toArray();
                for (int i = 0; i < p.length; i++) p[i] = 2 * p[i] - 1;
                return new float[][] {p};
            }
            default -> {
                float[][] probs = columns(out.softmax(1));
                if (probs.length != 2) return probs;
                float[] p = probs[1];
                for (int i = 0; i < p.length; i++) p[i] = 2 * p[i] - 1;
                return new float[][] {p};
            }
        }
    }

    /** [n, k] row-major to k arrays of n. */
    private static float[][] columns(Tensor t) {
        float[] v = t.toArray();
        int n = t.size(0), k = t.size(1);
        float[][] out = new float[k][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) out[j][i] = v[i * k + j];
        return out;
    }

    private List<LayerWeights> weights() {
        List<LayerWeights> out = new ArrayList<>();
        for (Linear l : spec.linears()) {
            int o = l.outFeatures(), in = l.inFeatures();
            float[] w = l.weight().toArray();
            float[][] rows = new float[o][in];
            for (int r = 0; r < o; r++) System.arraycopy(w, r * in, rows[r], 0, in);
            out.add(new LayerWeights(rows, l.bias().toArray()));
        }
        return out;
    }

    private static Optimizer optimizer(PlaygroundState s, List<Parameter> params) {
        return Optimizers.parse(s.optimizer()).create(params, s.learningRate());
    }
}
