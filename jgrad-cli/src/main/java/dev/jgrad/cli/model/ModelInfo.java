package dev.jgrad.cli.model;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;

import dev.jgrad.data.Scaler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a saved model carries besides its weights, so eval and predict need nothing else: the dataset it was
 * trained on, the task, class names, the input shape and feature names, how inputs were normalized (pixel/255, or
 * the CSV scaler's statistics), and the loss, activation and output kind. Stored as the model file's metadata.
 *
 * @param dataset       name or path as given to {@code --data}
 * @param classNames    empty for regression
 * @param inputShape    {@code [28, 28]} for images, {@code [d]} otherwise
 * @param normalization {@code "pixels/255"}, {@code "scaler"} (see {@code scaler}) or {@code "none"}
 * @param scaler        the CSV feature scaler fitted on the training split, or null
 * @param labelColumn   the CSV label column's name (header name, or {@code x3} without a header), or null
 */
public record ModelInfo(String dataset, String dataKind, boolean regression, List<String> classNames,
                        int[] inputShape, List<String> featureNames, String normalization, Scaler scaler,
                        LossKind loss, ActivationFunction activation, Output output, String labelColumn) {

    public ModelInfo(String dataset, String dataKind, boolean regression, List<String> classNames, int[] inputShape,
                     List<String> featureNames, String normalization, Scaler scaler, LossKind loss,
                     ActivationFunction activation, Output output) {
        this(dataset, dataKind, regression, classNames, inputShape, featureNames, normalization, scaler, loss,
                activation, output, null);
    }

    public static final String DATASET = "dataset";

    public int inputSize() {
        int n = 1;
        for (int d : inputShape) {
            n *= d;
        }
        return n;
    }

    /** Whether inputs are 2-D grey images (so predict accepts PNG files). */
    public boolean isImage() {
        return inputShape.length == 2;
    }

    /** The metadata map; {@code extra} (training settings and results) is appended. */
    public Map<String, Object> toMetadata(Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "jgrad-cli/1");
        m.put(DATASET, dataset);
        m.put("dataKind", dataKind);
        m.put("task", regression ? "regression" : "classification");
        m.put("classNames", classNames);
        List<Integer> shape = new ArrayList<>();
        for (int d : inputShape) {
            shape.add(d);
        }
        m.put("inputShape", shape);
        if (!isImage()) {
            // The playground reads feature names as one comma-separated string; pixels need no names. The list
            // keeps names that hold a comma, so predict can find the columns by name.
            m.put("features", String.join(",", featureNames));
            m.put("featureNames", featureNames);
        }
        if (labelColumn != null) {
            m.put("labelColumn", labelColumn);
        }
        m.put("normalization", normalization);
        if (scaler != null) {
            m.put("scaler", scaler.toMap());
        }
        m.put("loss", loss.id());
        m.put("activation", activation.spec());
        m.put("output", output.id());
        m.putAll(extra);
        return m;
    }

    /**
     * Reads the metadata back. Models saved by other tools may lack entries: {@code inputSize} and
     * {@code outputSize} (from the model's layers) fill the gaps with a flat input and cross-entropy logits.
     */
    public static ModelInfo fromMetadata(Map<String, Object> m, int inputSize, int outputSize) {
        String dataset = m.get(DATASET) instanceof String s ? s : "unknown";
        String kind = m.get("dataKind") instanceof String s ? s : "unknown";
        boolean regression = "regression".equals(m.get("task"));
        List<String> classes = new ArrayList<>();
        Object names = m.get("classNames");
        if (names instanceof List<?> l) {
            l.forEach(v -> classes.add(String.valueOf(v)));
        }
        if (classes.isEmpty() && !regression) {
            for (int c = 0; c < outputSize; c++) {
                classes.add(Integer.toString(c));
            }
        }
        int[] shape = {inputSize};
        if (m.get("inputShape") instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(v -> v instanceof Integer)) {
            shape = l.stream().mapToInt(v -> (Integer) v).toArray();
        }
        List<String> features = new ArrayList<>();
        if (m.get("featureNames") instanceof List<?> l) {
            l.forEach(v -> features.add(String.valueOf(v)));
        } else if (m.get("features") instanceof String f && !f.isEmpty()) {
            features.addAll(List.of(f.split(",")));
        }
        String normalization = m.get("normalization") instanceof String s ? s : "none";
        Scaler scaler = null;
        if (m.get("scaler") instanceof Map<?, ?> sm) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) sm;
            scaler = Scaler.fromMap(typed);
        }
        LossKind loss = m.get("loss") instanceof String s ? LossKind.parse(s) : LossKind.CROSS_ENTROPY;
        ActivationFunction act = m.get("activation") instanceof String s ? Activations.parse(s) : Activations.RELU;
        Output out = m.get("output") instanceof String s ? Output.parse(s) : (regression ? Output.VALUE : Output.LOGITS);
        String labelColumn = m.get("labelColumn") instanceof String s ? s : null;
        return new ModelInfo(dataset, kind, regression, List.copyOf(classes), shape, List.copyOf(features),
                normalization, scaler, loss, act, out, labelColumn);
    }
}
