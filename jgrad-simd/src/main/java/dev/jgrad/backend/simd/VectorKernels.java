package dev.jgrad.backend.simd;

import dev.jgrad.backend.GemmThreads;
import dev.jgrad.backend.Kernels;
import dev.jgrad.backend.ReferenceKernels;
import dev.jgrad.backend.WorkerPool;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the JDK Vector API with the preferred species (16 floats with AVX-512): a packed,
 * register-tiled GEMM ({@link VectorGemm}) on up to {@link GemmThreads#threads()} threads, and vector loops
 * with a scalar tail for everything else. Create it only through {@link VectorKernelProvider}, which checks
 * that the {@code jdk.incubator.vector} module is present first.
 *
 * <p>Numerics differ from {@link ReferenceKernels} only where the contract allows: GEMM, sums and dot products
 * accumulate in float with fused multiply-adds in a different order, axpy is fused, and exp/tanh use the
 * JDK's vector math; the smooth activations (GELU, SiLU, ELU, Mish) are {@link VectorActivations}. Measured against {@link ReferenceKernels} over 4M inputs in [-20, 20] and near zero
 * (JDK 17.0.15 and 25.0.3, AVX-512): exp and tanh at most 1 ulp, sigmoid at most 2 ulps (2.3e-7 relative);
 * the contract test allows max(1e-6 relative, 4 ulps).
 */
public final class VectorKernels implements Kernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public String describe() {
        return "simd (" + vectorBits() + "-bit vectors, " + VectorGemm.ALIGNMENT.description() + ")";
    }

    /** The vector width in bits, for logs and benchmark tables. */
    public static int vectorBits() {
        return S.vectorBitSize();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m <= SMALL_M && !transA && m > 0 && n > 0 && k > 0) {
            // Never cut into row bands (rowUnit SMALL_M): each thread reads its own rows (NT) or columns (NN) of B.
            GemmThreads.gemm(SmallRowsGemm::gemm, GemmThreads.threads(), SMALL_PARALLEL_MIN_MACS, SMALL_M, 16,
                    false, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (L == FewRowsNtGemm.L && m <= FewRowsNtGemm.MAX_M && !transA && transB && m > 0 && n > 0 && k > 0) {
            // A batch of up to 11 rows through [out, in] weights: dot products of stored rows beat packing all of B.
            // Row unit MAX_M: always a column cut, so each thread reads only its own rows of B.
            GemmThreads.gemm(FewRowsNtGemm::gemm, GemmThreads.threads(), SMALL_PARALLEL_MIN_MACS,
                    FewRowsNtGemm.MAX_M, 16, false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (L == SmallBatchNtGemm.L && SmallBatchNtGemm.routes(m) && !transA && transB && n > 0 && k > 0) {
            // A batch of 12-16 or 29-32 rows through [out, in] weights: C^T = W X^T with W read where it is stored.
            // Row unit MAX_M: always a column cut, so each thread reads only its own rows of W.
            GemmThreads.gemm(SmallBatchNtGemm::gemm, GemmThreads.threads(), SmallBatchNtGemm.MAX_M, 16,
                    false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (L == StridedTile.L && !transA && transB && FewColumnsNtGemm.routes(m, n, k, GemmThreads.threads())) {
            // A batch through a layer of at most 16 outputs (a classifier's last layer): the packed paths pack all of
            // X for at most 16 multiply-adds per element; this streams X once as stored. Row bands on two threads
            // from SKINNY_PARALLEL_MIN_MACS (each element's sum does not depend on the band).
            GemmThreads.gemm(FewColumnsNtGemm::gemm, GemmThreads.threads(), SKINNY_PARALLEL_MIN_MACS,
                    StridedTile.ROWS_MR, StridedTile.NR, false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                    beta, c, cOff, ldc);
            return;
        }
        if (L == StridedTile.L && transA && !transB && FewRowsTnGemm.routes(m, n, k)) {
            // The weight gradient of a layer of at most 16 outputs (dW = dY^T X): C stays in registers over the
            // batch, dY and X read as stored (the packed path kept it on one thread, packing all of X). Column bands
            // on two threads from SKINNY_PARALLEL_MIN_MACS.
            GemmThreads.gemm(FewRowsTnGemm::gemm, GemmThreads.threads(), SKINNY_PARALLEL_MIN_MACS,
                    FewRowsTnGemm.MAX_M, StridedTile.NR, true, false, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                    beta, c, cOff, ldc);
            return;
        }
        int threads = GemmThreads.threads();
        if ((threads == 1 || (long) m * n * k < GemmThreads.PARALLEL_MIN_MACS) && !transA && transB
                && RowPanelNtGemm.routes(m, n, k)) {
            // On one thread (one in the JVM, or a product too small to split: below the threshold both paths below
            // keep it on the caller), a batch of up to 128 rows through [out, in] weights, C one column block: X's
            // rows packed by copies, not interleaved value by value.
            WorkerPool.keepAwake();
            RowPanelNtGemm.gemm(false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (m < MIN_PARALLEL_ROWS) {
            // Too few rows of C for two threads: a column cut has each pack all of op(A), and 10 x 128 at k = 1024
            // (the last layer's weight gradient at batch 1024) took 1 / 0.74 as long on two threads as on one.
            WorkerPool.keepAwake();
            VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (SharedPackGemm.fits(threads, m, n, k)) {
            // Row bands from one shared packed op(B): each thread packs part of it instead of all of it.
            SharedPackGemm.gemm(threads, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                    ldc);
            return;
        }
        GemmThreads.gemm(VectorGemm::gemm, threads, VectorGemm.MR, VectorGemm.NR,
                transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * Products through the packed GEMM with fewer rows of C than this (two register tiles) stay on one thread; the
     * small-m kernels above cut B's columns instead and run on two from {@link #SMALL_PARALLEL_MIN_MACS}.
     */
    static final int MIN_PARALLEL_ROWS = 2 * VectorGemm.MR;

    /**
     * The skinny kernels ({@link FewColumnsNtGemm}, {@link FewRowsTnGemm}) run on two threads from this many
     * multiply-adds: measured with two threads in the JVM (SkinnyGemmAB, medians of per-round ratios against the
     * route before), the 10-output layer's products at batch 128 (164K) gained from the second thread (NT 1.15-1.41x
     * where one thread stays with {@link RowPanelNtGemm}; TN 1.66-1.80x against 1.47x on one), at batch 64 (82K) they
     * did not (TN 1.29-1.49x against 1.45-1.46x on one, NT 0.91x).
     */
    static final long SKINNY_PARALLEL_MIN_MACS = 128L * 1024;

    /** Up to this many rows of A, packing costs more than it saves: one sample's forward, for example. */
    static final int SMALL_M = 4;

    /**
     * Small-m products from this many multiply-adds run on two threads: they are bound by reading B, and with
     * a column cut each core reads its half of it (batch-1 784 x 256 layer: 800 KiB of weights).
     */
    static final long SMALL_PARALLEL_MIN_MACS = 32L * 1024;

    @Override
    public void reluBackward(float[] y, int yOff, float[] g, int gOff, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            // LE is false for NaN, as in the scalar contract: a NaN output keeps its gradient.
            VectorMask<Float> off = FloatVector.fromArray(S, y, yOff + i).compare(VectorOperators.LE, 0f);
            FloatVector.fromArray(S, g, gOff + i).blend(zero, off).intoArray(g, gOff + i);
        }
        for (; i < n; i++) {
            if (y[yOff + i] <= 0f) {
                g[gOff + i] = 0f;
            }
        }
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).add(FloatVector.fromArray(S, y, yOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void sub(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).sub(FloatVector.fromArray(S, y, yOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = x[xOff + i] - y[yOff + i];
        }
    }

    @Override
    public void mul(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(FloatVector.fromArray(S, y, yOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public void div(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).div(FloatVector.fromArray(S, y, yOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = x[xOff + i] / y[yOff + i];
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(av, FloatVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = alpha * x[xOff + i];
        }
    }

    @Override
    public void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.EXP).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = (float) Math.exp(x[xOff + i]);
        }
    }

    @Override
    public void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.TANH).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = (float) Math.tanh(x[xOff + i]);
        }
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            // e = exp(-|x|) never overflows; sigmoid is 1/(1+e) for x >= 0 and e/(1+e) below.
            FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
            FloatVector onePlus = e.add(1f);
            VectorMask<Float> negative = v.compare(VectorOperators.LT, 0f);
            FloatVector numerator = FloatVector.broadcast(S, 1f).blend(e, negative);
            numerator.div(onePlus).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = ReferenceKernels.sigmoid(x[xOff + i]);
        }
    }

    @Override
    public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            // Zero where x <= 0 rather than max(x, 0): NaN stays NaN (LE is false for it) and -0 becomes +0,
            // exactly as the reference.
            v.blend(zero, v.compare(VectorOperators.LE, 0f)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float v = x[xOff + i];
            out[outOff + i] = v <= 0f ? 0f : v;
        }
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1, float beta2,
                     float stepSize, float sqrtBias2, float eps, float decay) {
        VectorAdam.update(w, g, m, v, off, n, beta1, beta2, stepSize, sqrtBias2, eps, decay);
    }

    @Override
    public void gelu(float[] x, int xOff, float[] y, int yOff, int n) {
        VectorActivations.gelu(x, xOff, y, yOff, n);
    }

    @Override
    public void geluBackward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        VectorActivations.geluBackward(x, xOff, y, yOff, g, gOff, n);
    }

    @Override
    public void silu(float[] x, int xOff, float[] y, int yOff, int n) {
        VectorActivations.silu(x, xOff, y, yOff, n);
    }

    @Override
    public void siluBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        VectorActivations.siluBackward(x, xOff, g, gOff, n);
    }

    @Override
    public void elu(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        VectorActivations.elu(alpha, x, xOff, y, yOff, n);
    }

    @Override
    public void eluBackward(float alpha, float[] y, int yOff, float[] g, int gOff, int n) {
        VectorActivations.eluBackward(alpha, y, yOff, g, gOff, n);
    }

    @Override
    public void mish(float[] x, int xOff, float[] y, int yOff, int n) {
        VectorActivations.mish(x, xOff, y, yOff, n);
    }

    @Override
    public void mishBackward(float[] x, int xOff, float[] g, int gOff, int n) {
        VectorActivations.mishBackward(x, xOff, g, gOff, n);
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        // Two accumulators hide the add latency; the lanes are combined once at the end.
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        int i = 0;
        for (int bound = n - 2 * L; i <= bound; i += 2 * L) {
            s0 = s0.add(FloatVector.fromArray(S, x, xOff + i));
            s1 = s1.add(FloatVector.fromArray(S, x, xOff + i + L));
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, x, xOff + i));
        }
        float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += x[xOff + i];
        }
        return s;
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        return dotProduct(x, xOff, y, yOff, n);
    }

    /** {@link #dot}, for the other kernels of this package (two fma chains, then the tail in scalar fmas). */
    static float dotProduct(float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        int i = 0;
        for (int bound = n - 2 * L; i <= bound; i += 2 * L) {
            s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
            s1 = FloatVector.fromArray(S, x, xOff + i + L).fma(FloatVector.fromArray(S, y, yOff + i + L), s1);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
        }
        float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s = Math.fma(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    @Override
    public float max(float[] x, int xOff, int n) {
        // Lanewise MAX follows Math.max, so a NaN anywhere survives into the result.
        FloatVector mv = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            mv = mv.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, xOff + i));
        }
        float m = mv.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            m = Math.max(m, x[xOff + i]);
        }
        return m;
    }

    @Override
    public void addRowVector(float[] m, int mOff, int rows, int cols, float[] v, int vOff) {
        for (int r = 0; r < rows; r++) {
            add(m, mOff + r * cols, v, vOff, m, mOff + r * cols, cols);
        }
    }

    @Override
    public void sumRows(float[] m, int mOff, int rows, int cols, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            add(out, outOff, m, mOff + r * cols, out, outOff, cols);
        }
    }
}
