package dev.jgrad.tensor;

import dev.jgrad.backend.Kernels;

import java.util.Arrays;

/**
 * The products of a fully connected layer, with tiny ones done as plain dot products and axpys: a packed GEMM
 * packs its operands on every call, which for the playground's 8-wide layers or a batch of a few rows costs more
 * than the product itself. Larger products go to the kernels' GEMM (which has its own unpacked path for a few
 * rows through a big layer). Row-major throughout: x [n, in], W [out, in], z and dz [n, out].
 */
final class SmallProducts {

    private SmallProducts() {
    }

    /** Products of at most this many multiply-adds run unpacked. */
    static final long DIRECT_MAX_MACS = 16 * 1024;
    /** Backward products over at most this many rows run unpacked too (a batch-1 weight gradient). */
    static final int DIRECT_MAX_ROWS = 4;
    /** Below this length a plain loop beats a kernel call (the SIMD kernels' vectors are 8 or 16 floats wide). */
    private static final int SHORT = 32;

    private static boolean small(int n, int in, int out) {
        return (long) n * in * out <= DIRECT_MAX_MACS;
    }

    /** z = x W^T. */
    static void forward(Kernels k, float[] x, int xOff, int n, int in, float[] w, int wOff, int out, float[] z) {
        if (small(n, in, out)) {
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < out; j++) {
                    z[r * out + j] = dot(k, x, xOff + r * in, w, wOff + j * in, in);
                }
            }
        } else {
            k.gemm(false, true, n, out, in, 1f, x, xOff, in, w, wOff, in, 0f, z, 0, out);
        }
    }

    /** z[r, :] += b for every row. */
    static void addBias(Kernels k, float[] z, int n, int width, float[] b, int bOff) {
        if (width >= SHORT) {
            k.addRowVector(z, 0, n, width, b, bOff);
            return;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                z[r * width + j] += b[bOff + j];
            }
        }
    }

    /** dW (+)= dz^T x. */
    static void weightGradient(Kernels k, float[] dz, float[] x, int xOff, int n, int in, int out,
                               boolean accumulate, float[] dw) {
        if (n <= DIRECT_MAX_ROWS || small(n, in, out)) {
            if (!accumulate) {
                Arrays.fill(dw, 0, out * in, 0f);
            }
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < out; j++) {
                    axpy(k, dz[r * out + j], x, xOff + r * in, dw, j * in, in);
                }
            }
        } else {
            k.gemm(true, false, out, in, n, 1f, dz, 0, out, x, xOff, in, accumulate ? 1f : 0f, dw, 0, in);
        }
    }

    /** db += column sums of dz. */
    static void addColumnSums(Kernels k, float[] dz, int n, int width, float[] db) {
        if (width >= SHORT) {
            k.sumRows(dz, 0, n, width, db, 0);
            return;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                db[j] += dz[r * width + j];
            }
        }
    }

    /** dx (+)= dz W. */
    static void inputGradient(Kernels k, float[] dz, int n, int in, int out, float[] w, int wOff,
                              boolean accumulate, float[] dx) {
        if (n <= DIRECT_MAX_ROWS || small(n, in, out)) {
            if (!accumulate) {
                Arrays.fill(dx, 0, n * in, 0f);
            }
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < out; j++) {
                    axpy(k, dz[r * out + j], w, wOff + j * in, dx, r * in, in);
                }
            }
        } else {
            k.gemm(false, false, n, in, out, 1f, dz, 0, out, w, wOff, in, accumulate ? 1f : 0f, dx, 0, in);
        }
    }

    private static float dot(Kernels k, float[] x, int xOff, float[] y, int yOff, int len) {
        if (len >= SHORT) {
            return k.dot(x, xOff, y, yOff, len);
        }
        float s = 0f;
        for (int i = 0; i < len; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    private static void axpy(Kernels k, float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        if (len >= SHORT) {
            k.axpy(alpha, x, xOff, y, yOff, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }
}
