/**
 * Seeded randomness shared by every layer of jgrad: the one Fisher-Yates shuffle behind sample orders (the
 * trainer's batches, data set splits, the playground's epochs, distributed workers), so the same generator state
 * gives the same order everywhere.
 */
package dev.jgrad.random;
