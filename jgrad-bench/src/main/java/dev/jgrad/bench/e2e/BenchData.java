package dev.jgrad.bench.e2e;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.data.idx.IdxSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The first {@code n} Fashion-MNIST training images (784 features in [0, 1], labels 0..9), or random data of
 * that shape when the data set is not installed; {@link #source()} says which, for the report.
 */
record BenchData(float[] x, int[] labels, int n, String source) {

    static final int FEATURES = 784;
    static final int CLASSES = 10;

    static BenchData load(Path dir, int n, long seed) {
        try {
            Dataset d = dir == null ? IdxDataset.FASHION_MNIST.load(IdxSplit.TRAIN)
                    : IdxDataset.FASHION_MNIST.load(dir, IdxSplit.TRAIN);
            int rows = Math.min(n, d.size());
            float[] x = Arrays.copyOf(d.features(), rows * FEATURES);
            int[] y = Arrays.copyOf(d.labels(), rows);
            if (rows == n) {
                return new BenchData(x, y, n, "fashion-mnist (first " + n + " training samples)");
            }
        } catch (IOException | RuntimeException e) {
            return random(n, seed, "random [" + n + ", 784] data, seed " + seed + " (fashion-mnist not loaded: "
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return random(n, seed, "random [" + n + ", 784] data, seed " + seed + " (fashion-mnist has fewer rows)");
    }

    private static BenchData random(int n, long seed, String why) {
        Random rng = new Random(seed);
        float[] x = new float[n * FEATURES];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(CLASSES);
        }
        return new BenchData(x, y, n, why);
    }

    /** The first {@code rows} samples' features (a copy). */
    float[] features(int rows) {
        return Arrays.copyOf(x, rows * FEATURES);
    }

    /** The first {@code rows} labels as floats, the class-index target form the Trainer takes. */
    float[] labelsAsFloats(int rows) {
        float[] f = new float[rows];
        for (int i = 0; i < rows; i++) {
            f[i] = labels[i];
        }
        return f;
    }

    /** The first {@code rows} labels one-hot, [rows, 10] (the MSE target of the notes' loop). */
    float[] oneHot(int rows) {
        float[] f = new float[rows * CLASSES];
        for (int i = 0; i < rows; i++) {
            f[i * CLASSES + labels[i]] = 1f;
        }
        return f;
    }
}
