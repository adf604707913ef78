/**
 * Layers and models: {@link dev.jgrad.nn.Module}, {@link dev.jgrad.nn.Parameter}, {@link dev.jgrad.nn.Linear},
 * activations as modules, {@link dev.jgrad.nn.Dropout}, {@link dev.jgrad.nn.Sequential}, the classic
 * {@link dev.jgrad.nn.Perceptron} learning rule and {@link dev.jgrad.nn.Regularization} penalties.
 *
 * <p>Like PyTorch's {@code torch.nn}: a module owns parameters and child modules, {@code forward} builds the
 * autograd graph, and parameters are named by their path ({@code "0.weight"}, {@code "0.bias"}, ...).
 * Every source of randomness is an explicit {@link java.util.Random}.
 */
package dev.jgrad.nn;
