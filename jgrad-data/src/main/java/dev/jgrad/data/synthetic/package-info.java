/**
 * The two-dimensional toy datasets of the web playground, as pure functions of
 * {@code (shape, n, noise, seed)}.
 *
 * <p>The six playground sets ({@link dev.jgrad.data.synthetic.Shape2D#CIRCLE}, {@code XOR}, {@code GAUSS},
 * {@code SPIRAL}, {@code PLANE}, {@code MULTI_GAUSS}) follow TensorFlow Playground's {@code dataset.ts}
 * formula for formula: same radii, paddings, noise scaling and +1/-1 labels, with the label computed from the
 * noisy position while the stored point stays noise-free, exactly as the playground does. Only the random
 * source differs: a {@link java.util.SplittableRandom} seeded with the caller's seed, so the same arguments
 * always give the same points on every JVM.
 *
 * <p>{@code MOONS}, {@code CHECKERBOARD}, {@code SPIRALS} (k arms) and {@code BLOBS} (k Gaussians) are jgrad's
 * additions, scaled to the same [-6, 6] view and the same 0..0.5 noise range.
 */
package dev.jgrad.data.synthetic;
