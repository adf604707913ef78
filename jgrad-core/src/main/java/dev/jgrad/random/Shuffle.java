package dev.jgrad.random;

import java.util.random.RandomGenerator;

/**
 * The seeded Fisher-Yates shuffle behind every sample order in jgrad (the Trainer's batches, data set splits, the
 * playground's epochs, the benchmarks): one implementation, so the same generator state gives the same order
 * everywhere. Walks from the last index down, swapping each with a uniformly drawn earlier-or-same index.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /** Shuffles {@code a} in place with draws from {@code rng}. */
    public static void inPlace(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A shuffled {@code 0..n-1}. */
    public static int[] permutation(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation of " + n + " elements: n must be >= 0");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        inPlace(order, rng);
        return order;
    }
}
