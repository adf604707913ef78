package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

/** Rectified linear unit: {@code max(0, x)}, elementwise. Same shape in and out. */
public final class ReLU extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
