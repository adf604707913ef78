package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

/** Gaussian error linear unit {@code x * Phi(x)}, elementwise. Same shape in and out. */
public final class GELU extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.gelu();
    }
}
