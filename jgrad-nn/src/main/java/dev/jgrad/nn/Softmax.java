package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.Map;

/**
 * Softmax along {@code axis} (negative counts from the end; the default -1 is the class axis of {@code [n, k]}).
 * For training a classifier, prefer feeding logits to {@link dev.jgrad.nn.loss.CrossEntropyLoss}, which is stable.
 */
public final class Softmax extends Module {

    private final int axis;

    public Softmax() {
        this(-1);
    }

    public Softmax(int axis) {
        this.axis = axis;
    }

    public int axis() {
        return axis;
    }

    @Override
    public Tensor forward(Tensor x) {
        int a = axis < 0 ? x.dim() + axis : axis;
        if (a < 0 || a >= x.dim()) {
            throw new IllegalArgumentException("Softmax(axis=" + axis + "): input has " + x.dim() + " dimensions");
        }
        return x.softmax(a);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("axis", axis);
    }
}
