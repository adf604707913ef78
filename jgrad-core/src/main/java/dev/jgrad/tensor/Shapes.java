package dev.jgrad.tensor;

import java.util.Arrays;

/** Shape arithmetic: element counts, row-major strides, numpy broadcasting, and readable shape strings. */
public final class Shapes {

    private Shapes() {
    }

    /** The number of elements of a shape (1 for a scalar shape {@code []}). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + str(shape) + " has " + n + " elements, more than a Java array holds");
        }
        return (int) n;
    }

    /** Row-major (C-order) strides for a shape. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /** Checks a shape a user passed in: every dimension must be >= 0. */
    public static int[] checked(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + str(shape));
            }
        }
        return shape.clone();
    }

    /** The broadcast shape of two shapes under numpy rules, or an error naming the op and both shapes. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Strides that read a tensor of {@code shape}/{@code strides} as if it had the (larger) broadcast shape
     * {@code target}: broadcast dimensions get stride 0.
     */
    static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < target.length; i++) {
            if (i < lead) {
                out[i] = 0;
            } else {
                out[i] = shape[i - lead] == 1 && target[i] != 1 ? 0 : strides[i - lead];
            }
        }
        return out;
    }

    /** Normalizes a possibly negative axis for a tensor of rank {@code dim}. */
    public static int axis(String op, int axis, int dim) {
        int a = axis < 0 ? axis + dim : axis;
        if (a < 0 || a >= Math.max(dim, 1)) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for a tensor of rank " + dim);
        }
        return a;
    }

    /** A shape as users read it: {@code [32, 784]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
