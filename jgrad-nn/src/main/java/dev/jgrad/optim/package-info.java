/**
 * Optimizers that update parameters in place from their gradients (SGD with momentum/Nesterov/weight decay,
 * AdaGrad, RMSProp, Adam, AdamW), learning-rate schedules ({@link dev.jgrad.optim.LrSchedule}), and two
 * derivative-free baselines from the lecture notes: {@link dev.jgrad.optim.RandomSearch} and
 * {@link dev.jgrad.optim.CoordinateDescent}.
 *
 * <p>Optimizers loop over {@code float[]} directly and allocate their state once, in the constructor.
 */
package dev.jgrad.optim;
