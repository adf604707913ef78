package dev.jgrad.spark;

import dev.jgrad.tensor.Tensor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of one source that an executor has read (scaled as the run says), by row index in the source. Each chunk of steps asks for the rows its
 * worker's shards need ({@link #ensure}); only the missing ones are read, so over the epochs an executor reads each
 * row at most once. Workers in the same executor JVM (local[N]) share it.
 */
final class RowCache {

    /** One cache per source and executor JVM. */
    private static final Map<String, RowCache> CACHES = new ConcurrentHashMap<>();

    private final RowSource source;
    private final dev.jgrad.data.Scaler scaler;
    private final float[][] features;
    private final int[] labels;
    private final float[][] targets;
    private int width;
    private int targetWidth;
    private long rowsRead;

    private RowCache(RowSource source, int rows, String scaler) {
        this.source = source;
        this.scaler = scaler == null ? null : dev.jgrad.data.Scaler.fromJson(scaler);
        this.features = new float[rows][];
        this.labels = new int[rows];
        this.targets = new float[rows][];
    }

    /** The cache of {@code source} ({@code rows} rows), its features scaled by {@code scaler} (JSON, or null). */
    static RowCache of(RowSource source, int rows, String scaler) {
        return CACHES.computeIfAbsent(source.describe() + "|" + rows + "|" + scaler, key -> new RowCache(source, rows, scaler));
    }

    /** Reads the rows of {@code wanted} (global indices, any order, repeats allowed) that are not here yet. */
    synchronized void ensure(int[] wanted, Map<String, String> hadoop) throws IOException {
        int[] missing = Arrays.stream(wanted).filter(r -> features[r] == null).sorted().distinct().toArray();
        if (missing.length == 0) {
            return;
        }
        RowBlock b = source.read(missing, hadoop);
        float[] x = scaler == null ? b.features() : scaler.transform(b.features());
        width = b.width();
        targetWidth = b.targetWidth();
        for (int i = 0; i < b.index().length; i++) {
            int r = b.index()[i];
            if (features[r] == null) {
                features[r] = Arrays.copyOfRange(x, i * width, (i + 1) * width);
                if (b.labels() != null) {
                    labels[r] = b.labels()[i];
                } else {
                    targets[r] = Arrays.copyOfRange(b.targets(), i * targetWidth, (i + 1) * targetWidth);
                }
                rowsRead++;
            }
        }
    }

    /** How many rows this executor has read of the source so far. */
    synchronized long rowsRead() {
        return rowsRead;
    }

    /** The features of the rows at positions {@code [from, to)} of {@code order}, as a {@code [to - from, width]} tensor. */
    Tensor features(int[] order, int from, int to) {
        float[] out = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(features[order[i]], 0, out, (i - from) * width, width);
        }
        return Tensor.wrap(out, to - from, width);
    }

    int label(int row) {
        return labels[row];
    }

    float[] targets(int row) {
        return targets[row];
    }

    int targetWidth() {
        return targetWidth;
    }
}
