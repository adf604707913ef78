package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

/** Hyperbolic tangent, elementwise; outputs in (-1, 1). Same shape in and out. */
public final class Tanh extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
