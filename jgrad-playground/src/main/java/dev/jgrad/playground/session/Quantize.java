package dev.jgrad.playground.session;

import java.util.Base64;

/**
 * Heatmaps travel as base64 of one byte per cell: 10,000 cells are 13 KB of text instead of ~80 KB of JSON numbers,
 * which is what lets the page redraw every neuron 30 times a second.
 */
final class Quantize {
    private Quantize() {}

    /** Maps [-1, 1] to 0..255 (clamped; NaN becomes the midpoint). */
    static String signed(float[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) level((v[i] + 1) * 0.5f);
        return Base64.getEncoder().encodeToString(b);
    }

    /** Maps [0, 1] to 0..255 (clamped). */
    static String unit(float[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) level(v[i]);
        return Base64.getEncoder().encodeToString(b);
    }

    private static int level(float u) {
        if (Float.isNaN(u)) return 128;
        return Math.round(Math.max(0f, Math.min(1f, u)) * 255f);
    }
}
