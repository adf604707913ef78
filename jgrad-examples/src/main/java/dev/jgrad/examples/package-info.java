/**
 * The lecture notes' worked examples, runnable: {@link dev.jgrad.examples.SeedGraph} builds each small graph,
 * {@link dev.jgrad.examples.WorkedExamples} prints their values and gradients.
 */
package dev.jgrad.examples;
