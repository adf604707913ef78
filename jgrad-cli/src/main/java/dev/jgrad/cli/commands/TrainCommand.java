package dev.jgrad.cli.commands;

import dev.jgrad.backend.Backend;
import dev.jgrad.cli.CommandFailedException;
import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.InputException;
import dev.jgrad.cli.Main;
import dev.jgrad.cli.Usage;
import dev.jgrad.cli.data.DataOptions;
import dev.jgrad.cli.data.DataSource;
import dev.jgrad.cli.data.LabelMatcher;
import dev.jgrad.cli.data.LoadedData;
import dev.jgrad.cli.data.TrainingData;
import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.cli.model.LoadedModel;
import dev.jgrad.cli.model.LossKind;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.cli.model.ModelInfo;
import dev.jgrad.cli.model.OptimizerKind;
import dev.jgrad.cli.model.Output;
import dev.jgrad.cli.report.CurvePlots;
import dev.jgrad.cli.report.EpochTable;
import dev.jgrad.cli.report.Evaluation;
import dev.jgrad.cli.report.Formats;
import dev.jgrad.cli.report.ProgressBar;
import dev.jgrad.cli.report.ProgressMode;
import dev.jgrad.cli.train.InterruptGuard;
import dev.jgrad.cli.train.Recipe;
import dev.jgrad.cli.train.SparkRun;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;
import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.TrainingState;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.init.Initializer;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.Callback;
import dev.jgrad.train.EarlyStopping;
import dev.jgrad.train.History;
import dev.jgrad.train.Metrics;
import dev.jgrad.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code jgrad train}: trains an MLP on a dataset, prints a table of epoch metrics and the test results, and saves
 * the model with everything eval/predict need, its history as CSV and its curves as PNG and SVG. Nothing is
 * written unless training finished or was interrupted with Ctrl-C, so a failed run leaves existing files alone.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a multi-layer perceptron and save it.",
                "Without --data it trains on the built-in 2D 'circle' set in a few seconds."},
        footer = {"", "Examples:",
                "  jgrad train",
                "  jgrad train --data spiral --layers 2,32,32,2 --epochs 200",
                "  jgrad train --data fashion-mnist --layers 784,256,128,10 --activation relu",
                "      --optimizer adam --lr 1e-3 --epochs 10 --batch-size 128 --out fm.jgrad",
                "  jgrad train --data fashion-mnist --activation sigmoid --loss mse",
                "      --optimizer sgd --lr 3.0",
                "  jgrad train --data iris.csv --label species --out iris.jgrad",
                "  jgrad train --resume iris.jgrad --epochs 100",
                "",
                "'auto' defaults depend on the data:",
                "  images   784,256,128,10  batch 128  10 epochs   adam lr 1e-3",
                "  2D sets  2,16,16,k       batch 32   100 epochs  adam lr 1e-2",
                "  CSV      d,32,k          batch 32   50 epochs   adam lr 1e-2"})
public final class TrainCommand implements Callable<Integer> {

    static final String DEFAULT_DATA = "circle";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--data", paramLabel = "DATA", description = "fashion-mnist, mnist, a directory of IDX files, a CSV "
            + "file, or a 2D set: circle, xor, gauss, spiral, moons, checkerboard, spirals, blobs, plane, multi-gauss "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_DATA)
    String data;

    @Option(names = "--layers", paramLabel = "W,W,...", description = "Layer widths from input to output, e.g. "
            + "784,256,128,10 (default: auto).")
    String layers;

    @Option(names = "--model", paramLabel = "FILE", description = "Continue training this model file (its layers, "
            + "loss, activation and normalization are kept).")
    Path model;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue the run that saved FILE to --epochs in "
            + "total, with its recipe (data, split, seed, loss, optimizer), optimizer state and random streams: the "
            + "weights come out bit-identical to an uninterrupted run. Writes FILE again unless --out is given.")
    Path resume;

    @Option(names = "--activation", paramLabel = "NAME[:PARAMS]", description = "Hidden activation from the catalog, with its "
            + "parameters after a colon: relu, tanh, sigmoid, leaky-relu:0.1, gelu, silu, elu:1, mish, softplus, hardtanh:-1,1, "
            + "identity (default: ${DEFAULT-VALUE}).", defaultValue = "relu")
    String activation;

    @Option(names = "--loss", paramLabel = "NAME", description = "cross-entropy (classification, on logits), mse (the notes' 1/2 squared "
            + "error; sigmoid outputs and one-hot targets for classification), bce, l1, huber "
            + "(default: cross-entropy, mse for regression).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, adam, adamw, rmsprop, adagrad (default: ${DEFAULT-VALUE}).",
            defaultValue = "adam")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: auto, 1e-3 for Adam on images).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "W", description = "L2 weight decay for sgd, decoupled for adamw "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "0")
    double weightDecay;

    @Option(names = "--init", paramLabel = "NAME[:PARAMS]", description = "Weight init from the catalog: torch (PyTorch's "
            + "nn.Linear default), he, he-normal, glorot, glorot-normal, uniform:-0.5,0.5, normal:0,0.1 (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "torch")
    String init;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (default: auto).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per step (default: auto).")
    Integer batchSize;

    @Option(names = "--val-split", paramLabel = "FRACTION", description = "Fraction of the training data held out for validation (default: "
            + "0.1; 0 for data with its own test set, like Fashion-MNIST, whose test set is then shown each epoch).")
    Double valSplit;

    @Option(names = "--test-split", paramLabel = "FRACTION", description = "Fraction held out for the final test when the data has no test "
            + "set of its own (CSV, 2D sets) (default: ${DEFAULT-VALUE}).", defaultValue = "0.2")
    double testSplit;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for initialization, splits, shuffling and 2D sets "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file to write; the history and curves go "
            + "next to it (default: ${DEFAULT-VALUE}).", defaultValue = "model.jgrad")
    Path out;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE", description = "Stop when the validation loss has "
            + "not improved for this many epochs and keep the best weights.")
    Integer patience;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for matrix products (default: cores, at most 2).")
    Integer threads;

    @Option(names = "--limit", paramLabel = "N", description = "Use at most N rows of the training data, picked at "
            + "random (for quick trials).")
    int limit;

    @Option(names = "--samples", paramLabel = "N", description = "Points to generate for a 2D set (default: ${DEFAULT-VALUE}).",
            defaultValue = "600")
    int samples;

    @Option(names = "--noise", paramLabel = "X", description = "Noise of a 2D set, 0..0.5 (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.1")
    double noise;

    @Option(names = "--classes", paramLabel = "K", description = "Classes for the k-class 2D sets spirals and blobs "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "3")
    int classes;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV label column, by header name or 0-based "
            + "index (default: the last column).")
    String label;

    @Option(names = "--scale", paramLabel = "KIND", description = "CSV feature scaling fitted on the training split: standardize, "
            + "min-max, none (default: ${DEFAULT-VALUE}).", defaultValue = "standardize")
    String scale;

    @Option(names = "--progress", paramLabel = "MODE", description = "auto (a bar on a terminal, lines otherwise), bar, lines, none "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "auto")
    String progress;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Train on Apache Spark: local[2], "
            + "local-cluster[2,1,1024] or spark://host:7077; every worker reads its own rows of the IDX training files "
            + "and the weights are those of one machine summing the same shards (docs/spark.md).")
    String sparkMaster;

    @Option(names = "--shards", paramLabel = "S", description = "Train on this machine with every batch cut into S "
            + "shards whose gradients are added in order: the exact counterpart of --spark-master with S workers (the "
            + "same weights, bit for bit); the same batches as without it, only the float rounding of the gradient sum "
            + "differs.")
    Integer shards;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark workers, one shard of every batch each "
            + "(default: N of local[N], else 2).")
    Integer partitions;

    /** The choices named on the command line, parsed from their catalogs. */
    private record Choices(ActivationFunction activation, OptimizerKind optimizer, Initializer init, Scaler.Kind scaling,
                           ProgressMode progress) {
    }

    /** The network to train: a new one, or the one of --model/--resume. */
    private record Network(int[] widths, Output output, String activation, Module net) {
    }

    /** How long and how it is trained. */
    private record Schedule(int epochs, int batch, double lr, Optimizer optimizer) {
    }

    @Override
    public Integer call() throws IOException {
        checkOptions();
        TrainingState resumed = resume == null ? null : applyResume();
        checkOutputsWritable();
        CurvePlots.warmUpInBackground();
        if (threads != null) {
            // Fixed for the JVM before any tensor work (the GEMM pool starts with its first large product).
            dev.jgrad.backend.GemmThreads.configure(threads);
        }
        Choices choices = parseChoices();
        String spark = sparkMaster();

        LoadedData source = DataSource.load(data, new DataOptions(samples, noise, classes, seed, label));
        LoadedModel base = model == null ? null : LoadedModel.load(model);
        LossKind lossKind = chooseLoss(source, base);
        TrainingData parts = split(source, base, choices.scaling());
        List<String> classNames = classNames(source, base);
        source = withoutRows(source);

        Network network = buildModel(choices, source, base, lossKind, classNames);
        Schedule schedule = configure(choices, source, network, resumed);
        ModelInfo info = new ModelInfo(source.name(), source.kind(), source.train().isRegression(), classNames,
                source.inputShape(), source.train().featureNames(), "csv".equals(source.kind())
                ? (parts.scaler() == null ? "none" : "scaler") : source.normalization(), parts.scaler(), lossKind,
                network.activation(), network.output(), source.labelColumn());
        train(choices, spark, source, parts, lossKind, network, schedule, info, resumed);
        return ExitCodes.OK;
    }

    /** --activation, --optimizer (with the options only some optimizers take), --init, --scale and --progress. */
    private Choices parseChoices() {
        ActivationFunction act = parse("--activation", () -> Activations.parse(activation));
        OptimizerKind opt = parse("--optimizer", () -> OptimizerKind.parse(optimizer));
        if (momentum != 0 && opt != OptimizerKind.SGD) {
            throw usage("--momentum is for --optimizer sgd; " + opt.id() + " keeps its own running averages");
        }
        if (weightDecay != 0 && opt != OptimizerKind.SGD && opt != OptimizerKind.ADAMW) {
            throw usage("--weight-decay works with --optimizer sgd or adamw, not " + opt.id());
        }
        Initializer initializer = parse("--init", () -> Initializers.parse(init));
        Scaler.Kind scaling = parse("--scale", () -> Scaler.Kind.parse(scale));
        ProgressMode progressMode = parse("--progress", () -> progress.equals("auto") ? ProgressMode.auto()
                : ProgressMode.valueOf(progress.toUpperCase(Locale.ROOT)));
        return new Choices(act, opt, initializer, scaling, progressMode);
    }

    /** The Spark master to train on, checked, or null to train in this JVM. */
    private String sparkMaster() {
        // Under spark-submit, its master (a system property it sets) is the one to train on.
        String spark = sparkMaster != null ? sparkMaster : System.getProperty("spark.master");
        if (spark != null) {
            SparkRun.check(data, model != null, patience, shards);
        }
        return spark;
    }

    /** --loss, or the continued model's, or the data's usual one; checked against the data and the model. */
    private LossKind chooseLoss(LoadedData source, LoadedModel base) {
        boolean regression = source.train().isRegression();
        LossKind lossKind = loss != null ? parse("--loss", () -> LossKind.parse(loss))
                : base != null ? base.info().loss() : regression ? LossKind.MSE : LossKind.CROSS_ENTROPY;
        checkLoss(lossKind, regression);
        if (base != null && base.info().regression() != regression) {
            throw new InputException("--model " + model + " is a " + (base.info().regression() ? "regression" : "classification")
                    + " model but --data " + data + " is a " + (regression ? "regression" : "classification") + " set");
        }
        return lossKind;
    }

    /**
     * The training, validation and test parts (CSV features scaled, with the continued model's scaler if any), labels
     * numbered as the continued model numbers its classes.
     */
    private TrainingData split(LoadedData source, LoadedModel base, Scaler.Kind scaling) throws IOException {
        double val = valFraction(source);
        if (patience != null && val == 0) {
            throw usage("--early-stopping watches the validation loss; give --val-split (e.g. 0.1)");
        }
        TrainingData parts = TrainingData.prepare(source, limit, val, testSplit,
                "csv".equals(source.kind()) ? scaling : null, base == null ? null : base.info().scaler(), seed);
        if (base == null || source.train().isRegression()) {
            return parts;
        }
        List<String> names = base.info().classNames();
        return new TrainingData(LabelMatcher.toModelClasses(parts.train(), names, source),
                parts.validation() == null ? null : LabelMatcher.toModelClasses(parts.validation(), names, source),
                parts.test() == null ? null : LabelMatcher.toModelClasses(parts.test(), names, source),
                parts.scaler(), parts.trainRows());
    }

    /** --val-split, or its default: none for data with a test set of its own, else 10 %. */
    private double valFraction(LoadedData source) {
        return valSplit != null ? valSplit : source.hasTestSet() ? 0 : 0.1;
    }

    /**
     * The loaded source without its rows, once split: the parts are copies (or the training part is the source's own
     * rows, reordered in place), and keeping the source's rows beside copies held the data twice (Fashion-MNIST's 188 MB of training images); names, kinds and shapes stay.
     */
    private static LoadedData withoutRows(LoadedData source) {
        return new LoadedData(source.name(), source.kind(), source.train().subset(new int[0]),
                source.test() == null ? null : source.test().subset(new int[0]), source.inputShape(),
                source.normalization(), source.labelColumn());
    }

    private static List<String> classNames(LoadedData source, LoadedModel base) {
        if (source.train().isRegression()) {
            return List.of();
        }
        return base != null ? base.info().classNames() : source.train().classNames();
    }

    /** The network: --model's, or a new MLP of --layers (or the data's recipe), checked against the data. */
    private Network buildModel(Choices choices, LoadedData source, LoadedModel base, LossKind lossKind,
                               List<String> classNames) {
        boolean regression = source.train().isRegression();
        int inputs = source.train().numFeatures();
        int outputs = regression ? 1 : classNames.size();
        int[] widths = base != null ? base.widths()
                : layers != null ? parse("--layers", () -> Mlp.parseLayers(layers))
                : Recipe.forKind(source.kind()).layers(inputs, outputs);
        checkWidths(widths, inputs, outputs, classNames, source);
        if (base != null && layers != null && !Arrays.equals(widths, parse("--layers", () -> Mlp.parseLayers(layers)))) {
            throw new InputException("--layers " + layers + " does not match --model " + model + ", whose layers are "
                    + Mlp.describe(widths) + " (leave --layers out to continue training it)");
        }
        Output output = regression ? Output.VALUE : lossKind.classifierOutput();
        String savedAct = base != null ? base.info().activation() : choices.activation().spec();
        Module net = base != null ? base.model()
                : Mlp.build(widths, choices.activation(), output, choices.init(), new Random(seed));
        if (base != null && base.info().output() != output) {
            throw new InputException("--loss " + lossKind.id() + " needs " + output.id() + " outputs but --model " + model
                    + " has " + base.info().output().id() + " outputs (it was trained with --loss " + base.info().loss().id() + ")");
        }
        return new Network(widths, output, savedAct, net);
    }

    /** Epochs, batch size, learning rate and the optimizer (with the resumed run's state). */
    private Schedule configure(Choices choices, LoadedData source, Network network, TrainingState resumed) {
        Recipe recipe = Recipe.forKind(source.kind());
        OptimizerKind opt = choices.optimizer();
        int epochCount = epochs != null ? epochs : recipe.epochs();
        int batch = batchSize != null ? batchSize : recipe.batchSize();
        double rate = lr != null ? lr : recipe.lr(opt);
        Optimizer optim = parse("--optimizer", () -> opt.create(network.net().parameters(), rate, momentum, weightDecay));
        if (resumed != null) {
            if (!(optim instanceof GradientOptimizer g) || resumed.optimizer() == null) {
                throw new InputException("--resume " + resume + ": the file holds no optimizer state for " + opt.id());
            }
            try {
                g.loadState(resumed.optimizer());
            } catch (IllegalArgumentException e) {
                throw new InputException("--resume " + resume + ": " + e.getMessage());
            }
        }
        return new Schedule(epochCount, batch, rate, optim);
    }

    /** Trains with a progress bar and an epoch table, then reports, tests and saves (also after Ctrl-C). */
    private void train(Choices choices, String spark, LoadedData source, TrainingData parts, LossKind lossKind,
                       Network network, Schedule schedule, ModelInfo info, TrainingState resumed) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean regression = info.regression();
        Dataset train = parts.train();
        printHeader(err, out, source, parts, network.widths(), network.activation(), lossKind, choices.optimizer(),
                schedule.lr(), schedule.epochs(), schedule.batch());
        if (resumed != null) {
            out.println("resuming after epoch " + resumed.epoch() + " of " + schedule.epochs());
        }

        // Without a validation split, a separate test set is shown each epoch, as PyTorch tutorials do; it is only
        // watched, never used to choose anything (early stopping needs a validation split).
        Dataset monitor = parts.validation() != null ? parts.validation() : parts.test();
        String monitorName = parts.validation() != null ? "val" : "test";
        if (parts.validation() == null && monitor != null) {
            out.println("no validation split: the test set's loss and accuracy are shown after each epoch");
        }
        EpochTable table = new EpochTable(out, regression ? "r2" : "accuracy", monitorName, train.size(), schedule.epochs());
        ProgressBar bar = new ProgressBar(err, choices.progress(), train.size());
        EarlyStopping early = patience == null ? null : EarlyStopping.onValLoss(patience);
        long start = System.nanoTime();
        try (InterruptGuard guard = InterruptGuard.install()) {
            History history;
            if (spark != null) {
                history = fitOnSpark(spark, choices, lossKind, network, schedule, info, parts, monitor, out, bar, table,
                        guard);
            } else {
                Trainer.Builder builder = Trainer.builder(network.net(), lossKind.create(), schedule.optimizer())
                        .epochs(schedule.epochs()).startEpoch(resumed == null ? 0 : resumed.epoch())
                        .batchSize(schedule.batch()).shuffle(seed)
                        .metrics(regression ? Metrics.r2() : Metrics.accuracy());
                if (shards != null) {
                    builder.shards(shards);
                }
                if (monitor != null) {
                    builder.validation(monitor.featuresView(), targets(monitor, regression, lossKind));
                }
                builder.callbacks(bar, table, guard);
                if (early != null) {
                    builder.callbacks(early);
                }
                history = builder.build().fit(train.featureRows(), targets(train, regression, lossKind));
            }
            bar.clear();
            report(out, history, train.size(), (System.nanoTime() - start) / 1e9);
            Evaluation test = null;
            if (!guard.interrupted() && parts.test() != null) {
                out.println();
                test = Evaluation.of(network.net(), info, parts.test());
                test.print(out, "test");
            }
            int completed = history.size() == 0 ? (resumed == null ? 0 : resumed.epoch()) : history.last().epoch();
            // The weights are those at the end of epoch `completed` unless Ctrl-C stopped within the next epoch or
            // early stopping put back an earlier epoch's.
            boolean exact = !guard.interrupted() && (early == null || early.bestEpoch() <= 0 || early.bestEpoch() == completed)
                    && (resumed == null || resumed.exact());
            Optimizer optim = schedule.optimizer();
            TrainingState state = new TrainingState(completed, seed,
                    optim instanceof GradientOptimizer g ? g.state() : null, exact);
            save(out, network.net(), info, history, test, network.widths(), choices.optimizer(), optim, schedule.batch(),
                    state, guard.interrupted(), monitorName);
            if (guard.interrupted()) {
                err.println("interrupted: checkpoint saved to " + this.out);
                err.flush();
            }
        }
    }

    /** --spark-master: the same network, loss, optimizer, batches and seed, trained by Spark workers. */
    private History fitOnSpark(String spark, Choices choices, LossKind lossKind, Network network, Schedule schedule,
                               ModelInfo info, TrainingData parts, Dataset monitor, PrintWriter out,
                               Callback... callbacks) throws IOException {
        // The workers read the training part of the same seeded split from the file and scale it the same way.
        SparkRun.Rows rows = new SparkRun.Rows(parts.trainRows(), parts.scaler(), label, info.regression());
        SparkRun.Plan plan = new SparkRun.Plan(network.widths(), choices.activation(), network.output(), init,
                seed, lossKind, choices.optimizer(), schedule.lr(), momentum, weightDecay, schedule.epochs(),
                schedule.batch());
        return SparkRun.train(spark, partitions, data, rows, plan, info.classNames().size(), network.net(),
                monitor == null ? null : monitor.featuresView(),
                monitor == null ? null : targets(monitor, info.regression(), lossKind), out, callbacks);
    }

    /** Fails for a diverged run (nothing saved); otherwise says why it stopped early, and how long it took. */
    private static void report(PrintWriter out, History history, int samples, double seconds) {
        if (history.diverged()) {
            throw new CommandFailedException("training failed: " + history.stopReason().orElse("diverged")
                    + "; nothing was saved");
        }
        history.stopReason().ifPresent(r -> out.println("stopped: " + r));
        out.println(String.format(Locale.ROOT, "trained %d epochs in %s (%s samples/s)", history.size(),
                Formats.duration(seconds), Formats.rate(history.size() * (double) samples / seconds)));
    }

    private void printHeader(PrintWriter err, PrintWriter out, LoadedData source, TrainingData parts, int[] widths,
                             String act, LossKind lossKind, OptimizerKind opt, double rate, int epochCount, int batch) {
        Backend.Choice kernels = Backend.choice();
        if (!Main.isVerbose(spec)) { // with --verbose the engine's own log line says it
            err.println("jgrad kernels: " + kernels.kernels().describe() + " (" + kernels.reason() + ")");
            err.flush();
        }
        Dataset train = parts.train();
        String what = train.isRegression() ? "regression" : train.numClasses() + " classes";
        out.println(String.format(Locale.ROOT, "data: %s (%s, %d features, %s): train %d, validation %d, test %d%s",
                source.name(), source.kind(), train.numFeatures(), what, train.size(),
                parts.validation() == null ? 0 : parts.validation().size(), parts.test() == null ? 0 : parts.test().size(),
                parts.scaler() == null ? "" : ", features scaled (" + parts.scaler().kind().id() + ")"));
        out.println(String.format(Locale.ROOT, "model: %s %s%s, loss %s, %s lr %s, %d epochs, batch %d, seed %d",
                model != null ? "continuing " + model + ":" : "MLP", Mlp.describe(widths), " " + act, lossKind.id(),
                opt.id(), rate, epochCount, batch, seed));
        out.flush();
    }

    private void save(PrintWriter out, Module net, ModelInfo info, History history, Evaluation test, int[] widths,
                      OptimizerKind opt, Optimizer optim, int batch, TrainingState state, boolean interrupted,
                      String monitorName) throws IOException {
        ModelCard card = info.toCard(new ModelCard());
        List<Integer> layerList = new ArrayList<>();
        Arrays.stream(widths).forEach(layerList::add);
        // The recipe: everything --resume needs to rebuild the same data, split and training.
        card.training("layers", layerList).training("optimizer", optimizerRecipe(opt, optim))
                .training("batch_size", batch).training("epochs", state.epoch()).training("seed", seed)
                .training("init", init).training("data", data).training("label", label).training("limit", limit)
                .training("val_split", valSplit).training("test_split", testSplit).training("scale", scale)
                .training("samples", samples).training("noise", noise).training("classes", classes)
                .training("early_stopping", patience).training("shards", shards);
        if (interrupted) {
            card.training("interrupted", true);
        }
        if (history.size() > 0) {
            history.last().values().forEach(card::metric);
        }
        if (test != null) {
            test.metrics().forEach((k, v) -> card.metric("test_" + k, v));
        }
        card.provenance("jgrad train", seed, data);
        card.put(ModelCard.PROVENANCE, "data_kind", info.dataKind());
        ModelFile.save(net, card, state, this.out);
        String base = baseName(this.out);
        Path csv = Path.of(base + ".history.csv");
        String table = history.toCsv();
        if (!monitorName.equals("val")) {
            String header = table.substring(0, table.indexOf('\n')).replace(",val_", "," + monitorName + "_");
            table = header + table.substring(table.indexOf('\n'));
        }
        if (resume != null) {
            table = withEarlierEpochs(table, Path.of(baseName(resume) + ".history.csv"), state.epoch() - history.size());
        }
        dev.jgrad.io.AtomicFiles.writeString(csv, table);
        List<Path> written = new ArrayList<>(List.of(this.out, csv));
        // Not while the JVM shuts down after Ctrl-C: drawing starts AWT, which registers shutdown hooks and fails.
        if (history.size() > 0 && !interrupted) {
            written.addAll(CurvePlots.write(history, base, info.regression() ? "r2" : "accuracy", info.dataset(),
                    monitorName.equals("val") ? "validation" : monitorName));
        }
        out.println();
        out.println("saved: " + String.join(", ", written.stream().map(Path::toString).toList()));
        out.flush();
    }

    /**
     * A resumed run's history table with the saved run's rows of epochs 1..{@code before} in front, when the saved
     * run's history file is there with the same columns; otherwise the resumed epochs alone.
     */
    private static String withEarlierEpochs(String table, Path earlier, int before) throws IOException {
        if (!java.nio.file.Files.isRegularFile(earlier)) {
            return table;
        }
        List<String> old = java.nio.file.Files.readAllLines(earlier);
        String header = table.substring(0, table.indexOf('\n'));
        if (old.isEmpty() || !old.get(0).equals(header)) {
            return table;
        }
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (String row : old.subList(1, old.size())) {
            String epoch = row.substring(0, Math.max(0, row.indexOf(',')));
            if (epoch.matches("\\d+") && Integer.parseInt(epoch) <= before) {
                sb.append(row).append('\n');
            }
        }
        return sb.append(table.substring(table.indexOf('\n') + 1)).toString();
    }

    /** {@code {"name": "adam", "lr": ..., "beta1": ...}}: the command line's name and the optimizer's hyperparameters. */
    private static Map<String, Object> optimizerRecipe(OptimizerKind opt, Optimizer optim) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", opt.id());
        if (optim instanceof GradientOptimizer g) {
            o.putAll(g.hyperparameters());
        } else {
            o.put("lr", optim.lr());
        }
        return o;
    }

    /**
     * {@code --resume FILE}: takes the recipe from the file's card into the options (only --epochs, --out,
     * --progress and --threads may be given besides), continues training the file's model, and returns where its
     * training stood.
     */
    private TrainingState applyResume() throws IOException {
        List<String> allowed = List.of("--resume", "--epochs", "--out", "--progress", "--threads", "--verbose");
        for (picocli.CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!allowed.contains(o.longestName())) {
                throw usage(o.longestName() + " cannot be changed when resuming: --resume continues the saved recipe"
                        + " (give only --epochs, --out, --progress, --threads); use --model FILE to train further with"
                        + " new settings");
            }
        }
        if (epochs == null) {
            throw usage("--resume needs --epochs N, the number of epochs in total");
        }
        LoadedModel saved = LoadedModel.load(resume);
        TrainingState state = saved.training();
        if (state == null) {
            throw new InputException("--resume " + resume + ": the file holds no training state (it was not saved by"
                    + " jgrad train, or by an older jgrad); use --model " + resume + " to train it further with a fresh optimizer");
        }
        if (epochs <= state.epoch()) {
            throw usage("--epochs " + epochs + ": " + resume + " has already been trained for " + state.epoch()
                    + " epochs; give more to continue");
        }
        if (!state.exact()) {
            spec.commandLine().getErr().println("warning: " + resume + " was saved within epoch " + (state.epoch() + 1)
                    + " (Ctrl-C) or with early stopping's best weights; resuming repeats from the end of epoch "
                    + state.epoch() + ", so the result will differ from an uninterrupted run");
        }
        ModelCard card = saved.card();
        try {
            Map<String, Object> recipe = card.section(ModelCard.TRAINING);
            Map<String, Object> opt = card.object(ModelCard.TRAINING, "optimizer").orElse(Map.of());
            data = card.string(ModelCard.TRAINING, "data").orElseThrow(() -> missing("training.data"));
            String absolute = card.string(ModelCard.PROVENANCE, "data_absolute").orElse(null);
            if (absolute != null && !java.nio.file.Files.exists(Path.of(data))) {
                data = absolute; // a relative path saved in another directory
            }
            label = card.string(ModelCard.TRAINING, "label").orElse(null);
            limit = card.integer(ModelCard.TRAINING, "limit").orElse(0L).intValue();
            valSplit = card.number(ModelCard.TRAINING, "val_split").orElse(null);
            testSplit = card.number(ModelCard.TRAINING, "test_split").orElse(testSplit);
            scale = card.string(ModelCard.TRAINING, "scale").orElse(scale);
            samples = card.integer(ModelCard.TRAINING, "samples").orElse((long) samples).intValue();
            noise = card.number(ModelCard.TRAINING, "noise").orElse(noise);
            classes = card.integer(ModelCard.TRAINING, "classes").orElse((long) classes).intValue();
            seed = card.integer(ModelCard.TRAINING, "seed").orElseThrow(() -> missing("training.seed"));
            loss = card.string(ModelCard.TRAINING, "loss").orElse(null);
            batchSize = card.integer(ModelCard.TRAINING, "batch_size").orElseThrow(() -> missing("training.batch_size")).intValue();
            patience = recipe.get("early_stopping") instanceof Integer p ? p : null;
            shards = recipe.get("shards") instanceof Integer s ? s : null;
            if (!(opt.get("name") instanceof String name) || !(opt.get("lr") instanceof Number rate)) {
                throw missing("training.optimizer name and lr");
            }
            optimizer = name;
            lr = rate.doubleValue();
            momentum = opt.get("momentum") instanceof Number m ? m.doubleValue() : 0;
            weightDecay = opt.get("weight_decay") instanceof Number w ? w.doubleValue() : 0;
        } catch (IllegalArgumentException e) {
            throw new InputException("--resume " + resume + ": " + e.getMessage());
        }
        if (seed != state.seed()) {
            throw new InputException("--resume " + resume + ": the recipe's seed " + seed + " is not the training state's "
                    + state.seed());
        }
        model = resume;
        if (!spec.commandLine().getParseResult().hasMatchedOption("--out")) {
            out = resume;
        }
        return state;
    }

    private IllegalArgumentException missing(String what) {
        return new IllegalArgumentException("the model card has no " + what + " (not saved by jgrad train?)");
    }

    /** {@code dir/model.jgrad} becomes {@code dir/model}; other extensions are kept. */
    static String baseName(Path file) {
        String s = file.toString();
        return s.endsWith(".jgrad") ? s.substring(0, s.length() - ".jgrad".length()) : s;
    }

    static Tensor targets(Dataset d, boolean regression, LossKind loss) {
        if (regression) {
            return d.targetsTensor();
        }
        return loss.oneHotTargets() ? d.oneHotTensor() : d.labelsTensor();
    }

    private void checkOptions() {
        if (epochs != null && epochs <= 0) {
            throw usage("--epochs must be positive, got " + epochs);
        }
        if (batchSize != null && batchSize <= 0) {
            throw usage("--batch-size must be positive, got " + batchSize);
        }
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw usage("--lr must be a positive number, got " + lr);
        }
        double val = valSplit == null ? 0.1 : valSplit;
        if (!(val >= 0 && val < 1)) {
            throw usage("--val-split must be in [0, 1), got " + valSplit);
        }
        if (!(testSplit >= 0 && testSplit < 1) || val + testSplit >= 1) {
            throw usage("--test-split must be in [0, 1) and leave rows for training with --val-split, got " + testSplit);
        }
        if (shards != null && shards <= 0) {
            throw usage("--shards must be positive, got " + shards);
        }
        if (patience != null && patience <= 0) {
            throw usage("--early-stopping needs a positive patience, got " + patience);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads <= 0 || threads > cores)) {
            // More threads than cores only adds switching; 10000 would also try to start 10000 threads.
            throw usage("--threads must be in [1, " + cores + "] (the processors this machine has), got " + threads);
        }
        if (!(noise >= 0 && noise <= 0.5)) {
            throw usage("--noise must be in [0, 0.5], got " + noise);
        }
        if (classes < 2 || classes > samples) {
            throw usage("--classes must be in [2, --samples], got " + classes);
        }
        if (limit < 0) {
            throw usage("--limit must be positive, got " + limit);
        }
        if (samples <= 0) {
            throw usage("--samples must be positive, got " + samples);
        }
    }

    /** Pre-flight: an output that cannot be saved is found now, not after the whole training run. */
    private void checkOutputsWritable() throws IOException {
        String base = baseName(out);
        for (Path p : List.of(out, Path.of(base + ".history.csv"), Path.of(base + ".png"), Path.of(base + ".svg"))) {
            dev.jgrad.io.AtomicFiles.checkWritable(p);
        }
    }

    private void checkLoss(LossKind lossKind, boolean regression) {
        if (regression && !lossKind.forRegression()) {
            throw usage("--loss " + lossKind.id() + " is for classification but --data " + data
                    + " has real-valued targets; use mse, l1 or huber");
        }
        if (!regression && !lossKind.forClassification()) {
            throw usage("--loss " + lossKind.id() + " is for regression but --data " + data
                    + " has class labels; use cross-entropy, mse or bce");
        }
    }

    private void checkWidths(int[] widths, int inputs, int outputs, List<String> classNames, LoadedData source) {
        String what = model != null ? "--model " + model + " (layers " + Mlp.describe(widths) + ")"
                : "--layers " + Mlp.describe(widths).replace('-', ',');
        if (widths[0] != inputs) {
            throw new InputException(what + ": the input width " + widths[0] + " does not match the " + inputs
                    + " features of " + source.name() + (source.inputShape().length == 2
                    ? " (" + source.inputShape()[0] + "x" + source.inputShape()[1] + " images)" : "")
                    + "; the first width must be " + inputs);
        }
        int last = widths[widths.length - 1];
        if (last != outputs) {
            String targets = outputs == 1 && classNames.isEmpty() ? "1 regression target"
                    : outputs + " classes (" + String.join(", ", classNames) + ")";
            throw new InputException(what + ": the output width " + last + " does not match the " + targets + " of "
                    + source.name() + "; the last width must be " + outputs);
        }
    }

    private ParameterException usage(String message) {
        return Usage.error(spec, message);
    }

    private <T> T parse(String option, java.util.function.Supplier<T> parser) {
        return Usage.parse(spec, option, parser);
    }
}
