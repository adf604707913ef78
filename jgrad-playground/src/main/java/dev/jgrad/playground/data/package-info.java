/**
 * The playground's 2D points: generating them from the state, the train/test split, input features, the heatmap
 * grid and CSV in and out; and TensorFlow Playground's own points and weight draws for its links
 * ({@link dev.jgrad.playground.data.TfData} on {@link dev.jgrad.playground.data.SeedRandom}, its seeded stream).
 */
package dev.jgrad.playground.data;
