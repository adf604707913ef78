package dev.jgrad.backend;

/**
 * The plain, obviously correct implementation every other {@link Kernels} is tested against. GEMM here is
 * the naive triple loop with double accumulation: slow, and only ever the reference.
 */
public final class ReferenceKernels implements Kernels {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    acc += (double) av * bv;
                }
                int ci = cOff + i * ldc + j;
                float old = beta == 0f ? 0f : beta * c[ci];
                c[ci] = (float) (alpha * acc) + old;
            }
        }
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = x[xOff + i] + y[yOff + i];
    }

    @Override
    public void sub(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = x[xOff + i] - y[yOff + i];
    }

    @Override
    public void mul(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = x[xOff + i] * y[yOff + i];
    }

    @Override
    public void div(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = x[xOff + i] / y[yOff + i];
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = alpha * x[xOff + i];
    }

    @Override
    public void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.exp(x[xOff + i]);
    }

    @Override
    public void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.tanh(x[xOff + i]);
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = sigmoid(x[xOff + i]);
    }

    /** The logistic function, evaluated so that exp never overflows. */
    public static float sigmoid(float v) {
        if (v >= 0) {
            return (float) (1.0 / (1.0 + Math.exp(-v)));
        }
        double e = Math.exp(v);
        return (float) (e / (1.0 + e));
    }

    @Override
    public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            out[outOff + i] = v <= 0f ? 0f : v; // NaN stays NaN (as PyTorch), -0 becomes +0
        }
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOff + i];
        return (float) s;
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += (double) x[xOff + i] * y[yOff + i];
        return (float) s;
    }

    @Override
    public float max(float[] x, int xOff, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            if (Float.isNaN(v)) return Float.NaN;
            if (v > m) m = v;
        }
        return m;
    }

    @Override
    public void addRowVector(float[] m, int mOff, int rows, int cols, float[] v, int vOff) {
        for (int r = 0; r < rows; r++) {
            int base = mOff + r * cols;
            for (int c = 0; c < cols; c++) m[base + c] += v[vOff + c];
        }
    }

    @Override
    public void sumRows(float[] m, int mOff, int rows, int cols, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int base = mOff + r * cols;
            for (int c = 0; c < cols; c++) out[outOff + c] += m[base + c];
        }
    }
}
