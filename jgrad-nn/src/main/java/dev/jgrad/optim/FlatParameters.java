package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;

/** A list of parameters seen as one flat vector of coordinates, for the derivative-free searches. */
final class FlatParameters {

    private final float[][] arrays;
    private final int[] starts;
    final int size;

    FlatParameters(String owner, List<? extends Tensor> params) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(owner + ": needs at least one parameter");
        }
        arrays = new float[params.size()][];
        starts = new int[params.size() + 1];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = params.get(i).data();
            starts[i + 1] = starts[i] + arrays[i].length;
        }
        size = starts[arrays.length];
    }

    float get(int k) {
        int p = owner(k);
        return arrays[p][k - starts[p]];
    }

    void set(int k, float v) {
        int p = owner(k);
        arrays[p][k - starts[p]] = v;
    }

    void copyTo(float[] dst) {
        for (int p = 0; p < arrays.length; p++) {
            System.arraycopy(arrays[p], 0, dst, starts[p], arrays[p].length);
        }
    }

    void copyFrom(float[] src) {
        for (int p = 0; p < arrays.length; p++) {
            System.arraycopy(src, starts[p], arrays[p], 0, arrays[p].length);
        }
    }

    private int owner(int k) {
        int p = 0;
        while (k >= starts[p + 1]) {
            p++;
        }
        return p;
    }
}
