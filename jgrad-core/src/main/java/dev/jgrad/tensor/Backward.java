package dev.jgrad.tensor;

/**
 * The local gradient rule of one op application: given the op's output (whose {@code grad()} holds dL/dout),
 * accumulate dL/dinput into each input that requires a gradient.
 */
@FunctionalInterface
interface Backward {
    void apply(Tensor out);
}
