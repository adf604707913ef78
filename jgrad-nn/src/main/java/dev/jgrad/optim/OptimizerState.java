package dev.jgrad.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a {@link GradientOptimizer} carries from one step to the next, so training can stop and resume with
 * the same updates: its type, the step count (Adam's bias correction), the current learning rate, and its
 * per-parameter buffers by name (Adam's {@code m} and {@code v}, SGD's {@code velocity}, ...), one array per
 * parameter in the optimizer's parameter order. Model files store it next to the weights; distributed training
 * sends it in every checkpoint (it is serializable).
 *
 * @param type    the optimizer's name, e.g. {@code "Adam"}; a state only loads into the same type
 * @param buffers name to one {@code float[]} per parameter; the arrays are the caller's own (copied both ways)
 */
public record OptimizerState(String type, long steps, double lr, Map<String, float[][]> buffers)
        implements java.io.Serializable {

    public OptimizerState {
        if (type == null || steps < 0 || !(lr > 0) || buffers == null) {
            throw new IllegalArgumentException("OptimizerState: needs a type, steps >= 0, lr > 0 and buffers, got "
                    + type + ", " + steps + ", " + lr);
        }
        Map<String, float[][]> copy = new LinkedHashMap<>();
        buffers.forEach((name, arrays) -> copy.put(name, deepCopy(arrays)));
        buffers = java.util.Collections.unmodifiableMap(copy);
    }

    static float[][] deepCopy(float[][] arrays) {
        float[][] out = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i].clone();
        }
        return out;
    }

    /** The total number of floats in the buffers. */
    public long floatCount() {
        long n = 0;
        for (float[][] arrays : buffers.values()) {
            for (float[] a : arrays) {
                n += a.length;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerState s) || !type.equals(s.type) || steps != s.steps || lr != s.lr
                || !buffers.keySet().equals(s.buffers.keySet())) {
            return false;
        }
        for (Map.Entry<String, float[][]> e : buffers.entrySet()) {
            if (!Arrays.deepEquals(e.getValue(), s.buffers.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Long.hashCode(steps);
    }

    @Override
    public String toString() {
        return "OptimizerState(" + type + ", steps=" + steps + ", lr=" + lr + ", buffers=" + buffers.keySet() + ")";
    }
}
