/**
 * Optional kernels whose GEMM is the system's native BLAS: {@link dev.jgrad.backend.blas.BlasKernels} hands
 * products to {@code sgemm} (OpenBLAS on Debian, through the netlib JNI binding) and every other loop, and the
 * products too small to be worth a native call, to the best pure-Java kernels available.
 *
 * <p>{@link dev.jgrad.backend.blas.BlasKernelProvider} offers them under the name {@code blas} with a priority
 * below the Vector API kernels, so they are used when asked for ({@code -Djgrad.kernels=blas}) or when the
 * Vector API is off. jgrad never requires this module.
 */
package dev.jgrad.backend.blas;
