package dev.jgrad.tensor;

/**
 * The local gradient rule of one op application: given the op's output (whose {@code grad()} holds dL/dout),
 * accumulate dL/dinput into each input that requires a gradient. Public so a user's own op can carry its rule
 * ({@link Tensor#fromOp}).
 */
@FunctionalInterface
public interface Backward {
    void apply(Tensor out);
}
