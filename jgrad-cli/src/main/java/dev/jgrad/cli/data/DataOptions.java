package dev.jgrad.cli.data;

/**
 * Knobs for loading data: synthetic sets ({@code samples}, {@code noise}, {@code classes} for the k-class shapes,
 * {@code seed}) and CSV files ({@code label}: the label column by header name or 0-based index, null for the last).
 */
public record DataOptions(int samples, double noise, int classes, long seed, String label) {

    public static DataOptions defaults(long seed) {
        return new DataOptions(600, 0.1, 3, seed, null);
    }
}
