/**
 * SIMD kernels on the JDK Vector API ({@code jdk.incubator.vector}): {@link dev.jgrad.backend.simd.VectorKernels}
 * (vector loops for the elementwise and reduction kernels, and the GEMM route), found by jgrad-core through
 * {@link dev.jgrad.backend.simd.VectorKernelProvider} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>The GEMM: {@code VectorGemm} (packing and the register-tiled micro-kernel: 6 x 4 vectors on 16 lanes, 6 x 2
 * on 8), {@code Transpose16} and {@code Transpose8} (the in-register transposes its packers use for
 * stored-transposed operands) and {@code PanelAlignment} (where the packed panels start so the kernel's loads are
 * 64-byte aligned). Threads come from jgrad-core's {@link dev.jgrad.backend.WorkerPool}: a large product on two
 * threads or more goes through {@code SharedPackGemm} (op(B) packed once, the threads packing parts of it, then
 * row bands of C computed from the shared panels), the rest through {@link dev.jgrad.backend.GemmThreads} (bands
 * that each run a serial GEMM). The measured alternative to the shared packing, one column band per thread with one
 * hand-off and no barrier, lives in the test sources ({@code ColumnBandGemm}, with its measurements).
 *
 * <p>Few rows skip packing, because packing all of W costs more than a small batch's work with it: up to four rows
 * (one sample's forward or input gradient) {@code SmallRowsGemm} streams B once; on 8 lanes, an NT product (a
 * batch through [out, in] weights) of 5-11 rows goes to {@code FewRowsNtGemm} (dot products of stored rows) and
 * of 12-16 or 29-32 rows to {@code SmallBatchNtGemm} (C^T = W X^T, W read where it is stored). On one thread, other
 * NT batches of up to 128 rows go to {@code RowPanelNtGemm} ({@code VectorGemm}'s blocking with X's rows packed by
 * copies). Each class says which measurements set its range.
 *
 * <p>Products with one side of at most 16 (a classifier's last layer, 10 outputs) skip packing the large operand too,
 * on 8 lanes, with the register tiles of {@code StridedTile}: an NT product of at most 16 columns and more than 128
 * rows (the forward, X W^T; 128 rows too when it is split on two threads) goes to {@code FewColumnsNtGemm} (X's stored
 * rows broadcast against W^T, the one thing copied), a TN product of at most 16 rows (the weight gradient dY^T X) to
 * {@code FewRowsTnGemm} (C in registers over all of k, dY's columns interleaved, X's stored rows loaded in place).
 * Both cut C into bands of whole rows (NT) or columns (TN) on two threads, so each element's sum is the same on any
 * thread count. The input gradient (NN, k = 10) stays on the packed path, which measured faster than the unpacked
 * kernel kept in the test sources ({@code ShallowNnGemm}).
 */
package dev.jgrad.backend.simd;
