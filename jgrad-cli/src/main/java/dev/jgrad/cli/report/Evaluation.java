package dev.jgrad.cli.report;

import dev.jgrad.cli.model.LossKind;
import dev.jgrad.cli.model.ModelInfo;
import dev.jgrad.data.Dataset;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.ConfusionMatrix;
import dev.jgrad.train.Metrics;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A model's results on a labelled set: the loss, accuracy and confusion matrix (with class names) for a classifier,
 * MSE, MAE and R^2 for regression.
 *
 * @param metrics   {@code loss}, then {@code accuracy} or {@code mse}/{@code mae}/{@code r2}
 * @param confusion null for regression
 */
public record Evaluation(int samples, Map<String, Double> metrics, ConfusionMatrix confusion) {

    private static final int CHUNK = 2048;

    public static Evaluation of(Module model, ModelInfo info, Dataset data) {
        model.eval();
        Tensor outputs = outputs(model, data.featuresView());
        Map<String, Double> m = new LinkedHashMap<>();
        try (var scope = Tensor.noGrad()) {
            if (info.regression()) {
                Tensor y = data.targetsTensor();
                if (info.loss() != null) {
                    m.put("loss", (double) info.loss().create().apply(outputs, y).item());
                }
                m.put("mse", Metrics.mse().compute(outputs, y));
                m.put("mae", Metrics.mae().compute(outputs, y));
                m.put("r2", Metrics.r2().compute(outputs, y));
                return new Evaluation(data.size(), m, null);
            }
            int k = info.classNames().size();
            // The loss in the command line's terms (class indices or one-hot rows for one column per class); a
            // single binary column (a playground model) is scored by accuracy only.
            if (info.loss() != null && outputs.size(1) == k
                    && (info.loss() == LossKind.CROSS_ENTROPY || info.loss().oneHotTargets())) {
                Tensor y = info.loss().oneHotTargets() ? data.oneHotTensor() : data.labelsTensor();
                m.put("loss", (double) info.loss().create().apply(outputs, y).item());
            }
            ConfusionMatrix cm = ConfusionMatrix.of(info.output().classes(outputs), data.labels(), k, info.classNames());
            m.put("accuracy", cm.accuracy());
            return new Evaluation(data.size(), m, cm);
        }
    }

    /** The model's outputs for every row, computed in chunks without gradients. */
    public static Tensor outputs(Module model, Tensor x) {
        int n = x.size(0);
        try (var scope = Tensor.noGrad()) {
            if (n <= CHUNK) {
                return model.forward(x);
            }
            Tensor[] parts = new Tensor[(n + CHUNK - 1) / CHUNK];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = model.forward(x.rows(i * CHUNK, Math.min(n, (i + 1) * CHUNK)).contiguous());
            }
            return Tensor.concat(0, parts);
        }
    }

    public double accuracy() {
        return metrics.getOrDefault("accuracy", Double.NaN);
    }

    /** {@code test accuracy 88.42% (8842/10000), loss 0.3312} and the confusion matrix, or the regression numbers. */
    public void print(PrintWriter out, String what) {
        if (confusion != null) {
            long correct = Math.round(confusion.accuracy() * confusion.total());
            out.println(String.format(Locale.ROOT, "%s accuracy %s (%d/%d)%s", what, Formats.percent(accuracy()),
                    correct, confusion.total(), metrics.containsKey("loss")
                            ? ", loss " + Formats.number(metrics.get("loss")) : ""));
            out.println();
            out.println("confusion matrix (" + what + ", rows: actual class, columns: predicted class):");
            out.println(confusion);
        } else {
            out.println(String.format(Locale.ROOT, "%s on %d samples: loss %s, mse %s, mae %s, r2 %s", what, samples,
                    Formats.number(metrics.getOrDefault("loss", Double.NaN)), Formats.number(metrics.get("mse")),
                    Formats.number(metrics.get("mae")), Formats.number(metrics.get("r2"))));
        }
        out.flush();
    }
}
