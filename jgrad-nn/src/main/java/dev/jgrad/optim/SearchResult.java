package dev.jgrad.optim;

/**
 * The outcome of a derivative-free search: the loss before and after, how many iterations ran, how many times the
 * loss was evaluated, and how many candidate moves were kept.
 */
public record SearchResult(double initialLoss, double bestLoss, int iterations, int evaluations, int improvements) {
}
