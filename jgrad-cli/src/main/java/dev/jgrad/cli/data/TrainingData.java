package dev.jgrad.cli.data;

import dev.jgrad.cli.InputException;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;

import java.util.List;
import java.util.Random;

/**
 * The parts training uses: train, validation (null when {@code --val-split 0}) and test (the source's own test
 * split, or a held-out part of it), with features scaled by a scaler fitted on the training part only.
 */
public record TrainingData(Dataset train, Dataset validation, Dataset test, Scaler scaler) {

    /**
     * Cuts {@code data} into its parts. Consumes {@code data}'s training rows: they are shuffled in place
     * ({@link Dataset#splitInPlace}), so that Fashion-MNIST's 188 MB of training images are not held twice.
     *
     * @param limit     at most this many rows of the training source are used (0 = all), picked at random by seed
     * @param valSplit  fraction of the training source held out for validation
     * @param testSplit fraction held out for the final test when the source has no test set
     * @param scaling   feature scaling fitted on the training part, or null for none
     * @param fitted    a scaler to apply as it is (a model trained further keeps its statistics), or null
     */
    public static TrainingData prepare(LoadedData data, int limit, double valSplit, double testSplit,
                                       Scaler.Kind scaling, Scaler fitted, long seed) {
        Dataset source = data.train();
        if (limit > 0 && limit < source.size()) {
            source = source.subset(firstOfPermutation(source.size(), limit, seed));
        }
        Dataset train;
        Dataset val;
        Dataset test;
        if (data.hasTestSet()) {
            List<Dataset> parts = source.splitInPlace(seed, 1 - valSplit, valSplit);
            train = parts.get(0);
            val = parts.get(1);
            test = data.test();
        } else {
            List<Dataset> parts = source.splitInPlace(seed, 1 - valSplit - testSplit, valSplit, testSplit);
            train = parts.get(0);
            val = parts.get(1);
            test = parts.get(2);
        }
        if (train.size() == 0) {
            throw new InputException("--data " + data.name() + ": no rows left for training (" + source.size()
                    + " rows, --val-split " + valSplit + (data.hasTestSet() ? "" : ", --test-split " + testSplit) + ")");
        }
        Scaler scaler = fitted;
        if (scaler == null && scaling != null && scaling != Scaler.Kind.NONE) {
            scaler = Scaler.fit(scaling, train);
        }
        if (scaler != null) {
            if (scaler.numFeatures() != train.numFeatures()) {
                throw new InputException("--data " + data.name() + ": " + train.numFeatures()
                        + " features but the model's scaler was fitted on " + scaler.numFeatures());
            }
            train = scaler.transform(train);
            val = val.size() == 0 ? val : scaler.transform(val);
            test = test.size() == 0 ? test : scaler.transform(test);
        }
        return new TrainingData(train, val.size() == 0 ? null : val, test.size() == 0 ? null : test, scaler);
    }

    private static int[] firstOfPermutation(int n, int k, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return java.util.Arrays.copyOf(order, k);
    }
}
