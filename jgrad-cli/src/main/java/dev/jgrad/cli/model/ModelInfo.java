package dev.jgrad.cli.model;

import dev.jgrad.data.Scaler;
import dev.jgrad.io.ModelCard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What eval and predict need from a model file besides its weights, read from (and written to) the model card
 * ({@link ModelCard}), the dialect the playground writes too: the dataset it was trained on, the task, class names,
 * the input shape and feature names, how inputs were normalized (pixel/255, or the CSV scaler's statistics), and
 * the loss, hidden activation and output kind.
 *
 * @param dataset       name or path as given to {@code --data} (card: {@code provenance.data})
 * @param dataKind      idx, csv, synthetic (card: {@code provenance.data_kind})
 * @param classNames    empty for regression
 * @param inputShape    {@code [28, 28]} for images, {@code [d]} otherwise
 * @param normalization {@code "pixels/255"}, {@code "scaler"} (see {@code scaler}) or {@code "none"}
 * @param scaler        the CSV feature scaler fitted on the training split, or null
 * @param loss          the command line's loss, or null for one it does not offer (a playground's hinge loss)
 * @param activation    the hidden activation's catalog spec, e.g. {@code leaky-relu:0.01}
 * @param labelColumn   the CSV label column as given to {@code --label}, or null (the last column)
 */
public record ModelInfo(String dataset, String dataKind, boolean regression, List<String> classNames,
                        int[] inputShape, List<String> featureNames, String normalization, Scaler scaler,
                        LossKind loss, String activation, Output output, String labelColumn) {

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

    /** Writes these fields into {@code card} (inputs, outputs, the loss and activation of the recipe, the data). */
    public ModelCard toCard(ModelCard card) {
        card.inputShape(inputShape).normalization(normalization).labelColumn(labelColumn);
        if (!isImage()) {
            card.featureNames(featureNames); // pixels need no names
        }
        card.scaler(scaler == null ? null : scaler.toMap());
        card.task(regression ? "regression" : "classification")
                .classNames(regression ? null : classNames).outputKind(output.id());
        card.training("loss", loss == null ? null : loss.id()).training("activation", activation);
        card.put(ModelCard.PROVENANCE, "data", dataset).put(ModelCard.PROVENANCE, "data_kind", dataKind);
        return card;
    }

    /**
     * Reads the card back. Cards written by other tools may lack entries: {@code inputSize} and {@code outputSize}
     * (from the model's layers) fill the gaps with a flat input and cross-entropy logits.
     *
     * @throws IllegalArgumentException for a value that makes no sense (the caller names the file)
     */
    public static ModelInfo fromCard(ModelCard card, int inputSize, int outputSize) {
        String dataset = card.string(ModelCard.PROVENANCE, "data").orElse("unknown");
        String kind = card.string(ModelCard.PROVENANCE, "data_kind").orElse("unknown");
        boolean regression = "regression".equals(card.task().orElse(null));
        List<String> classes = new ArrayList<>(card.classNames());
        if (classes.isEmpty() && !regression) {
            for (int c = 0; c < Math.max(2, outputSize); c++) {
                classes.add(Integer.toString(c));
            }
        }
        int[] shape = card.inputShape().orElse(new int[]{inputSize});
        String normalization = card.normalization().orElse("none");
        Scaler scaler = card.scaler().map(Scaler::fromMap).orElse(null);
        String lossId = card.string(ModelCard.TRAINING, "loss").orElse(null);
        LossKind loss = lossId == null ? (regression ? LossKind.MSE : LossKind.CROSS_ENTROPY) : LossKind.find(lossId);
        String activation = card.string(ModelCard.TRAINING, "activation").orElse("relu");
        Output out = card.outputKind().map(Output::parse).orElse(regression ? Output.VALUE : Output.LOGITS);
        return new ModelInfo(dataset, kind, regression, List.copyOf(classes), shape, card.featureNames(),
                normalization, scaler, loss, activation, out, card.labelColumn().orElse(null));
    }

    /** The fields as the card holds them, for tests and messages. */
    public Map<String, Object> toMap() {
        return toCard(new ModelCard()).toMap();
    }
}
