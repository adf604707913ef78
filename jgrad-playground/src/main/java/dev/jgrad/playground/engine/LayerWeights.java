package dev.jgrad.playground.engine;

/** One Linear layer's parameters: {@code w[to][from]} and {@code b[to]}, as the page draws its links. */
public record LayerWeights(float[][] w, float[] b) {}
