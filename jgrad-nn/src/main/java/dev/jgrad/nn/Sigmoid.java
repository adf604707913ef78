package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

/** Logistic sigmoid {@code 1 / (1 + e^-x)}, elementwise; outputs in (0, 1). Same shape in and out. */
public final class Sigmoid extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
