/**
 * Hand-fused training steps: {@link dev.jgrad.nn.fused.FusedMlp} runs an MLP's forward and backward on the
 * kernels with reused buffers and no autograd graph, checked in tests against the autograd composition.
 */
package dev.jgrad.nn.fused;
