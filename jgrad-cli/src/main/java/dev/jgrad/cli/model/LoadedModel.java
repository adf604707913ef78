package dev.jgrad.cli.model;

import dev.jgrad.cli.InputException;
import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.io.TrainingState;
import dev.jgrad.nn.Module;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file read back for eval, predict or further training: the network, what it expects, its card, and the
 * state training resumes from (null when the file has none).
 */
public record LoadedModel(Path file, Module model, ModelInfo info, ModelCard card, TrainingState training) {

    /**
     * Loads {@code file}; a file the io module rejects keeps its message (file and problem), metadata that makes no
     * sense is reported the same way.
     */
    public static LoadedModel load(Path file) throws IOException {
        SavedModel saved = ModelFile.load(file);
        int[] widths = Mlp.widths(saved.model());
        if (widths.length < 2) {
            throw new InputException("model file " + file + ": the model has no Linear layer; expected an MLP saved by jgrad");
        }
        try {
            int outputs = widths[widths.length - 1];
            ModelInfo info = ModelInfo.fromCard(saved.card(), widths[0], outputs);
            if (info.inputSize() != widths[0]) {
                throw new IllegalArgumentException("input shape " + java.util.Arrays.toString(info.inputShape())
                        + " does not match the first layer's " + widths[0] + " inputs");
            }
            if (!info.regression() && !info.output().fits(outputs, info.classNames().size())) {
                throw new IllegalArgumentException(info.classNames().size() + " class names for " + outputs
                        + (outputs == 1 ? " output" : " outputs") + " of kind " + info.output().id());
            }
            return new LoadedModel(file, saved.model(), info, saved.card(), saved.training());
        } catch (IllegalArgumentException e) {
            throw new InputException("model file " + file + ": model card: " + e.getMessage().replaceFirst("^model card: ", ""), e);
        }
    }

    public int[] widths() {
        return Mlp.widths(model);
    }
}
