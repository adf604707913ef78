package dev.jgrad.backend;

/** Sanity check of the contract test itself: the reference must meet it trivially. */
class ReferenceKernelsContractTest extends KernelsContractTest {

    @Override
    protected Kernels kernels() {
        return new ReferenceKernels();
    }
}
