package dev.jgrad.backend.blas;

import dev.jgrad.backend.Kernels;
import dev.jgrad.backend.KernelsContractTest;

/** The BLAS kernels as configured by default: small products in Java, the rest native. */
class BlasKernelsContractTest extends KernelsContractTest {

    @Override
    protected Kernels kernels() {
        return NativeBlas.kernels();
    }
}
