package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * {@link RowSource#of} and {@link RowSource#ofFloats}: float rows read in place (for a tensor view, from one
 * contiguous copy).
 */
final class FloatRows implements RowSource {

    private final int n;
    private final int width;
    private final int[] shape;
    private final float[] values;

    FloatRows(Tensor t) {
        if (t == null || t.dim() == 0 || t.size(0) == 0) {
            throw new IllegalArgumentException("RowSource.of: need a tensor with a sample axis and at least one row, got "
                    + (t == null ? "null" : Arrays.toString(t.shape())));
        }
        this.n = t.size(0);
        this.shape = t.shape();
        this.values = t.values();
        this.width = values.length / n;
    }

    FloatRows(float[] values, int rows, int width) {
        if (values == null || rows <= 0 || width <= 0 || (long) rows * width > values.length) {
            throw new IllegalArgumentException("RowSource.ofFloats: need at least one row of width > 0 within the values,"
                    + " got " + rows + " rows of " + width + " in " + (values == null ? "null" : values.length + " values"));
        }
        this.n = rows;
        this.width = width;
        this.shape = new int[] {rows, width};
        this.values = values;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void gather(int[] order, int from, int count, float[] out) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(values, order[from + i] * width, out, i * width, width);
        }
    }
}
