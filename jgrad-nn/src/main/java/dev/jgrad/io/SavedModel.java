package dev.jgrad.io;

import dev.jgrad.nn.Module;

import java.util.Map;

/**
 * What {@link ModelFile#load} returns: the rebuilt model (in evaluation mode, with the saved weights) and the user
 * metadata saved with it (class names, normalization statistics, feature names, ...), as JSON values: strings,
 * numbers, booleans, lists and maps.
 */
public record SavedModel(Module model, Map<String, Object> metadata) {
}
