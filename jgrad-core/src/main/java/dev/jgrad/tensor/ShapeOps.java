package dev.jgrad.tensor;

import java.util.Arrays;

/** Ops that change how elements are laid out, not their values: reshape, transpose, row slices, copies. */
final class ShapeOps {

    private ShapeOps() {
    }

    /** A new shape with the same elements; one dimension may be -1 (inferred). A view when x is contiguous. */
    static Tensor reshape(Tensor x, int[] newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: more than one -1 in " + Shapes.str(newShape));
                }
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Shapes.str(newShape));
            } else {
                known *= s[i];
            }
        }
        int n = x.numel();
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: " + Shapes.str(x.shape) + " (" + n + " elements) cannot be viewed as "
                        + Shapes.str(newShape));
            }
            s[infer] = (int) (n / known);
        }
        if (Shapes.numel(s) != n) {
            throw new IllegalArgumentException("reshape: " + Shapes.str(x.shape) + " (" + n + " elements) cannot be viewed as "
                    + Shapes.str(newShape) + " (" + Shapes.numel(s) + " elements)");
        }
        Tensor src = x.isContiguous() ? x : copy(x);
        int[] oldShape = x.shape;
        return Tensor.view(src.data, src.offset, s, null, "reshape",
                y -> x.accumulateGrad(y.grad().reshape(oldShape)), src == x ? x : src);
    }

    /** Swaps two axes: a view with swapped strides. */
    static Tensor transpose(Tensor x, int a, int b) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException("transpose: needs at least 2 dimensions, got shape " + Shapes.str(x.shape));
        }
        int i = Shapes.axis("transpose", a, x.dim());
        int j = Shapes.axis("transpose", b, x.dim());
        int[] s = x.shape.clone();
        int[] st = x.strides.clone();
        s[i] = x.shape[j];
        s[j] = x.shape[i];
        st[i] = x.strides[j];
        st[j] = x.strides[i];
        return Tensor.view(x.data, x.offset, s, st, "transpose", y -> x.accumulateGrad(y.grad().transpose(i, j)), x);
    }

    /** Rows [from, to) of axis 0 as a view; the gradient lands in those rows only. */
    static Tensor rows(Tensor x, int from, int to) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("rows: a scalar has no rows");
        }
        if (from < 0 || to > x.shape[0] || from > to) {
            throw new IllegalArgumentException("rows: [" + from + ", " + to + ") out of range for shape " + Shapes.str(x.shape));
        }
        int[] s = x.shape.clone();
        s[0] = to - from;
        int rowLen = Shapes.numel(Arrays.copyOfRange(x.shape, 1, x.shape.length));
        return Tensor.view(x.data, x.offset + from * x.strides[0], s, x.strides.clone(), "rows", y -> {
            float[] gx = new float[x.numel()];
            float[] g = y.grad().toArray();
            System.arraycopy(g, 0, gx, from * rowLen, g.length);
            x.accumulateGrad(gx);
        }, x);
    }

    /** A contiguous copy; its gradient passes straight through. */
    static Tensor copy(Tensor x) {
        return Tensor.result(x.toArray(), x.shape, "copy", y -> x.accumulateGrad(y.grad()), x);
    }
}
