/**
 * SIMD kernels on the JDK Vector API ({@code jdk.incubator.vector}): {@link dev.jgrad.backend.simd.VectorKernels}
 * with a packed, register-tiled GEMM, found by jgrad-core through
 * {@link dev.jgrad.backend.simd.VectorKernelProvider} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 */
package dev.jgrad.backend.simd;
