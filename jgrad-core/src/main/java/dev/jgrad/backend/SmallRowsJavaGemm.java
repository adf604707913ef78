package dev.jgrad.backend;

/**
 * GEMM for a few rows of op(A) (one sample's forward or input gradient) in plain Java, without packing or
 * allocation: B is read once per row of A where it is stored. {@link JavaGemm} would copy all of B into fresh
 * packing arrays to compute one row of C. Independent accumulators (four rows of B for NT, eight columns of C
 * for NN) keep several multiply-add chains in flight, since C2 does not vectorize a float reduction.
 *
 * <p>op(A) must be stored as used (no transA).
 */
final class SmallRowsJavaGemm {

    /** Up to this many rows of op(A) take this path. */
    static final int MAX_ROWS = 4;

    /** From this many multiply-adds two threads share the product, each reading its part of B. */
    static final long PARALLEL_MIN_MACS = 32L * 1024;

    private SmallRowsJavaGemm() {
    }

    /** C = alpha * op(A) * op(B) + beta * C; matches {@link SerialGemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (transA) {
            throw new IllegalArgumentException("SmallRowsJavaGemm: op(A) must be stored as used");
        }
        for (int i = 0; i < m; i++) {
            int xi = aOff + i * lda;
            int ci = cOff + i * ldc;
            if (transB) {
                nt(n, k, alpha, a, xi, b, bOff, ldb, beta, c, ci);
            } else {
                nn(n, k, alpha, a, xi, b, bOff, ldb, beta, c, ci);
            }
        }
    }

    /** c[j] = alpha * dot(x, row j of B) + beta * c[j], four rows of B at a time. */
    private static void nt(int n, int k, float alpha, float[] x, int xOff, float[] b, int bOff, int ldb,
                           float beta, float[] c, int cOff) {
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int r0 = bOff + j * ldb;
            int r1 = r0 + ldb;
            int r2 = r1 + ldb;
            int r3 = r2 + ldb;
            float d0 = 0f;
            float d1 = 0f;
            float d2 = 0f;
            float d3 = 0f;
            for (int p = 0; p < k; p++) {
                float xp = x[xOff + p];
                d0 += xp * b[r0 + p];
                d1 += xp * b[r1 + p];
                d2 += xp * b[r2 + p];
                d3 += xp * b[r3 + p];
            }
            put(c, cOff + j, alpha * d0, beta);
            put(c, cOff + j + 1, alpha * d1, beta);
            put(c, cOff + j + 2, alpha * d2, beta);
            put(c, cOff + j + 3, alpha * d3, beta);
        }
        for (; j < n; j++) {
            int r = bOff + j * ldb;
            float d = 0f;
            for (int p = 0; p < k; p++) {
                d += x[xOff + p] * b[r + p];
            }
            put(c, cOff + j, alpha * d, beta);
        }
    }

    /** c[j] = alpha * sum_p x[p] * B[p, j] + beta * c[j], eight columns of C at a time. */
    private static void nn(int n, int k, float alpha, float[] x, int xOff, float[] b, int bOff, int ldb,
                           float beta, float[] c, int cOff) {
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            float s4 = 0f;
            float s5 = 0f;
            float s6 = 0f;
            float s7 = 0f;
            for (int p = 0; p < k; p++) {
                float xp = x[xOff + p];
                int r = bOff + p * ldb + j;
                s0 += xp * b[r];
                s1 += xp * b[r + 1];
                s2 += xp * b[r + 2];
                s3 += xp * b[r + 3];
                s4 += xp * b[r + 4];
                s5 += xp * b[r + 5];
                s6 += xp * b[r + 6];
                s7 += xp * b[r + 7];
            }
            put(c, cOff + j, alpha * s0, beta);
            put(c, cOff + j + 1, alpha * s1, beta);
            put(c, cOff + j + 2, alpha * s2, beta);
            put(c, cOff + j + 3, alpha * s3, beta);
            put(c, cOff + j + 4, alpha * s4, beta);
            put(c, cOff + j + 5, alpha * s5, beta);
            put(c, cOff + j + 6, alpha * s6, beta);
            put(c, cOff + j + 7, alpha * s7, beta);
        }
        for (; j < n; j++) {
            float s = 0f;
            for (int p = 0; p < k; p++) {
                s += x[xOff + p] * b[bOff + p * ldb + j];
            }
            put(c, cOff + j, alpha * s, beta);
        }
    }

    /** c[idx] = v + beta * c[idx], where beta == 0 ignores C (NaN included). */
    private static void put(float[] c, int idx, float v, float beta) {
        c[idx] = beta == 0f ? v : v + beta * c[idx];
    }
}
