package dev.jgrad.backend;

/** The plain-Java kernels against the shared contract. */
class JavaKernelsContractTest extends KernelsContractTest {

    private static final Kernels KERNELS = new JavaKernels();

    @Override
    protected Kernels kernels() {
        return KERNELS;
    }
}
