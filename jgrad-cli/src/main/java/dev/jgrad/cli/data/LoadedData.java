package dev.jgrad.cli.data;

import dev.jgrad.data.Dataset;

/**
 * A data source as loaded: its name, kind ({@code idx}, {@code csv}, {@code synthetic}), the training rows, the
 * separate test rows if the source has them (IDX), the shape of one input, how its values were normalized, and for
 * a CSV file the name of its label column (null otherwise).
 */
public record LoadedData(String name, String kind, Dataset train, Dataset test, int[] inputShape,
                         String normalization, String labelColumn) {

    public LoadedData(String name, String kind, Dataset train, Dataset test, int[] inputShape, String normalization) {
        this(name, kind, train, test, inputShape, normalization, null);
    }

    public boolean hasTestSet() {
        return test != null;
    }
}
