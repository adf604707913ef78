/**
 * Loss functions: {@link dev.jgrad.nn.loss.Loss#apply} turns (prediction, target) into a scalar tensor to call
 * {@code backward()} on. Each is written with differentiable tensor ops, and the numerically delicate ones
 * (BCE on logits, cross-entropy) use the stable forms.
 */
package dev.jgrad.nn.loss;
