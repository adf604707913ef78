package dev.jgrad.interop;

import java.util.Arrays;

/**
 * The per-feature input scaling a model was trained with, {@code x' = (x - offset[j]) / scale[j]}, as plain
 * numbers (jgrad-data's {@code Scaler} lives above this module; its {@code offsets()} and {@code scales()} fit
 * here). An exported ONNX model then takes raw features, like {@code jgrad predict} does.
 */
public record InputScaler(double[] offset, double[] scale) {

    public InputScaler {
        if (offset == null || scale == null || offset.length == 0 || offset.length != scale.length) {
            throw new IllegalArgumentException("InputScaler: offset and scale need the same, non-zero length; got "
                    + (offset == null ? "null" : offset.length) + " and " + (scale == null ? "null" : scale.length));
        }
        offset = offset.clone();
        scale = scale.clone();
        for (int j = 0; j < offset.length; j++) {
            if (!Double.isFinite(offset[j]) || !Double.isFinite(scale[j]) || scale[j] == 0) {
                throw new IllegalArgumentException("InputScaler: feature " + j + " has offset " + offset[j] + " and scale "
                        + scale[j] + "; expected finite numbers and a non-zero scale");
            }
        }
    }

    public int features() {
        return offset.length;
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputScaler s && Arrays.equals(offset, s.offset) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offset) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "InputScaler[" + offset.length + " features]";
    }
}
