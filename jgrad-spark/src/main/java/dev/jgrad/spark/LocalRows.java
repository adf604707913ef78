package dev.jgrad.spark;

import dev.jgrad.tensor.Tensor;

/**
 * The rows of one range held by a worker: features {@code [rows, width]} and either class labels or target values
 * ({@code [rows, targetWidth]}).
 */
record LocalRows(float[] features, int width, int[] labels, float[] targets, int targetWidth) {

    int size() {
        return features.length / width;
    }

    /** Rows {@code index[from..to)} (local indices) as a features tensor. */
    Tensor features(int[] index, int from, int to) {
        float[] out = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(features, index[i] * width, out, (i - from) * width, width);
        }
        return Tensor.wrap(out, to - from, width);
    }
}
