/**
 * The activation catalog: every elementwise activation is one {@link dev.jgrad.activation.ActivationFunction}
 * (its float64 value and derivative, its fused float32 kernels, its name with parameters such as
 * {@code leaky-relu:0.1}), listed once in {@link dev.jgrad.activation.Activations}. Tensor ops, layers, the
 * fused Linear+activation op, the command line, the playground and model files all read it.
 */
package dev.jgrad.activation;
