package dev.jgrad.data;

import dev.jgrad.tensor.Tensor;

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

    /**
     * Features as a {@code [size, numFeatures]} tensor over this batch's own array (no copy: the loader made the
     * array for this batch alone).
     */
    public Tensor featuresTensor() {
        return Tensor.wrap(features, size, numFeatures);
    }

    /** Class indices as a float {@code [size]} tensor (cross-entropy target). */
    public Tensor labelsTensor() {
        if (labels == null) {
            throw new IllegalStateException("Batch: labelsTensor() on a regression batch; use targetsTensor()");
        }
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = labels[i];
        }
        return Tensor.wrap(v, size);
    }

    /** One-hot labels as a {@code [size, numClasses]} tensor. */
    public Tensor oneHotTensor(int numClasses) {
        return Tensor.wrap(oneHotLabels(numClasses), size, numClasses);
    }

    /** Regression targets as a {@code [size, 1]} tensor. */
    public Tensor targetsTensor() {
        if (targets == null) {
            throw new IllegalStateException("Batch: targetsTensor() on a classification batch; use labelsTensor()");
        }
        return Tensor.of(targets, size, 1);
    }
}
