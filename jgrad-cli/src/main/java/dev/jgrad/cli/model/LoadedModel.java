package dev.jgrad.cli.model;

import dev.jgrad.cli.InputException;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.Module;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A model file read back for eval, predict or further training: the network, what it expects, its raw metadata. */
public record LoadedModel(Path file, Module model, ModelInfo info, Map<String, Object> metadata) {

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
            ModelInfo info = ModelInfo.fromMetadata(saved.metadata(), widths[0], widths[widths.length - 1]);
            if (info.inputSize() != widths[0]) {
                throw new IllegalArgumentException("inputShape " + java.util.Arrays.toString(info.inputShape())
                        + " does not match the first layer's " + widths[0] + " inputs");
            }
            if (!info.regression() && info.classNames().size() != widths[widths.length - 1]) {
                throw new IllegalArgumentException(info.classNames().size() + " class names for "
                        + widths[widths.length - 1] + " outputs");
            }
            return new LoadedModel(file, saved.model(), info, saved.metadata());
        } catch (IllegalArgumentException e) {
            throw new InputException("model file " + file + ": metadata: " + e.getMessage(), e);
        }
    }

    public int[] widths() {
        return Mlp.widths(model);
    }
}
