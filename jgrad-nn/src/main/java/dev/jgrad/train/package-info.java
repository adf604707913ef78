/**
 * The training loop: {@link dev.jgrad.train.Trainer} (mini-batches, seeded shuffling, validation, metrics,
 * divergence detection), {@link dev.jgrad.train.Callback}s (progress, early stopping, checkpoints, LR
 * scheduling), per-epoch {@link dev.jgrad.train.History} (CSV/JSON), and metrics
 * ({@link dev.jgrad.train.Metrics}, {@link dev.jgrad.train.ConfusionMatrix}).
 *
 * <p>Data comes in as tensors (features {@code [n, d]}, targets {@code [n]} class indices or {@code [n, k]}
 * values), so this package does not depend on jgrad-data.
 */
package dev.jgrad.train;
