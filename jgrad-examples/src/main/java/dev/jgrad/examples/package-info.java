/**
 * The lecture notes' worked examples, runnable, each printing the notes' numbers and each checked by a test:
 * {@link dev.jgrad.examples.SeedGraph} builds each small graph (also drawn by {@code jgrad graph} and the
 * playground's graph view), {@link dev.jgrad.examples.WorkedExamples} prints their values and gradients;
 * {@link dev.jgrad.examples.CoordinateDescentExample} (guessing and coordinate descent),
 * {@link dev.jgrad.examples.Derivatives} (f = xy and the table of derivatives),
 * {@link dev.jgrad.examples.SigmoidRegression} (the hand-worked partials),
 * {@link dev.jgrad.examples.GradientDescentSteps} (x^2 with alpha 0.3 and 1.5),
 * {@link dev.jgrad.examples.XorPerceptrons} (XOR from step units), {@link dev.jgrad.examples.XorMlp},
 * {@link dev.jgrad.examples.NumpyStyleLoop} (the plain loop with lr = 1e-5),
 * {@link dev.jgrad.examples.FiniteDifferences} (O(h) against O(h^2)),
 * {@link dev.jgrad.examples.PolarFeatures} ((r, theta) against (x1, x2)),
 * {@link dev.jgrad.examples.LossDerivatives} (the L1/Huber sign the notes get wrong) and
 * {@link dev.jgrad.examples.LogisticStep}. {@code docs/course.md} maps every section of the notes to them.
 */
package dev.jgrad.examples;
