package dev.jgrad.data.synthetic;

import dev.jgrad.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A generated 2D point set: coordinates {@code (x1[i], x2[i])} and {@code label[i]}.
 *
 * <p>{@code label} holds +1/-1 for the binary sets (the playground's convention), 0..k-1 for the k-class sets and
 * the real-valued target for regression. {@code numClasses} is 2, k or 0 (regression). Arrays are owned by the
 * record: callers must not modify them; accessor copies would double the memory for every render of the
 * playground, so the record trusts its users instead.
 */
public record Points2D(float[] x1, float[] x2, float[] label, int numClasses, boolean regression) {

    public Points2D {
        Objects.requireNonNull(x1, "x1");
        Objects.requireNonNull(x2, "x2");
        Objects.requireNonNull(label, "label");
        if (x1.length != x2.length || x1.length != label.length) {
            throw new IllegalArgumentException("Points2D: x1, x2 and label lengths differ: "
                    + x1.length + ", " + x2.length + ", " + label.length);
        }
        if (regression != (numClasses == 0)) {
            throw new IllegalArgumentException("Points2D: numClasses must be 0 exactly for regression, got "
                    + numClasses + " with regression=" + regression);
        }
    }

    /** Number of points. */
    public int size() {
        return x1.length;
    }

    /** True for the +1/-1 sets. */
    public boolean binary() {
        return numClasses == 2 && !regression && isPlusMinusOne();
    }

    /**
     * Class indices for a classifier: +1 becomes 1 and -1 becomes 0 for the binary sets; k-class labels are
     * returned as they are.
     *
     * @throws IllegalStateException for a regression set
     */
    public int[] classIndices() {
        if (regression) {
            throw new IllegalStateException("Points2D: a regression set has no class indices");
        }
        int[] out = new int[label.length];
        boolean plusMinus = numClasses == 2 && isPlusMinusOne();
        for (int i = 0; i < label.length; i++) {
            out[i] = plusMinus ? (label[i] > 0 ? 1 : 0) : (int) label[i];
        }
        return out;
    }

    /** Maps a playground label (+1/-1) to a class index (1/0). */
    public static int toClassIndex(float plusMinusOneLabel) {
        return plusMinusOneLabel > 0 ? 1 : 0;
    }

    /** Row-major n x 2 features {@code [x1[0], x2[0], x1[1], x2[1], ...]}. */
    public float[] features() {
        float[] f = new float[2 * x1.length];
        for (int i = 0; i < x1.length; i++) {
            f[2 * i] = x1[i];
            f[2 * i + 1] = x2[i];
        }
        return f;
    }

    /**
     * As a {@link Dataset} with features {@code x1, x2}: class indices from {@link #classIndices()} with class
     * names {@code "-1", "+1"} for the binary sets and {@code "0".."k-1"} for k-class ones, or the regression
     * target.
     */
    public Dataset toDataset() {
        if (regression) {
            return Dataset.regression(features(), 2, label.clone());
        }
        List<String> names = new ArrayList<>();
        if (numClasses == 2 && isPlusMinusOne()) {
            names.add("-1");
            names.add("+1");
        } else {
            for (int c = 0; c < numClasses; c++) {
                names.add(Integer.toString(c));
            }
        }
        return Dataset.classification(features(), 2, classIndices(), names);
    }

    private boolean isPlusMinusOne() {
        for (float v : label) {
            if (v != 1f && v != -1f) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Points2D p
                && numClasses == p.numClasses
                && regression == p.regression
                && Arrays.equals(x1, p.x1)
                && Arrays.equals(x2, p.x2)
                && Arrays.equals(label, p.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(x1), Arrays.hashCode(x2), Arrays.hashCode(label), numClasses, regression);
    }

    @Override
    public String toString() {
        return "Points2D[n=" + size() + ", numClasses=" + numClasses + ", regression=" + regression + "]";
    }
}
