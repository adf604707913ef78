/**
 * Datasets for training: {@link dev.jgrad.data.Dataset} (row-major float features with class labels or
 * regression targets), seeded splits, the feature {@link dev.jgrad.data.Scaler} and {@link dev.jgrad.data.DataFormatException}, the one exception both file
 * readers ({@code dev.jgrad.data.idx}, {@code dev.jgrad.data.csv}) throw for bad content.
 *
 * <p>Everything here works on plain arrays so it can be used without touching the tensor engine; the
 * {@code ...Tensor()} methods wrap those arrays for the engine when needed; mini-batches of them come from
 * {@code dev.jgrad.train.DataLoader} (jgrad-nn), the one the {@code Trainer} batches with:
 * {@code new DataLoader(d.featuresTensor(), d.labelsTensor(), 128).shuffle(seed)}. Every random choice takes an
 * explicit seed.
 */
package dev.jgrad.data;
