package dev.jgrad.backend.blas;

import dev.jgrad.backend.Kernels;
import dev.jgrad.backend.KernelsContractTest;
import dev.ludovic.netlib.blas.NativeBLAS;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;

/**
 * Every product through the native sgemm (threshold 0), so each shape, transpose form, offset and leading
 * dimension of the shared contract checks the row-major to column-major mapping.
 */
@AddLifecycleHook(value = SkipWithoutNativeBlas.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class NativeGemmContractTest extends KernelsContractTest {

    @Override
    protected Kernels kernels() {
        Kernels delegate = NativeBlas.kernels().delegate(); // skips (or fails under CI) without a native BLAS
        return new BlasKernels(NativeBLAS.getInstance(), delegate, 0, "test");
    }
}
