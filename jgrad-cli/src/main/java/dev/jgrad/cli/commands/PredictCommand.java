package dev.jgrad.cli.commands;

import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import dev.jgrad.cli.InputException;
import dev.jgrad.cli.data.FeatureRows;
import dev.jgrad.cli.data.ImageInput;
import dev.jgrad.cli.model.LoadedModel;
import dev.jgrad.cli.model.ModelInfo;
import dev.jgrad.cli.report.Evaluation;
import dev.jgrad.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code jgrad predict}: class probabilities (top-k with class names) or regression values for images or CSV rows.
 * Images are made grey, resized to the model's input (28x28 for Fashion-MNIST) and, since Fashion-MNIST and MNIST
 * are light-on-black, inverted when their border is light.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a saved model from images (PNG) or CSV rows.",
        footer = {"", "Examples:",
                "  jgrad predict --model fashion.jgrad --input sneaker.png",
                "  jgrad predict --model circle.jgrad --input points.csv --top 2",
                "A CSV file is read as training reads it. With a header, the model's features are found by name (any",
                "order, other columns ignored) and its label column is shown for comparison; without one, rows hold",
                "the features in training order, optionally followed by a label."})
public final class PredictCommand implements java.util.concurrent.Callable<Integer> {

    private static final List<String> IMAGE_TYPES = List.of(".png", ".jpg", ".jpeg", ".gif", ".bmp");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file.")
    Path model;

    @Option(names = "--input", paramLabel = "FILE", description = "A PNG image or a CSV file; repeat for several.")
    List<Path> inputs = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "More inputs, as with --input.")
    List<Path> positional = new ArrayList<>();

    @Option(names = "--top", description = "Classes to show per input (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    int top;

    @Option(names = "--invert", description = "Invert image brightness: auto (when the border is light), yes, no "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "auto")
    String invert;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> all = new ArrayList<>(inputs);
        all.addAll(positional);
        if (all.isEmpty()) {
            throw Usage.error(spec, "give at least one --input FILE");
        }
        if (top <= 0) {
            throw Usage.error(spec, "--top must be positive, got " + top);
        }
        Boolean inv = switch (invert.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> throw Usage.error(spec, "--invert must be auto, yes or no, got '" + invert + "'");
        };
        LoadedModel m = LoadedModel.load(model);
        for (Path input : all) {
            String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
            if (IMAGE_TYPES.stream().anyMatch(name::endsWith)) {
                predictImage(out, m, input, inv);
            } else {
                predictRows(out, m, input);
            }
        }
        return ExitCodes.OK;
    }

    private void predictImage(PrintWriter out, LoadedModel m, Path file, Boolean inv) throws IOException {
        ModelInfo info = m.info();
        if (!info.isImage()) {
            throw new InputException(file + ": the model takes " + info.inputSize() + " features, not an image; "
                    + "give a CSV file");
        }
        int rows = info.inputShape()[0];
        int cols = info.inputShape()[1];
        ImageInput.Pixels px = ImageInput.read(file, rows, cols, inv);
        float[][] p = predict(m, px.values(), 1);
        StringBuilder note = new StringBuilder();
        if (px.sourceWidth() != cols || px.sourceHeight() != rows) {
            note.append("resized from ").append(px.sourceWidth()).append('x').append(px.sourceHeight()).append(" to ")
                    .append(cols).append('x').append(rows);
        }
        if (px.inverted()) {
            note.append(note.length() > 0 ? ", " : "").append("inverted to light-on-dark as the training images are");
        }
        out.println(file + (note.length() > 0 ? " (" + note + ")" : "") + ":");
        if (info.regression()) {
            out.println(String.format(Locale.ROOT, "  value %.6g", p[0][0]));
        } else {
            int[] order = topK(p[0]);
            for (int r = 0; r < order.length; r++) {
                out.println(String.format(Locale.ROOT, "  %d. %-16s %6.2f%%", r + 1, info.classNames().get(order[r]),
                        100 * p[0][order[r]]));
            }
        }
        out.flush();
    }

    private void predictRows(PrintWriter out, LoadedModel m, Path file) throws IOException {
        ModelInfo info = m.info();
        List<FeatureRows.Row> rows = FeatureRows.read(file, info.inputSize(), info.featureNames(), info.labelColumn());
        float[] x = new float[rows.size() * info.inputSize()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i).features(), 0, x, i * info.inputSize(), info.inputSize());
        }
        if ("pixels/255".equals(info.normalization()) && IntStream.range(0, x.length).anyMatch(i -> x[i] > 1)) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= 255f; // raw 0..255 pixels; the model was trained on 0..1
            }
        }
        if (info.scaler() != null) {
            float[] scaled = info.scaler().transform(x);
            System.arraycopy(scaled, 0, x, 0, x.length);
        }
        float[][] p = predict(m, x, rows.size());
        out.println(file + ":");
        int correct = 0;
        int labelled = 0;
        for (int i = 0; i < rows.size(); i++) {
            FeatureRows.Row row = rows.get(i);
            String actual = row.label() == null ? "" : "  (label " + row.label() + ")";
            if (info.regression()) {
                out.println(String.format(Locale.ROOT, "  line %d: %.6g%s", row.line(), p[i][0], actual));
                continue;
            }
            int[] order = topK(p[i]);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  line %d: ", row.line()));
            for (int r = 0; r < order.length; r++) {
                sb.append(r > 0 ? " | " : "").append(info.classNames().get(order[r]))
                        .append(String.format(Locale.ROOT, " %.2f%%", 100 * p[i][order[r]]));
            }
            out.println(sb + actual);
            if (row.label() != null) {
                labelled++;
                correct += info.classNames().get(order[0]).equals(row.label()) ? 1 : 0;
            }
        }
        if (labelled > 0 && !info.regression()) {
            out.println(String.format(Locale.ROOT, "  %d of %d labelled rows predicted correctly", correct, labelled));
        }
        out.flush();
    }

    private static float[][] predict(LoadedModel m, float[] x, int n) {
        m.model().eval();
        Tensor outputs = Evaluation.outputs(m.model(), Tensor.of(x, n, m.info().inputSize()));
        if (m.info().regression()) {
            float[] v = outputs.toArray();
            float[][] rows = new float[n][1];
            for (int i = 0; i < n; i++) {
                rows[i][0] = v[i];
            }
            return rows;
        }
        return m.info().output().probabilities(outputs);
    }

    private int[] topK(float[] p) {
        return IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> p[i]).reversed())
                .limit(top).mapToInt(Integer::intValue).toArray();
    }
}
