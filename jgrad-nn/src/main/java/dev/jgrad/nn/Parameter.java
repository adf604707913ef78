package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.Arrays;

/**
 * A tensor that a {@link Module} learns: a leaf with {@code requiresGrad() == true} whose {@link #data()} the
 * optimizers update in place.
 */
public class Parameter extends Tensor {

    /** A parameter of the given shape over a copy of {@code values}. */
    public Parameter(float[] values, int... shape) {
        super(values.clone(), shape.clone());
        requiresGrad(true);
    }

    /** A zero-filled parameter of the given shape (initializers fill it afterwards). */
    public static Parameter zeros(int... shape) {
        long n = 1;
        for (int s : shape) {
            if (s <= 0) {
                throw new IllegalArgumentException("Parameter: every dimension must be > 0, got " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Parameter: shape " + Arrays.toString(shape) + " has too many elements");
        }
        return new Parameter(new float[(int) n], shape);
    }
}
