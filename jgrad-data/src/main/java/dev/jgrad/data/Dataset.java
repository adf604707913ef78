package dev.jgrad.data;

import dev.jgrad.tensor.Tensor;
import dev.jgrad.random.Shuffle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An in-memory dataset: {@code size} rows of {@code numFeatures} float features (row-major), and either an int
 * class label per row (classification, labels in {@code 0..numClasses-1}) or a float target per row (regression).
 *
 * <p>Immutable. The factories take ownership of the arrays they are given instead of copying them, because a
 * copy of Fashion-MNIST's training images is 188 MB; callers must not modify them afterwards. Accessors that
 * return arrays return copies.
 */
public final class Dataset {

    private final float[] features;
    private final int size;
    private final int numFeatures;
    private final int[] labels;
    private final float[] targets;
    private final List<String> classNames;
    private final List<String> featureNames;

    private Dataset(float[] features, int numFeatures, int[] labels, float[] targets, List<String> classNames,
            List<String> featureNames) {
        Objects.requireNonNull(features, "features");
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("Dataset: numFeatures must be > 0, got " + numFeatures);
        }
        if (features.length % numFeatures != 0) {
            throw new IllegalArgumentException("Dataset: features length " + features.length
                    + " is not a multiple of numFeatures " + numFeatures);
        }
        this.features = features;
        this.numFeatures = numFeatures;
        this.size = features.length / numFeatures;
        this.labels = labels;
        this.targets = targets;
        this.classNames = List.copyOf(classNames);
        int rows = labels != null ? labels.length : targets.length;
        if (rows != size) {
            throw new IllegalArgumentException("Dataset: " + size + " feature rows (" + features.length + " / "
                    + numFeatures + ") but " + rows + (labels != null ? " labels" : " targets"));
        }
        if (labels != null) {
            if (classNames.isEmpty()) {
                throw new IllegalArgumentException("Dataset: a classification dataset needs class names");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= classNames.size()) {
                    throw new IllegalArgumentException("Dataset: label " + labels[i] + " at row " + i
                            + " is outside 0.." + (classNames.size() - 1));
                }
            }
        }
        if (featureNames == null) {
            List<String> names = new ArrayList<>(numFeatures);
            for (int j = 0; j < numFeatures; j++) {
                names.add("x" + (j + 1));
            }
            this.featureNames = Collections.unmodifiableList(names);
        } else {
            if (featureNames.size() != numFeatures) {
                throw new IllegalArgumentException("Dataset: " + featureNames.size() + " feature names for "
                        + numFeatures + " features");
            }
            this.featureNames = List.copyOf(featureNames);
        }
    }

    /**
     * A classification dataset; takes ownership of {@code features} and {@code labels}.
     *
     * @param features   {@code n * numFeatures} values, row-major
     * @param labels     {@code n} class indices in {@code 0..classNames.size()-1}
     * @param classNames display name of each class index
     */
    public static Dataset classification(float[] features, int numFeatures, int[] labels, List<String> classNames) {
        return new Dataset(features, numFeatures, Objects.requireNonNull(labels, "labels"), null, classNames, null);
    }

    /** A regression dataset with one target per row; takes ownership of the arrays. */
    public static Dataset regression(float[] features, int numFeatures, float[] targets) {
        return new Dataset(features, numFeatures, null, Objects.requireNonNull(targets, "targets"), List.of(), null);
    }

    /**
     * A classification dataset from a 2-D {@code [n, d]} feature tensor (its values are copied).
     */
    public static Dataset classification(Tensor features, int[] labels, List<String> classNames) {
        int[] shape = features.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("Dataset.classification: features must be 2-D [n, d], got shape "
                    + Arrays.toString(shape));
        }
        return classification(features.toArray(), shape[1], labels.clone(), classNames);
    }

    /** A regression dataset from a 2-D {@code [n, d]} feature tensor and a {@code [n]} or {@code [n, 1]} target tensor. */
    public static Dataset regression(Tensor features, Tensor targets) {
        int[] shape = features.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("Dataset.regression: features must be 2-D [n, d], got shape "
                    + Arrays.toString(shape));
        }
        int[] ts = targets.shape();
        if (!(ts.length == 1 || (ts.length == 2 && ts[1] == 1))) {
            throw new IllegalArgumentException("Dataset.regression: targets must be [n] or [n, 1], got shape "
                    + Arrays.toString(ts));
        }
        return regression(features.toArray(), shape[1], targets.toArray());
    }

    /** The same data with column names (CSV headers); default names are {@code x1..xd}. */
    public Dataset withFeatureNames(List<String> names) {
        return new Dataset(features, numFeatures, labels, targets, classNames, names);
    }

    /** Number of rows. */
    public int size() {
        return size;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public boolean isRegression() {
        return labels == null;
    }

    /** Number of classes, 0 for regression. */
    public int numClasses() {
        return classNames.size();
    }

    /** Class names indexed by label (empty for regression). */
    public List<String> classNames() {
        return classNames;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** One feature value. */
    public float feature(int row, int column) {
        Objects.checkIndex(row, size);
        Objects.checkIndex(column, numFeatures);
        return features[row * numFeatures + column];
    }

    /** A copy of one row's features. */
    public float[] row(int row) {
        Objects.checkIndex(row, size);
        return Arrays.copyOfRange(features, row * numFeatures, (row + 1) * numFeatures);
    }

    /** A copy of all features, {@code size * numFeatures}, row-major. */
    public float[] features() {
        return features.clone();
    }

    /** A copy of the class labels. */
    public int[] labels() {
        requireClassification("labels");
        return labels.clone();
    }

    /** One class label. */
    public int label(int row) {
        requireClassification("label");
        return labels[row];
    }

    /** A copy of the regression targets. */
    public float[] targets() {
        if (labels != null) {
            throw new IllegalStateException("Dataset: targets() on a classification dataset; use labels()");
        }
        return targets.clone();
    }

    /** Labels as a one-hot matrix, {@code size * numClasses}, row-major. */
    public float[] oneHotLabels() {
        requireClassification("oneHotLabels");
        int k = classNames.size();
        float[] out = new float[size * k];
        for (int i = 0; i < size; i++) {
            out[i * k + labels[i]] = 1f;
        }
        return out;
    }

    /** Features as a {@code [size, numFeatures]} tensor (a copy). */
    public Tensor featuresTensor() {
        return Tensor.of(features, size, numFeatures);
    }

    /**
     * Features as a {@code [size, numFeatures]} tensor over this dataset's own array, without a copy: for code
     * that only reads them, as {@code Trainer.fit} and evaluation do (Fashion-MNIST's training images are 188 MB
     * of float32; {@link #featuresTensor()} holds them twice). Writing to it would change this dataset.
     */
    public Tensor featuresView() {
        return Tensor.wrap(features, size, numFeatures);
    }

    /** Class indices as a float {@code [size]} tensor, the target form of a cross-entropy loss. */
    public Tensor labelsTensor() {
        requireClassification("labelsTensor");
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = labels[i];
        }
        return Tensor.of(v, size);
    }

    /** One-hot labels as a {@code [size, numClasses]} tensor. */
    public Tensor oneHotTensor() {
        return Tensor.of(oneHotLabels(), size, classNames.size());
    }

    /** Regression targets as a {@code [size, 1]} tensor, matching a one-output network's predictions. */
    public Tensor targetsTensor() {
        if (labels != null) {
            throw new IllegalStateException("Dataset: targetsTensor() on a classification dataset; use labelsTensor()");
        }
        return Tensor.of(targets, size, 1);
    }

    /** Rows per class, indexed by label. */
    public int[] classCounts() {
        requireClassification("classCounts");
        int[] counts = new int[classNames.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** The rows {@code indices} (in that order; repeats allowed) as a new dataset. */
    public Dataset subset(int[] indices) {
        float[] f = new float[indices.length * numFeatures];
        int[] l = labels == null ? null : new int[indices.length];
        float[] t = targets == null ? null : new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= size) {
                throw new IndexOutOfBoundsException("Dataset.subset: index " + r + " at position " + i
                        + " is outside 0.." + (size - 1));
            }
            System.arraycopy(features, r * numFeatures, f, i * numFeatures, numFeatures);
            if (l != null) {
                l[i] = labels[r];
            } else {
                t[i] = targets[r];
            }
        }
        return new Dataset(f, numFeatures, l, t, classNames, featureNames);
    }

    /** The same columns with new feature values (same shape); used by {@link Scaler#transform(Dataset)}. */
    Dataset withFeatures(float[] newFeatures) {
        return new Dataset(newFeatures, numFeatures, labels, targets, classNames, featureNames);
    }

    /** Backing array for readers in this package (DataLoader, Scaler); never handed out. */
    float[] featuresRef() {
        return features;
    }

    int[] labelsRef() {
        return labels;
    }

    float[] targetsRef() {
        return targets;
    }

    /**
     * Shuffles the rows with {@code seed} and cuts them into consecutive parts.
     *
     * <p>Exact sizes: with {@code c_i} the cumulative sum of the first {@code i+1} fractions, part {@code i} ends
     * at row {@code Math.round(size * c_i)} of the shuffled order, and the last part always ends at {@code size}.
     * So 80/10/10 of 1000 rows gives 800/100/100, of 10 rows 8/1/1, of 5 rows 4/1/0. Every row lands in exactly
     * one part.
     *
     * @param fractions non-negative, summing to 1 (within 1e-6)
     */
    public List<Dataset> split(long seed, double... fractions) {
        List<Dataset> parts = new ArrayList<>(fractions.length);
        for (int[] rows : splitRows(size, seed, fractions)) {
            parts.add(subset(rows));
        }
        return List.copyOf(parts);
    }

    /**
     * The rows of each part of {@link #split} for a dataset of {@code size} rows: part {@code i} is
     * {@code subset(splitRows(size, seed, fractions)[i])}. Distributed training uses it to read a split's rows from
     * the file, in the same order, without loading the dataset.
     */
    public static int[][] splitRows(int size, long seed, double... fractions) {
        int[] bounds = splitBounds(size, fractions);
        int[] order = shuffledIndices(size, seed);
        int[][] parts = new int[fractions.length][];
        int start = 0;
        for (int i = 0; i < bounds.length; i++) {
            parts[i] = Arrays.copyOfRange(order, start, bounds[i]);
            start = bounds[i];
        }
        return parts;
    }

    /** The notes' 80% train / 10% validation / 10% test split. */
    public DatasetSplits trainValidationTest(long seed) {
        return trainValidationTest(0.8, 0.1, seed);
    }

    /** Train / validation / test with the test part taking the remaining {@code 1 - train - validation}. */
    public DatasetSplits trainValidationTest(double train, double validation, long seed) {
        List<Dataset> parts = split(seed, train, validation, Math.max(0, 1 - train - validation));
        return new DatasetSplits(parts.get(0), parts.get(1), parts.get(2));
    }

    /** Part end rows for {@link #split}; package-visible for tests. */
    static int[] splitBounds(int n, double... fractions) {
        if (fractions.length == 0) {
            throw new IllegalArgumentException("split: need at least one fraction");
        }
        double sum = 0;
        int[] bounds = new int[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            double f = fractions[i];
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("split: fraction " + i + " is " + f + ", expected 0..1 in "
                        + Arrays.toString(fractions));
            }
            sum += f;
            bounds[i] = (int) Math.min(n, Math.round(n * sum));
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("split: fractions " + Arrays.toString(fractions) + " sum to " + sum
                    + ", expected 1");
        }
        bounds[bounds.length - 1] = n;
        return bounds;
    }

    /** A seeded Fisher-Yates permutation of {@code 0..n-1}. */
    static int[] shuffledIndices(int n, long seed) {
        return Shuffle.permutation(n, new SplittableRandom(seed));
    }

    private void requireClassification(String what) {
        if (labels == null) {
            throw new IllegalStateException("Dataset: " + what + "() on a regression dataset; use targets()");
        }
    }

    @Override
    public String toString() {
        return "Dataset[size=" + size + ", numFeatures=" + numFeatures
                + (labels == null ? ", regression" : ", classes=" + classNames) + "]";
    }
}
