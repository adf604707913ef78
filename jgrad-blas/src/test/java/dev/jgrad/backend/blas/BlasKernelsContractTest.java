package dev.jgrad.backend.blas;

import dev.jgrad.backend.Kernels;
import dev.jgrad.backend.KernelsContractTest;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;

/** The BLAS kernels as configured by default: small products in Java, the rest native. */
@AddLifecycleHook(value = SkipWithoutNativeBlas.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class BlasKernelsContractTest extends KernelsContractTest {

    @Override
    protected Kernels kernels() {
        return NativeBlas.kernels();
    }
}
