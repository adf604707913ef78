/**
 * The training loop: {@link dev.jgrad.train.Trainer} (mini-batches, seeded shuffling, validation, metrics,
 * divergence detection), {@link dev.jgrad.train.Callback}s (progress, early stopping, checkpoints, LR
 * scheduling), per-epoch {@link dev.jgrad.train.History} (CSV/JSON), and metrics
 * ({@link dev.jgrad.train.Metrics}, {@link dev.jgrad.train.ConfusionMatrix}).
 *
 * <p>Data comes in as tensors (features {@code [n, d]}, targets {@code [n]} class indices or {@code [n, k]}
 * values) and is batched by the one {@link dev.jgrad.train.DataLoader}, which the Trainer, a user's own loop and
 * the benchmarks share; so this package does not depend on jgrad-data (a {@code Dataset} hands its tensors over).
 */
package dev.jgrad.train;
