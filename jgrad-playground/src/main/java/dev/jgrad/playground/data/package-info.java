/**
 * The playground's 2D points: generating them from the state, the train/test split, input features, the heatmap
 * grid and CSV in and out.
 */
package dev.jgrad.playground.data;
