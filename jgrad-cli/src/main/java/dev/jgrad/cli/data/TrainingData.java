package dev.jgrad.cli.data;

import dev.jgrad.cli.InputException;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The parts training uses: train, validation (null when {@code --val-split 0}) and test (the source's own test
 * split, or a held-out part of it), with features scaled by a scaler fitted on the training part only;
 * {@code trainRows} are the source's rows that make the training part, in order (the Spark workers read them).
 */
public record TrainingData(Dataset train, Dataset validation, Dataset test, Scaler scaler, int[] trainRows) {

    /**
     * Cuts {@code data} into its parts. Consumes {@code data}'s training rows: when every row goes to a part they are
     * put in the order of the parts in place ({@link Dataset#permuteInPlace}) and the training part is the first of
     * them ({@link Dataset#firstRows}), not a copy.
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
        int[][] rows = partRows(source.size(), data.hasTestSet(), limit, valSplit, testSplit, seed);
        int n0 = rows[0].length;
        int n1 = rows[1].length;
        Dataset train;
        Dataset val;
        Dataset test;
        if (n0 + n1 + rows[2].length == source.size()) {
            // Every row has a part (no --limit): the loaded rows, this command's own, are put in the order train,
            // validation, test in place; validation and test are copied out (the smaller parts) and the training
            // part is the first rows of the same arrays, so Fashion-MNIST's training images are held once.
            int[] order = new int[source.size()];
            System.arraycopy(rows[0], 0, order, 0, n0);
            System.arraycopy(rows[1], 0, order, n0, n1);
            System.arraycopy(rows[2], 0, order, n0 + n1, rows[2].length);
            Dataset all = source.permuteInPlace(order);
            val = all.subset(IntStream.range(n0, n0 + n1).toArray());
            test = data.hasTestSet() ? data.test() : all.subset(IntStream.range(n0 + n1, order.length).toArray());
            train = all.firstRows(n0);
        } else {
            val = source.subset(rows[1]);
            test = data.hasTestSet() ? data.test() : source.subset(rows[2]);
            train = source.subset(rows[0]);
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
        return new TrainingData(train, val.size() == 0 ? null : val, test.size() == 0 ? null : test, scaler, rows[0]);
    }

    /**
     * Which rows of the training source (of {@code size} rows) make the training, validation and (without a test
     * set of its own) test parts, in order: {@link #prepare}'s cut, for readers that do not load the source (the
     * Spark workers read the training rows from the file themselves).
     */
    public static int[][] partRows(int size, boolean hasTestSet, int limit, double valSplit, double testSplit, long seed) {
        int[] picked = limit > 0 && limit < size ? firstOfPermutation(size, limit, seed) : null;
        int n = picked == null ? size : picked.length;
        int[][] parts = hasTestSet ? Dataset.splitRows(n, seed, 1 - valSplit, valSplit)
                : Dataset.splitRows(n, seed, 1 - valSplit - testSplit, valSplit, testSplit);
        int[][] out = {parts[0], parts[1], hasTestSet ? new int[0] : parts[2]};
        if (picked != null) {
            for (int[] part : out) {
                for (int i = 0; i < part.length; i++) {
                    part[i] = picked[part[i]];
                }
            }
        }
        return out;
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
