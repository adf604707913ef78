package dev.jgrad.backend.simd;

import dev.jgrad.backend.Kernels;
import dev.jgrad.backend.KernelsContractTest;

/** The Vector API kernels against the shared contract (tests run with --add-modules jdk.incubator.vector). */
class VectorKernelsContractTest extends KernelsContractTest {

    private static final Kernels KERNELS = new VectorKernels();

    @Override
    protected Kernels kernels() {
        return KERNELS;
    }
}
