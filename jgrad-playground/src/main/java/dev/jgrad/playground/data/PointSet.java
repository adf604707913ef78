package dev.jgrad.playground.data;

/**
 * 2D points with a label each: a class index 0..k-1 for classification, a target in [-1, 1] for regression.
 * Arrays are owned by the set; callers must not modify them.
 */
public record PointSet(float[] x1, float[] x2, float[] label, int numClasses, boolean regression) {
    public PointSet {
        if (x1.length != x2.length || x1.length != label.length)
            throw new IllegalArgumentException("PointSet: x1, x2, label lengths differ: "
                    + x1.length + ", " + x2.length + ", " + label.length);
    }

    public int size() {
        return x1.length;
    }

    /** The points at the given indices, in that order. */
    public PointSet select(int[] idx) {
        float[] a = new float[idx.length], b = new float[idx.length], l = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            a[i] = x1[idx[i]];
            b[i] = x2[idx[i]];
            l[i] = label[idx[i]];
        }
        return new PointSet(a, b, l, numClasses, regression);
    }

    /** This set followed by {@code more}. */
    public PointSet concat(PointSet more) {
        int n = size(), m = more.size();
        float[] a = java.util.Arrays.copyOf(x1, n + m), b = java.util.Arrays.copyOf(x2, n + m),
                l = java.util.Arrays.copyOf(label, n + m);
        System.arraycopy(more.x1, 0, a, n, m);
        System.arraycopy(more.x2, 0, b, n, m);
        System.arraycopy(more.label, 0, l, n, m);
        return new PointSet(a, b, l, numClasses, regression);
    }
}
