/**
 * Tools around autograd: {@link dev.jgrad.autograd.GradCheck} (centered differences, per-variable error report)
 * and {@link dev.jgrad.autograd.Graph} (any small graph as text, DOT or SVG with each node's value and gradient).
 */
package dev.jgrad.autograd;
