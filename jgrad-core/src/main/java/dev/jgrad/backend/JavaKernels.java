package dev.jgrad.backend;

/**
 * Plain-Java kernels for any JVM: a cache-blocked GEMM (see {@link JavaGemm}) on up to
 * {@link GemmThreads#threads()} threads, and simple counted loops that C2 unrolls and vectorizes.
 *
 * <p>Reductions use several independent float accumulators: float addition is not associative, so C2 will
 * not vectorize a single-accumulator sum, and one chain would be bound by the add latency. The results can
 * therefore differ from {@link ReferenceKernels} (which sums in double) in the last bits.
 */
public final class JavaKernels implements Kernels {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m <= SmallRowsJavaGemm.MAX_ROWS && !transA && m > 0 && n > 0 && k > 0) {
            // Never cut into row bands (rowUnit MAX_ROWS): each thread reads its own rows (NT) or columns (NN) of B.
            GemmThreads.gemm(SmallRowsJavaGemm::gemm, GemmThreads.threads(), SmallRowsJavaGemm.PARALLEL_MIN_MACS,
                    SmallRowsJavaGemm.MAX_ROWS, 16, false, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                    beta, c, cOff, ldc);
            return;
        }
        GemmThreads.gemm(JavaGemm::gemm, GemmThreads.threads(), 4, 16,
                transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void sub(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] - y[yOff + i];
        }
    }

    @Override
    public void mul(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public void div(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] / y[yOff + i];
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = alpha * x[xOff + i];
        }
    }

    @Override
    public void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = (float) Math.exp(x[xOff + i]);
        }
    }

    @Override
    public void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = (float) Math.tanh(x[xOff + i]);
        }
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = ReferenceKernels.sigmoid(x[xOff + i]);
        }
    }

    @Override
    public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            out[outOff + i] = v <= 0f ? 0f : v; // as the reference: NaN stays NaN, -0 becomes +0
        }
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int o = xOff + i;
            s0 += x[o];
            s1 += x[o + 1];
            s2 += x[o + 2];
            s3 += x[o + 3];
            s4 += x[o + 4];
            s5 += x[o + 5];
            s6 += x[o + 6];
            s7 += x[o + 7];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int o = xOff + i;
            int q = yOff + i;
            s0 += x[o] * y[q];
            s1 += x[o + 1] * y[q + 1];
            s2 += x[o + 2] * y[q + 2];
            s3 += x[o + 3] * y[q + 3];
            s4 += x[o + 4] * y[q + 4];
            s5 += x[o + 5] * y[q + 5];
            s6 += x[o + 6] * y[q + 6];
            s7 += x[o + 7] * y[q + 7];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public float max(float[] x, int xOff, int n) {
        // Math.max propagates NaN, so no per-element NaN test is needed.
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[xOff + i]);
        }
        return m;
    }

    @Override
    public void addRowVector(float[] m, int mOff, int rows, int cols, float[] v, int vOff) {
        for (int r = 0; r < rows; r++) {
            int base = mOff + r * cols;
            for (int c = 0; c < cols; c++) {
                m[base + c] += v[vOff + c];
            }
        }
    }

    @Override
    public void sumRows(float[] m, int mOff, int rows, int cols, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int base = mOff + r * cols;
            for (int c = 0; c < cols; c++) {
                out[outOff + c] += m[base + c];
            }
        }
    }
}
