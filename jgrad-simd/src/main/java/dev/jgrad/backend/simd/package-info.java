/**
 * SIMD kernels on the JDK Vector API ({@code jdk.incubator.vector}): {@link dev.jgrad.backend.simd.VectorKernels}
 * (vector loops for the elementwise and reduction kernels), found by jgrad-core through
 * {@link dev.jgrad.backend.simd.VectorKernelProvider} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>The GEMM: {@code VectorGemm} (packing and the 6 x 4-vector register-tiled micro-kernel),
 * {@code Transpose16} (the in-register transpose its packers use for stored-transposed operands) and
 * {@code PanelAlignment} (where the packed panels start so the kernel's loads are 64-byte aligned). Threads come
 * from jgrad-core's {@link dev.jgrad.backend.WorkerPool}: a large product on two threads or more goes through
 * {@code SharedPackGemm} (op(B) packed once, the threads packing parts of it, then row bands of C computed from
 * the shared panels), the rest through {@link dev.jgrad.backend.GemmThreads} (bands that each run a serial GEMM). Products of up to four rows (one sample's forward or
 * input gradient) skip packing: {@code SmallRowsGemm} streams B once, in 16-row dot-product blocks for NT and
 * register-held column blocks for NN.
 */
package dev.jgrad.backend.simd;
