package dev.jgrad.playground.data;

import dev.jgrad.playground.state.Limits;

/**
 * The heatmap grid: {@code size x size} cell centres over [-6, 6]^2, row-major with the first row at the top
 * (x2 = +6), so the bytes map straight onto canvas pixels.
 */
public record Grid(int size, float[] x1, float[] x2) {

    public static Grid of(int size) {
        float[] a = new float[size * size], b = new float[size * size];
        double d = Limits.DOMAIN, step = 2 * d / size;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                a[r * size + c] = (float) (-d + (c + 0.5) * step);
                b[r * size + c] = (float) (d - (r + 0.5) * step);
            }
        }
        return new Grid(size, a, b);
    }

    public int cells() {
        return size * size;
    }
}
