package dev.jgrad.data;

import dev.jgrad.tensor.RowSource;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.random.Shuffle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An in-memory dataset: {@code size} rows of {@code numFeatures} float features (row-major), and either an int
 * class label per row (classification, labels in {@code 0..numClasses-1}) or a float target per row (regression).
 *
 * <p>The features are stored as float32 values or, for data that is bytes to begin with (image pixels), as one
 * unsigned byte per value with a 256-entry table of the float each byte stands for
 * ({@link #classification(byte[], float[], int, int[], List)}): Fashion-MNIST's training images are 47 MB so
 * instead of 188 MB. Every accessor returns the same floats either way; {@link #featureRows()} lets training read
 * the rows as stored, a batch at a time.
 *
 * <p>Immutable. The factories take ownership of the arrays they are given instead of copying them, because a
 * copy of Fashion-MNIST's training images is 188 MB; callers must not modify them afterwards. Accessors that
 * return arrays return copies.
 */
public final class Dataset {

    /** The float32 features, row-major; null when they are stored as {@link #bytes}. */
    private final float[] features;
    /** The features as unsigned bytes, row-major, byte {@code b} standing for {@code byteValues[b & 0xFF]}; or null. */
    private final byte[] bytes;
    private final float[] byteValues;
    private final int size;
    private final int numFeatures;
    private final int[] labels;
    private final float[] targets;
    private final List<String> classNames;
    private final List<String> featureNames;

    private Dataset(float[] features, int numFeatures, int[] labels, float[] targets, List<String> classNames,
            List<String> featureNames) {
        this(Objects.requireNonNull(features, "features"), null, null, numFeatures, -1, labels, targets, classNames,
                featureNames);
    }

    /**
     * @param size the number of rows, or -1 for all the arrays hold; a smaller one makes a dataset of the arrays'
     *             first {@code size} rows ({@link #firstRows})
     */
    private Dataset(float[] features, byte[] bytes, float[] byteValues, int numFeatures, int size, int[] labels,
            float[] targets, List<String> classNames, List<String> featureNames) {
        int length = features != null ? features.length : bytes.length;
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("Dataset: numFeatures must be > 0, got " + numFeatures);
        }
        if (length % numFeatures != 0) {
            throw new IllegalArgumentException("Dataset: features length " + length
                    + " is not a multiple of numFeatures " + numFeatures);
        }
        int stored = length / numFeatures;
        int rows = labels != null ? labels.length : targets.length;
        if (rows != stored) {
            throw new IllegalArgumentException("Dataset: " + stored + " feature rows (" + length + " / "
                    + numFeatures + ") but " + rows + (labels != null ? " labels" : " targets"));
        }
        if (bytes != null && byteValues.length != 256) {
            throw new IllegalArgumentException("Dataset: the byte value table needs 256 entries, one per byte value, got "
                    + byteValues.length);
        }
        this.features = features;
        this.bytes = bytes;
        this.byteValues = byteValues;
        this.numFeatures = numFeatures;
        this.size = size < 0 ? stored : size;
        this.labels = labels;
        this.targets = targets;
        this.classNames = List.copyOf(classNames);
        if (labels != null) {
            if (classNames.isEmpty()) {
                throw new IllegalArgumentException("Dataset: a classification dataset needs class names");
            }
            for (int i = 0; i < this.size; i++) {
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

    /**
     * A classification dataset whose features are unsigned bytes (image pixels), feature value
     * {@code byteValues[b & 0xFF]} for byte {@code b}; takes ownership of {@code features} and {@code labels}, copies
     * the 256-entry {@code byteValues}. A quarter of the memory of the same values as float32, with the same values.
     */
    public static Dataset classification(byte[] features, float[] byteValues, int numFeatures, int[] labels,
            List<String> classNames) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(byteValues, "byteValues");
        return new Dataset(null, features, byteValues.clone(), numFeatures, -1, Objects.requireNonNull(labels, "labels"),
                null, classNames, null);
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
        return new Dataset(features, bytes, byteValues, numFeatures, size, labels, targets, classNames, names);
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
        int i = row * numFeatures + column;
        return features != null ? features[i] : byteValues[bytes[i] & 0xFF];
    }

    /** A copy of one row's features. */
    public float[] row(int row) {
        Objects.checkIndex(row, size);
        return floats(row * numFeatures, (row + 1) * numFeatures);
    }

    /** A copy of all features, {@code size * numFeatures}, row-major. */
    public float[] features() {
        return floats(0, size * numFeatures);
    }

    /** Features {@code [from, to)} of the row-major array as new floats. */
    private float[] floats(int from, int to) {
        if (features != null) {
            return Arrays.copyOfRange(features, from, to);
        }
        float[] out = new float[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = byteValues[bytes[i] & 0xFF];
        }
        return out;
    }

    /** Whether the features are stored as bytes ({@link #classification(byte[], float[], int, int[], List)}). */
    public boolean featuresAreBytes() {
        return bytes != null;
    }

    /** A copy of the class labels. */
    public int[] labels() {
        requireClassification("labels");
        return Arrays.copyOf(labels, size);
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
        return Arrays.copyOf(targets, size);
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
        return Tensor.wrap(features(), size, numFeatures);
    }

    /**
     * Features as a {@code [size, numFeatures]} tensor over this dataset's own array, without a copy: for code
     * that only reads them, as evaluation does (Fashion-MNIST's training images are 188 MB of float32;
     * {@link #featuresTensor()} holds them twice). Writing to it would change this dataset. Features stored as
     * bytes have no float array: they are turned into a new one (training reads {@link #featureRows()} instead).
     */
    public Tensor featuresView() {
        return isWhole() && features != null ? Tensor.wrap(features, size, numFeatures) : featuresTensor();
    }

    /**
     * The feature rows as stored, for {@code Trainer.fit(RowSource, Tensor)}: float rows read in place, or byte
     * rows turned into floats one batch at a time, so training never holds the byte-stored set as float32.
     */
    public RowSource featureRows() {
        return features != null ? RowSource.ofFloats(features, size, numFeatures)
                : RowSource.ofUnsignedBytes(bytes, size, numFeatures, byteValues);
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
        return Tensor.of(Arrays.copyOf(targets, size), size, 1);
    }

    /** Rows per class, indexed by label. */
    public int[] classCounts() {
        requireClassification("classCounts");
        int[] counts = new int[classNames.size()];
        for (int i = 0; i < size; i++) {
            counts[labels[i]]++;
        }
        return counts;
    }

    /** The rows {@code indices} (in that order; repeats allowed) as a new dataset. */
    public Dataset subset(int[] indices) {
        float[] f = features == null ? null : new float[indices.length * numFeatures];
        byte[] by = bytes == null ? null : new byte[indices.length * numFeatures];
        int[] l = labels == null ? null : new int[indices.length];
        float[] t = targets == null ? null : new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= size) {
                throw new IndexOutOfBoundsException("Dataset.subset: index " + r + " at position " + i
                        + " is outside 0.." + (size - 1));
            }
            System.arraycopy(featureArray(), r * numFeatures, f != null ? f : by, i * numFeatures, numFeatures);
            if (l != null) {
                l[i] = labels[r];
            } else {
                t[i] = targets[r];
            }
        }
        return new Dataset(f, by, byteValues, numFeatures, -1, l, t, classNames, featureNames);
    }

    /**
     * {@link #subset subset(order)} for an {@code order} that is a permutation of all rows, without the copy: this
     * dataset's own arrays are reordered (one row of scratch memory) and it is returned. A copy of Fashion-MNIST's
     * training images is 188 MB; the loaded set beside its shuffled copy held 376 MB at once.
     *
     * <p>This dataset is consumed: afterwards its rows are in the new order, so the caller must own it (a dataset
     * it loaded, whose arrays nothing else holds) and not use it as the old one again.
     *
     * @throws IllegalArgumentException if {@code order} is not a permutation of {@code 0..size-1} (nothing changed)
     */
    public Dataset permuteInPlace(int[] order) {
        if (order.length != size) {
            throw new IllegalArgumentException("Dataset.permuteInPlace: " + order.length + " indices for " + size
                    + " rows; use subset for a part");
        }
        BitSet seen = new BitSet(size);
        for (int i = 0; i < size; i++) {
            int r = order[i];
            if (r < 0 || r >= size || seen.get(r)) {
                throw new IllegalArgumentException("Dataset.permuteInPlace: index " + r + " at position " + i
                        + (r < 0 || r >= size ? " is outside 0.." + (size - 1) : " repeats an earlier one")
                        + "; use subset for repeats");
            }
            seen.set(r);
        }
        // Row `to` takes row order[to], around each cycle of the permutation; the cycle's first row waits in `row`.
        Object all = featureArray();
        Object row = features != null ? new float[numFeatures] : new byte[numFeatures];
        BitSet placed = new BitSet(size);
        for (int first = 0; first < size; first++) {
            if (placed.get(first) || order[first] == first) {
                continue;
            }
            System.arraycopy(all, first * numFeatures, row, 0, numFeatures);
            int label = labels == null ? 0 : labels[first];
            float target = targets == null ? 0 : targets[first];
            int to = first;
            while (true) {
                placed.set(to);
                int from = order[to];
                if (from == first) {
                    System.arraycopy(row, 0, all, to * numFeatures, numFeatures);
                    if (labels != null) {
                        labels[to] = label;
                    } else {
                        targets[to] = target;
                    }
                    break;
                }
                System.arraycopy(all, from * numFeatures, all, to * numFeatures, numFeatures);
                if (labels != null) {
                    labels[to] = labels[from];
                } else {
                    targets[to] = targets[from];
                }
                to = from;
            }
        }
        return this;
    }

    /**
     * The first {@code rows} rows as a dataset over the same arrays, without a copy: after {@link #permuteInPlace}
     * has put the training rows first, the training part of a split. Like {@code permuteInPlace}, for a caller that
     * owns this dataset; the rows after the first {@code rows} stay in memory as long as the result does.
     */
    public Dataset firstRows(int rows) {
        if (rows < 0 || rows > size) {
            throw new IllegalArgumentException("Dataset.firstRows: " + rows + " rows of " + size);
        }
        return new Dataset(features, bytes, byteValues, numFeatures, rows, labels, targets, classNames, featureNames);
    }

    /** The same columns with new feature values (same shape); used by {@link Scaler#transform(Dataset)}. */
    Dataset withFeatures(float[] newFeatures) {
        boolean whole = isWhole();
        int[] l = labels == null || whole ? labels : Arrays.copyOf(labels, size);
        float[] t = targets == null || whole ? targets : Arrays.copyOf(targets, size);
        return new Dataset(newFeatures, numFeatures, l, t, classNames, featureNames);
    }

    /** Whether the arrays hold exactly this dataset's rows (not a {@link #firstRows} prefix of them). */
    private boolean isWhole() {
        return (features != null ? features.length : bytes.length) == size * numFeatures;
    }

    /**
     * The features as floats for readers in this package (Scaler): the backing array (never handed out), or for
     * byte-stored features a new float copy.
     */
    float[] featuresRef() {
        return features != null && isWhole() ? features : features();
    }

    /** The stored feature array, float[] or byte[], for row copies. */
    private Object featureArray() {
        return features != null ? features : bytes;
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
