package dev.jgrad.cli.commands;

import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import dev.jgrad.cli.InputException;
import dev.jgrad.cli.data.DataOptions;
import dev.jgrad.cli.data.DataSource;
import dev.jgrad.cli.data.LabelMatcher;
import dev.jgrad.cli.data.LoadedData;
import dev.jgrad.cli.model.LoadedModel;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.cli.model.ModelInfo;
import dev.jgrad.cli.report.Evaluation;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.csv.LabelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code jgrad eval}: a saved model's loss, accuracy and confusion matrix on labelled data: the test split of an IDX
 * set, a whole CSV file (scaled with the model's saved statistics, labels matched to its classes by name), or fresh
 * points of a 2D set.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a saved model: metrics and confusion matrix.",
        footer = {"", "Examples:",
                "  jgrad eval --model fashion.jgrad                  (the dataset it was trained on, test split)",
                "  jgrad eval --model circle.jgrad                   (fresh points of its 2D set)",
                "  jgrad eval --model iris.jgrad --data iris-test.csv"})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file.")
    Path model;

    @Option(names = "--data", paramLabel = "DATA", description = "fashion-mnist, mnist, an IDX directory, a CSV file or "
            + "a 2D set name (default: the test split of the IDX set the model was trained on, or fresh points of "
            + "its 2D set; a CSV-trained model needs --data).")
    String data;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV label column, by name or 0-based index "
            + "(default: the last column).")
    String label;

    @Option(names = "--seed", description = "Seed of the fresh points for a 2D set (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    long seed;

    @Option(names = "--samples", description = "Points to generate for a 2D set (default: ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int samples;

    @Option(names = "--noise", description = "Noise of a 2D set (default: ${DEFAULT-VALUE}).", defaultValue = "0.1")
    double noise;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!(noise >= 0 && noise <= 0.5)) {
            throw Usage.error(spec, "--noise must be in [0, 0.5], got " + noise);
        }
        if (samples <= 0) {
            throw Usage.error(spec, "--samples must be positive, got " + samples);
        }
        LoadedModel m = LoadedModel.load(model);
        ModelInfo info = m.info();
        String source = data != null ? data : info.dataset();
        if (source == null || source.equals("unknown")) {
            throw Usage.error(spec, "--model " + model
                    + " does not say which dataset it was trained on; give --data");
        }
        if (data == null && "csv".equals(info.dataKind())) {
            // The file holds the training rows too: scoring them would flatter the model without a word.
            Object tested = m.card().metrics().get("test_accuracy");
            throw Usage.error(spec, "--model " + model + " was trained on " + info.dataset()
                    + "; evaluating on that file would score the rows it learned from. Give --data with rows held out "
                    + "from training" + (tested instanceof Number a ? String.format(java.util.Locale.ROOT,
                    " (its held-out test split scored accuracy %.4f when it was trained)", a.doubleValue()) : ""));
        }
        int classes = info.regression() ? 0 : info.classNames().size();
        LoadedData loaded = DataSource.loadForEval(source, new DataOptions(samples, noise, Math.max(2, classes), seed,
                label), info.regression() ? LabelKind.REGRESSION : LabelKind.CLASSIFICATION);
        Dataset set = prepare(loaded, info);
        out.println("model: " + model + " (" + Mlp.describe(m.widths()) + ", trained on " + info.dataset() + ")");
        out.println("data: " + loaded.name() + " (" + set.size() + " samples" + switch (loaded.kind()) {
            case "idx" -> ", test split";
            case "synthetic" -> ", freshly generated with --seed " + seed + ", not the points it was trained on";
            default -> "";
        } + ")");
        out.println();
        Evaluation.of(m.model(), info, set).print(out, "eval");
        return ExitCodes.OK;
    }

    /** Checks the data fits the model, applies its scaler, and numbers the labels as the model does. */
    static Dataset prepare(LoadedData loaded, ModelInfo info) throws IOException {
        Dataset set = loaded.train();
        if (set.isRegression() != info.regression()) {
            throw new InputException(loaded.name() + ": has " + (set.isRegression() ? "real-valued targets" : "class labels")
                    + " but the model is a " + (info.regression() ? "regression" : "classification") + " model");
        }
        if (set.numFeatures() != info.inputSize()) {
            throw new InputException(loaded.name() + ": " + set.numFeatures() + " features per sample but the model "
                    + "expects " + info.inputSize() + (info.featureNames().isEmpty() || info.isImage() ? ""
                    : " (" + String.join(", ", info.featureNames()) + ")"));
        }
        if (info.scaler() != null) {
            set = info.scaler().transform(set);
        }
        return info.regression() ? set : LabelMatcher.toModelClasses(set, info.classNames(), loaded);
    }
}
