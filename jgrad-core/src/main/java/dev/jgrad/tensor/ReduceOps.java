package dev.jgrad.tensor;

/**
 * Reductions along an axis (sum, max, argmax) and the numerically stable softmax and log-softmax. Every axis
 * reduction views its input as [outer, len, inner], with {@code len} the reduced axis.
 */
final class ReduceOps {

    private ReduceOps() {
    }

    /** A shape seen as [outer, len, inner] around the reduced axis. */
    private record Axis(int outer, int len, int inner) {
        static Axis of(int[] shape, int ax) {
            return new Axis(Shapes.numel(java.util.Arrays.copyOfRange(shape, 0, ax)), shape[ax],
                    Shapes.numel(java.util.Arrays.copyOfRange(shape, ax + 1, shape.length)));
        }
    }

    /** The sum of every element, as a 0-d tensor. Its gradient is the upstream value at every position. */
    static Tensor sumAll(Tensor x) {
        Tensor in = Tensor.dense(x);
        float s = Tensor.kernels().sum(in.data, in.offset, in.numel());
        return Tensor.result(new float[]{s}, new int[0], "sum", y -> x.accumulateGrad(Tensor.full(y.grad().item(), x.shape)), x);
    }

    static Tensor sum(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis("sum", axis, x.dim());
        if (x.dim() == 0) {
            return sumAll(x);
        }
        Tensor in = Tensor.dense(x);
        int[] s = x.shape;
        Axis view = Axis.of(s, ax);
        int len = view.len();
        int inner = view.inner();
        int outer = view.outer();
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            int base = in.offset + o * len * inner;
            if (inner == 1) {
                out[o] = Tensor.kernels().sum(in.data, base, len);
            } else {
                for (int l = 0; l < len; l++) {
                    Tensor.kernels().axpy(1f, in.data, base + l * inner, out, o * inner, inner);
                }
            }
        }
        int[] keep = keptShape(s, ax);
        return Tensor.result(out, keepDims ? keep : dropped(s, ax), "sum", y -> {
            // Every element of the reduced axis contributed with weight 1: broadcast the gradient back.
            x.accumulateGrad(broadcastTo(y.grad().reshape(keep), x.shape));
        }, x);
    }

    static Tensor max(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis("max", axis, x.dim());
        int[] s = x.shape;
        if (s[ax] == 0) {
            throw new IllegalArgumentException("max: axis " + axis + " of shape " + Shapes.str(s) + " is empty");
        }
        Tensor in = Tensor.dense(x);
        Axis view = Axis.of(s, ax);
        int len = view.len();
        int inner = view.inner();
        int outer = view.outer();
        float[] out = new float[outer * inner];
        int[] arg = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = in.offset + o * len * inner + i;
                float best = in.data[base];
                int bestL = 0;
                for (int l = 1; l < len; l++) {
                    float v = in.data[base + l * inner];
                    if (v > best || (Float.isNaN(v) && !Float.isNaN(best))) {
                        best = v;
                        bestL = l;
                    }
                }
                out[o * inner + i] = best;
                arg[o * inner + i] = bestL;
            }
        }
        return Tensor.result(out, keepDims ? keptShape(s, ax) : dropped(s, ax), "max", y -> {
            // max routes: the whole gradient goes to the element that was largest.
            float[] g = y.grad().data;
            float[] gx = new float[x.numel()];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    gx[o * len * inner + arg[o * inner + i] * inner + i] += g[o * inner + i];
                }
            }
            x.accumulateGrad(gx);
        }, x);
    }

    static int[] argmax(Tensor x, int axis) {
        int ax = Shapes.axis("argmax", axis, x.dim());
        int[] s = x.shape;
        Tensor in = Tensor.dense(x);
        Axis view = Axis.of(s, ax);
        int len = view.len();
        int inner = view.inner();
        int outer = view.outer();
        int[] arg = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = in.offset + o * len * inner + i;
                float best = Float.NEGATIVE_INFINITY;
                int bestL = 0;
                for (int l = 0; l < len; l++) {
                    float v = in.data[base + l * inner];
                    if (v > best) {
                        best = v;
                        bestL = l;
                    }
                }
                arg[o * inner + i] = bestL;
            }
        }
        return arg;
    }

    static Tensor softmax(Tensor x, int axis) {
        int ax = Shapes.axis("softmax", axis, x.dim());
        Tensor y = Tensor.result(softmaxValues(x, ax, false), x.shape, "softmax", out -> {
            // dx = y * (g - sum(g * y))
            Tensor yc = out.detach();
            Tensor gy = out.grad().mul(yc);
            x.accumulateGrad(gy.sub(yc.mul(gy.sum(ax, true))));
        }, x);
        return y;
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int ax = Shapes.axis("logSoftmax", axis, x.dim());
        return Tensor.result(softmaxValues(x, ax, true), x.shape, "logSoftmax", out -> {
            // dx = g - softmax * sum(g)
            Tensor g = out.grad();
            x.accumulateGrad(g.sub(out.detach().exp().mul(g.sum(ax, true))));
        }, x);
    }

    /** softmax (or log-softmax) values, shifting by the max so exp never overflows. */
    private static float[] softmaxValues(Tensor x, int ax, boolean log) {
        Tensor in = Tensor.dense(x);
        int[] s = x.shape;
        Axis view = Axis.of(s, ax);
        int len = view.len();
        int inner = view.inner();
        int outer = view.outer();
        float[] out = new float[in.numel()];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i;
                float m = Float.NEGATIVE_INFINITY;
                for (int l = 0; l < len; l++) {
                    m = Math.max(m, in.data[in.offset + base + l * inner]);
                }
                double z = 0;
                for (int l = 0; l < len; l++) {
                    float e = (float) Math.exp(in.data[in.offset + base + l * inner] - m);
                    out[base + l * inner] = e;
                    z += e;
                }
                if (log) {
                    // (x - m) - log z, not x - (m + log z): the shifted value is exact, so large logits lose nothing
                    float logZ = (float) Math.log(z);
                    for (int l = 0; l < len; l++) {
                        out[base + l * inner] = (in.data[in.offset + base + l * inner] - m) - logZ;
                    }
                } else {
                    float inv = (float) (1.0 / z);
                    for (int l = 0; l < len; l++) {
                        out[base + l * inner] *= inv;
                    }
                }
            }
        }
        return out;
    }

    /** Sums a broadcast gradient back down to {@code shape} (the inverse of broadcasting). */
    static Tensor sumToShape(Tensor g, int[] shape) {
        Tensor t = g;
        while (t.dim() > shape.length) {
            t = sum(t, 0, false);
        }
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1 && t.shape[d] != 1) {
                t = sum(t, d, true);
            }
        }
        if (!java.util.Arrays.equals(t.shape, shape)) {
            throw new IllegalStateException("gradient of shape " + Shapes.str(g.shape) + " cannot be reduced to "
                    + Shapes.str(shape));
        }
        return t;
    }

    /** {@code g} repeated along its size-1 dimensions to fill {@code shape}. */
    static Tensor broadcastTo(Tensor g, int[] shape) {
        return java.util.Arrays.equals(g.shape, shape) ? g : BinaryOps.compute("broadcast", Tensor.zeros(shape), g,
                null, (a, b) -> b);
    }

    private static int[] keptShape(int[] s, int ax) {
        int[] k = s.clone();
        k[ax] = 1;
        return k;
    }

    private static int[] dropped(int[] s, int ax) {
        int[] d = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != ax) {
                d[j++] = s[i];
            }
        }
        return d;
    }
}
