package dev.jgrad.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Cuts a {@link Dataset} into mini-batches, one epoch at a time.
 *
 * <p>The row order of epoch {@code e} is a pure function of {@code (seed, e)}: epochs can be replayed or skipped
 * without iterating the earlier ones, and two loaders with the same seed agree. Without shuffling the order is
 * the dataset's own. The last, smaller batch is kept unless {@code dropLast}.
 */
public final class DataLoader {

    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final long seed;

    public DataLoader(Dataset data, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        this.data = Objects.requireNonNull(data, "data");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("DataLoader: batchSize must be > 0, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.seed = seed;
    }

    /** Shuffling, keeping the last partial batch. */
    public DataLoader(Dataset data, int batchSize, long seed) {
        this(data, batchSize, true, false, seed);
    }

    public Dataset dataset() {
        return data;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch: {@code floor(n / b)} with dropLast, else {@code ceil(n / b)}. */
    public int numBatches() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The dataset row order of {@code epoch}. */
    public int[] order(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
        }
        int n = data.size();
        if (!shuffle) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        return Dataset.shuffledIndices(n, epochSeed(seed, epoch));
    }

    /** The batches of {@code epoch} (0-based), lazily materialised. */
    public Iterable<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        int count = numBatches();
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: epoch has " + count + " batches");
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, order.length);
                next++;
                return batch(order, from, to);
            }
        };
    }

    private Batch batch(int[] order, int from, int to) {
        int d = data.numFeatures();
        int size = to - from;
        float[] src = data.featuresRef();
        float[] features = new float[size * d];
        int[] indices = new int[size];
        int[] srcLabels = data.labelsRef();
        float[] srcTargets = data.targetsRef();
        int[] labels = srcLabels == null ? null : new int[size];
        float[] targets = srcTargets == null ? null : new float[size];
        for (int i = 0; i < size; i++) {
            int r = order[from + i];
            indices[i] = r;
            System.arraycopy(src, r * d, features, i * d, d);
            if (labels != null) {
                labels[i] = srcLabels[r];
            } else {
                targets[i] = srcTargets[r];
            }
        }
        return new Batch(features, size, d, labels, targets, indices);
    }

    /** SplitMix64 finaliser over (seed, epoch), so neighbouring epochs get unrelated streams. */
    static long epochSeed(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
