package dev.jgrad.tensor;

import dev.jgrad.backend.Kernels;

/**
 * Elementwise ops of one tensor. Each method computes the forward values and, right next to them, the local
 * gradient rule dL/dx = dL/dy * dy/dx that backward applies.
 */
final class UnaryOps {

    private UnaryOps() {
    }

    /** Elementwise function of one float, for the ops with no dedicated kernel. */
    private interface Fn {
        float apply(float x);
    }

    /** dy/dx given x and y, for the backward of ops defined by a {@link Fn}. */
    private interface Deriv {
        float apply(float x, float y);
    }

    private static Tensor map(Tensor x, String op, Fn f, Deriv d) {
        Tensor in = Tensor.dense(x);
        int n = in.numel();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.apply(in.data[in.offset + i]);
        }
        return Tensor.result(out, x.shape, op, d == null ? null : y -> {
            float[] g = y.grad().data;
            float[] gx = new float[n];
            for (int i = 0; i < n; i++) {
                gx[i] = g[i] * d.apply(in.data[in.offset + i], out[i]);
            }
            x.accumulateGrad(gx);
        }, x);
    }

    /** A constant operand as it appears in an op's name, e.g. "mul 2" or "pow -1". */
    private static String constant(float c) {
        return c == Math.rint(c) && Math.abs(c) < 1e6 ? String.valueOf((long) c) : String.valueOf(c);
    }

    private static Kernels k() {
        return Tensor.kernels();
    }

    static Tensor addScalar(Tensor x, float c) {
        // y = x + c: the gradient passes through unchanged.
        return map(x, "add " + constant(c), v -> v + c, (v, y) -> 1f);
    }

    static Tensor mulScalar(Tensor x, float c) {
        Tensor in = Tensor.dense(x);
        int n = in.numel();
        float[] out = new float[n];
        k().scale(c, in.data, in.offset, out, 0, n);
        return Tensor.result(out, x.shape, c == -1f ? "neg" : "mul " + constant(c), y -> {
            float[] gx = new float[n];
            k().scale(c, y.grad().data, 0, gx, 0, n);
            x.accumulateGrad(gx);
        }, x);
    }

    static Tensor pow(Tensor x, float p) {
        // d(x^p)/dx = p * x^(p-1); x^0 is the constant 1, so its gradient is 0 everywhere (PyTorch's too), where
        // the formula would give 0 * 0^-1 = NaN at x = 0.
        return map(x, "pow " + constant(p), v -> p == 2f ? v * v : (float) Math.pow(v, p),
                (v, y) -> p == 0f ? 0f : p == 2f ? 2f * v : p * (float) Math.pow(v, p - 1));
    }

    static Tensor exp(Tensor x) {
        Tensor in = Tensor.dense(x);
        int n = in.numel();
        float[] out = new float[n];
        k().exp(in.data, in.offset, out, 0, n);
        // d(e^x)/dx = e^x, which is the output itself.
        return Tensor.result(out, x.shape, "exp", y -> {
            float[] gx = new float[n];
            k().mul(y.grad().data, 0, out, 0, gx, 0, n);
            x.accumulateGrad(gx);
        }, x);
    }

    static Tensor log(Tensor x) {
        return map(x, "log", v -> (float) Math.log(v), (v, y) -> 1f / v);
    }

    static Tensor sqrt(Tensor x) {
        return map(x, "sqrt", v -> (float) Math.sqrt(v), (v, y) -> 0.5f / y);
    }

    static Tensor abs(Tensor x) {
        return map(x, "abs", Math::abs, (v, y) -> Math.signum(v));
    }

    static Tensor clamp(Tensor x, float lo, float hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: need lo <= hi, got [" + lo + ", " + hi + "]");
        }
        return map(x, "clamp", v -> v < lo ? lo : (v > hi ? hi : v), (v, y) -> v >= lo && v <= hi ? 1f : 0f);
    }
}
