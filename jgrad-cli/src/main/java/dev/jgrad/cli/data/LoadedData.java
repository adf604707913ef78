package dev.jgrad.cli.data;

import dev.jgrad.data.Dataset;

/**
 * A data source as loaded: its name, kind ({@code idx}, {@code csv}, {@code synthetic}), the training rows, the
 * separate test rows if the source has them (IDX), the shape of one input and how its values were normalized.
 */
public record LoadedData(String name, String kind, Dataset train, Dataset test, int[] inputShape,
                         String normalization) {

    public boolean hasTestSet() {
        return test != null;
    }
}
