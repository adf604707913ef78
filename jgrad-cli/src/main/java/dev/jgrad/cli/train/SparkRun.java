package dev.jgrad.cli.train;

import dev.jgrad.cli.InputException;
import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.cli.model.LossKind;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.cli.model.OptimizerKind;
import dev.jgrad.cli.model.Output;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.data.idx.IdxFiles;
import dev.jgrad.data.idx.IdxSplit;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.spark.ModelFactory;
import dev.jgrad.spark.RowSource;
import dev.jgrad.spark.SparkTrainer;
import dev.jgrad.spark.SparkTrainingException;
import dev.jgrad.spark.TargetKind;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.Callback;
import dev.jgrad.train.History;
import dev.jgrad.train.Shards;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * {@code jgrad train --spark-master URL}: the same network, loss, optimizer, batches and seed as on one machine,
 * trained by Spark workers that each read the rows of their shards from the IDX or CSV training file
 * ({@code jgrad-spark}): the training part of the same seeded split, its features scaled as on one machine, so the
 * weights are bit for bit those of {@code jgrad train --shards S} with S workers. The
 * Spark jars are not in jgrad.jar; the {@code jgrad} launcher adds those of the local Maven repository, and
 * spark-submit brings its own.
 */
public final class SparkRun {

    /**
     * What the network, the loss and the optimizer are: enough to build them again on every worker ({@code init} is
     * the initializer's catalog spec, parsed where the network is built).
     */
    public record Plan(int[] widths, ActivationFunction activation, Output output, String init, long seed, LossKind loss,
                       OptimizerKind optimizer, double lr, double momentum, double weightDecay, int epochs, int batchSize) {
    }

    private SparkRun() {
    }

    /** Where the training rows are: rows {@code rows} (in that order) of the data's training file, then scaled. */
    public record Rows(int[] rows, Scaler scaler, String label, boolean regression) {
    }

    /** Checks what Spark training needs before any data is read. */
    public static void check(String data, boolean continuing, Integer patience, Integer shards) {
        if (!sparkPresent()) {
            throw new InputException("--spark-master needs the Spark jars on the classpath: run ./jgrad (it adds the jars"
                    + " listed in jgrad-spark/target/spark-classpath.txt after 'mvn install') or spark-submit");
        }
        if (shards != null) {
            throw new InputException("--shards is the single-machine counterpart of --spark-master; with Spark, give"
                    + " the workers with --partitions");
        }
        String why = continuing ? "--model and --resume (continuing a model)" : patience != null ? "--early-stopping" : null;
        if (why != null) {
            throw new InputException("--spark-master: " + why + " is not supported yet");
        }
        if (idxDirectory(data) == null && !Files.isRegularFile(Path.of(data))) {
            throw new InputException("--spark-master trains on IDX data (fashion-mnist, mnist or a directory of IDX files)"
                    + " or a CSV file that every worker sees; --data " + data + " is neither");
        }
    }

    /**
     * The network as Spark ships it to the workers, Java-serialized: it holds the activation's spec and parses it
     * there (catalog functions are not serializable).
     */
    static ModelFactory modelFactory(Plan plan) {
        int[] widths = plan.widths();
        String activation = plan.activation().spec();
        Output output = plan.output();
        String init = plan.init();
        long seed = plan.seed();
        return () -> Mlp.build(widths, Activations.parse(activation), output, Initializers.parse(init), new Random(seed));
    }

    /** Trains {@code net} (its weights are replaced by the trained ones) and returns the history. */
    public static History train(String master, Integer partitions, String data, Rows rows, Plan plan, int classes,
                                Module net, Tensor valX, Tensor valY, PrintWriter out, Callback... callbacks) throws IOException {
        Path idx = idxDirectory(data);
        RowSource source;
        if (idx != null) {
            IdxFiles files = IdxFiles.locate(idx, IdxSplit.TRAIN);
            source = RowSource.idx(files.images().toString(), files.labels().toString(), classes);
        } else {
            source = RowSource.csv(data, rows.label());
        }
        long seed = plan.seed();
        LossKind loss = plan.loss();
        OptimizerKind opt = plan.optimizer();
        double lr = plan.lr();
        double momentum = plan.momentum();
        double decay = plan.weightDecay();
        SparkTrainer.Builder builder = SparkTrainer.builder(modelFactory(plan),
                        loss::create, p -> (GradientOptimizer) opt.create(p, lr, momentum, decay))
                .data(source, rows.regression() ? TargetKind.VALUES
                        : loss.oneHotTargets() ? TargetKind.ONE_HOT : TargetKind.CLASS_INDEX)
                .rows(rows.rows()).scaler(rows.scaler())
                .epochs(plan.epochs()).batchSize(plan.batchSize()).shuffle(seed).callbacks(callbacks);
        if (partitions != null) {
            builder.partitions(partitions);
        }
        if (valX != null) {
            builder.validation(valX, valY);
        }
        try {
            SparkTrainer.Result result = builder.build().run(master, ownJar(), line -> {
                out.println(line);
                out.flush();
            });
            SparkTrainer.Timing t = result.timing();
            out.println(String.format(java.util.Locale.ROOT, "spark: per step %.1f ms (slowest worker: gradient %.1f ms,"
                    + " all-reduce %.1f ms), %d barrier stages, %d resubmitted", t.wallSeconds() * 1e3,
                    t.computeSeconds() * 1e3, t.reduceSeconds() * 1e3, t.chunks(), t.retries()));
            float[] w = new float[Shards.size(result.model().parameters())];
            Shards.copyValues(result.model().parameters(), w);
            Shards.setValues(net.parameters(), w);
            return result.history();
        } catch (SparkTrainingException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private static Path idxDirectory(String data) {
        try {
            return IdxDataset.byId(data).locate();
        } catch (IllegalArgumentException notAName) {
            Path p = Path.of(data);
            return Files.isDirectory(p) && IdxFiles.isComplete(p) ? p : null;
        } catch (IOException notInstalled) {
            throw new InputException(notInstalled.getMessage());
        }
    }

    /** The jar this class runs from (jgrad.jar), shipped to the executors; none when run from class directories. */
    private static List<String> ownJar() {
        try {
            Path p = Path.of(SparkRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? List.of(p.toString()) : List.of();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static boolean sparkPresent() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkRun.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
