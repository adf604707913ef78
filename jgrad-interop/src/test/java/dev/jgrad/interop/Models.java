package dev.jgrad.interop;

import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Tensor;

import java.util.Random;

/** Test helpers: seeded inputs and jgrad's own outputs. */
final class Models {

    private Models() {
    }

    /** {@code n x d} values, normal with the given spread, from {@code seed}. */
    static float[][] randomInputs(long seed, int n, int d, double spread) {
        Random rng = new Random(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (rng.nextGaussian() * spread);
            }
        }
        return x;
    }

    /** The model's outputs in evaluation mode. */
    static float[][] jgrad(Module model, float[][] x) {
        model.eval();
        int n = x.length;
        int d = x[0].length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        Tensor out;
        try (var s = Tensor.noGrad()) {
            out = model.forward(Tensor.of(flat, n, d));
        }
        int k = out.size(1);
        float[] o = out.toArray();
        float[][] rows = new float[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(o, i * k, rows[i], 0, k);
        }
        return rows;
    }

    /** The largest absolute difference, after checking the shapes agree. */
    static double maxAbsDiff(float[][] a, float[][] b) {
        if (a.length != b.length) {
            throw new AssertionError("rows: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new AssertionError("row " + i + ": " + a[i].length + " vs " + b[i].length + " columns");
            }
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs((double) a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
