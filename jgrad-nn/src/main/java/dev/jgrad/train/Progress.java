package dev.jgrad.train;

/**
 * Where training is after a step: 1-based epoch (of {@code epochs}) and step (of {@code stepsPerEpoch}), the
 * global step count, the step's mini-batch loss and the throughput so far in this epoch.
 */
public record Progress(int epoch, int epochs, int step, int stepsPerEpoch, long globalStep, double loss,
                       double samplesPerSecond) {
}
