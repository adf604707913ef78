package dev.jgrad.data;

/**
 * One mini-batch from a {@link DataLoader}: {@code size} rows of {@code numFeatures} features (row-major), their
 * labels (classification) or targets (regression; the other is null), and the dataset row each came from.
 *
 * <p>The arrays are fresh for every batch, so a training loop may keep or modify them.
 */
public record Batch(float[] features, int size, int numFeatures, int[] labels, float[] targets, int[] indices) {

    public Batch {
        if (features.length != size * numFeatures || indices.length != size
                || (labels != null && labels.length != size) || (targets != null && targets.length != size)
                || (labels == null) == (targets == null)) {
            throw new IllegalArgumentException("Batch: inconsistent sizes: size=" + size + ", numFeatures="
                    + numFeatures + ", features=" + features.length + ", indices=" + indices.length);
        }
    }

    /** Labels as a one-hot matrix, {@code size * numClasses}, row-major. */
    public float[] oneHotLabels(int numClasses) {
        float[] out = new float[size * numClasses];
        for (int i = 0; i < size; i++) {
            out[i * numClasses + labels[i]] = 1f;
        }
        return out;
    }
}
