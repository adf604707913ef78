package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

import java.util.Arrays;

/** Shape and value checks shared by the losses; messages name the loss and both shapes. */
final class LossChecks {

    private LossChecks() {
    }

    static void sameShape(String loss, Tensor prediction, Tensor target) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException(loss + ": prediction shape " + Arrays.toString(prediction.shape())
                    + " does not match target shape " + Arrays.toString(target.shape())
                    + " (reshape one of them; losses do not broadcast)");
        }
    }

    static <T> T notNull(String loss, String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(loss + ": " + what + " must not be null");
        }
        return value;
    }

    /** The class indices held in a {@code [n]} target, checked to be integers in [0, classes). */
    static int[] classIndices(String loss, Tensor prediction, Tensor target) {
        int n = prediction.size(0);
        int classes = prediction.size(1);
        if (target.dim() != 1 || target.size(0) != n) {
            throw new IllegalArgumentException(loss + ": prediction shape " + Arrays.toString(prediction.shape())
                    + " needs target class indices of shape [" + n + "] or one-hot [" + n + ", " + classes
                    + "], got target shape " + Arrays.toString(target.shape()));
        }
        float[] t = target.toArray();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            float v = t[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new IllegalArgumentException(loss + ": target[" + i + "] = " + v
                        + " is not a class index in [0, " + classes + ")");
            }
            idx[i] = (int) v;
        }
        return idx;
    }

    static void matrix(String loss, Tensor prediction) {
        if (prediction.dim() != 2) {
            throw new IllegalArgumentException(loss + ": prediction must be [n, classes], got shape "
                    + Arrays.toString(prediction.shape()));
        }
    }
}
