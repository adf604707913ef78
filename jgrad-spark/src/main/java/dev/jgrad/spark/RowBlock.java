package dev.jgrad.spark;

/**
 * Rows read from a {@link RowSource}: their global indices, features {@code [rows, width]} and either class labels
 * or target values ({@code [rows, targetWidth]}).
 */
record RowBlock(int[] index, float[] features, int width, int[] labels, float[] targets, int targetWidth) {
}
