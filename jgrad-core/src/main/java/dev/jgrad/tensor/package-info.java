/**
 * The float32 {@link dev.jgrad.tensor.Tensor} and its ops. Each op class keeps every op's forward and its local
 * gradient rule side by side; {@link dev.jgrad.tensor.Tensor#backward()} is a topological sort and one loop.
 */
package dev.jgrad.tensor;
