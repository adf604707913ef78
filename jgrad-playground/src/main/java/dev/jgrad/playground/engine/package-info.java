/**
 * Training behind the playground: an {@link dev.jgrad.playground.engine.Engine} owns one network and its data, trains
 * it epoch by epoch and takes {@link dev.jgrad.playground.engine.Snapshot}s (losses, metrics, weights, and every
 * neuron's output over the heatmap grid). It knows nothing of HTTP or the page.
 */
package dev.jgrad.playground.engine;
