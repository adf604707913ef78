package dev.jgrad.spark;

import dev.jgrad.tensor.Tensor;

/** How a worker turns its rows' labels or values into the loss's targets. */
public enum TargetKind {
    /** Class indices {@code [rows]} (cross-entropy). */
    CLASS_INDEX,
    /** One-hot rows {@code [rows, classes]} (MSE or BCE on a classifier). */
    ONE_HOT,
    /** Real values {@code [rows, k]} (regression). */
    VALUES;

    /** The targets of the rows at positions {@code [from, to)} of {@code order}. */
    Tensor targets(RowCache rows, int[] order, int from, int to, int classes) {
        int n = to - from;
        switch (this) {
            case CLASS_INDEX -> {
                float[] y = new float[n];
                for (int i = from; i < to; i++) {
                    y[i - from] = rows.label(order[i]);
                }
                return Tensor.wrap(y, n);
            }
            case ONE_HOT -> {
                float[] y = new float[n * classes];
                for (int i = from; i < to; i++) {
                    y[(i - from) * classes + rows.label(order[i])] = 1f;
                }
                return Tensor.wrap(y, n, classes);
            }
            default -> {
                int w = rows.targetWidth();
                float[] y = new float[n * w];
                for (int i = from; i < to; i++) {
                    System.arraycopy(rows.targets(order[i]), 0, y, (i - from) * w, w);
                }
                return Tensor.wrap(y, n, w);
            }
        }
    }
}
