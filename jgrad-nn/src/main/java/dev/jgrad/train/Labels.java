package dev.jgrad.train;

import dev.jgrad.tensor.Tensor;

import java.util.Arrays;

/**
 * Turns model outputs and targets into class labels: {@code [n, k]} with k &gt; 1 by argmax; {@code [n]} or
 * {@code [n, 1]} outputs by a threshold (binary); {@code [n]} targets as class indices.
 */
final class Labels {

    private Labels() {
    }

    static int[] predicted(Tensor prediction, float threshold) {
        if (prediction.dim() == 2 && prediction.size(1) > 1) {
            return prediction.argmax(1);
        }
        if (prediction.dim() == 1 || (prediction.dim() == 2 && prediction.size(1) == 1)) {
            float[] p = prediction.toArray();
            int[] out = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i] >= threshold ? 1 : 0;
            }
            return out;
        }
        throw new IllegalArgumentException("classification metric: predictions must be [n], [n, 1] or [n, k], got "
                + Arrays.toString(prediction.shape()));
    }

    static int[] actual(Tensor target) {
        if (target.dim() == 2 && target.size(1) > 1) {
            return target.argmax(1);
        }
        if (target.dim() == 1 || (target.dim() == 2 && target.size(1) == 1)) {
            float[] t = target.toArray();
            int[] out = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                if (t[i] != Math.rint(t[i]) || t[i] < 0) {
                    throw new IllegalArgumentException("classification metric: target[" + i + "] = " + t[i]
                            + " is not a class index");
                }
                out[i] = (int) t[i];
            }
            return out;
        }
        throw new IllegalArgumentException("classification metric: targets must be [n], [n, 1] or one-hot [n, k], got "
                + Arrays.toString(target.shape()));
    }

    static void sameRows(String metric, Tensor prediction, Tensor target) {
        if (prediction.dim() == 0 || target.dim() == 0 || prediction.size(0) != target.size(0)) {
            throw new IllegalArgumentException(metric + ": prediction shape " + Arrays.toString(prediction.shape())
                    + " and target shape " + Arrays.toString(target.shape()) + " have different numbers of rows");
        }
    }
}
