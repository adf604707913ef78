package dev.jgrad.io;

import dev.jgrad.nn.Module;

import java.util.Map;
import java.util.Optional;

/**
 * What {@link ModelFile#load} returns: the rebuilt model (in evaluation mode, with the saved weights), the model
 * card, the free-form metadata saved with it (JSON values: strings, numbers, booleans, lists and maps), the
 * training state if the file has one, and the file's format version.
 *
 * <p>A format-1 file has no card of its own: its metadata (in the dialect the command line or the playground wrote
 * then) is read into one, and is also returned as {@link #metadata()}.
 */
public record SavedModel(Module model, Map<String, Object> metadata, ModelCard card, TrainingState training,
                         int formatVersion) {

    /** A model with metadata only (no card, no training state), as the current format. */
    public SavedModel(Module model, Map<String, Object> metadata) {
        this(model, metadata, new ModelCard(), null, ModelFile.FORMAT_VERSION);
    }

    /** The training state, if the file has one (format 2 files saved by a trainer). */
    public Optional<TrainingState> trainingState() {
        return Optional.ofNullable(training);
    }
}
