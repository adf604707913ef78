package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * Elementwise ops of two tensors with numpy broadcasting. The backward rules are written with tensor ops
 * (backward runs with grad mode off); broadcast dimensions are summed away by {@link Tensor#accumulateGrad}.
 * The seeds' patterns are visible here: add distributes the gradient, mul swaps the inputs, max routes it.
 */
final class BinaryOps {

    private BinaryOps() {
    }

    /** The scalar function applied at each position. */
    interface Fn {
        float apply(float a, float b);
    }

    enum Kind { ADD, SUB, MUL, DIV }

    static Tensor add(Tensor a, Tensor b) {
        Tensor out = compute("add", a, b, Kind.ADD, (x, y) -> x + y);
        return record(out, "add", y -> {
            a.accumulateGrad(y.grad()); // add distributes: both inputs get the upstream gradient as is
            b.accumulateGrad(y.grad());
        }, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        Tensor out = compute("sub", a, b, Kind.SUB, (x, y) -> x - y);
        return record(out, "sub", y -> {
            a.accumulateGrad(y.grad());
            if (b.requiresGrad()) {
                b.accumulateGrad(y.grad().neg());
            }
        }, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = compute("mul", a, b, Kind.MUL, (x, y) -> x * y);
        return record(out, "mul", y -> {
            // mul swaps: dL/da = g * b and dL/db = g * a
            if (a.requiresGrad()) {
                a.accumulateGrad(y.grad().mul(b.detach()));
            }
            if (b.requiresGrad()) {
                b.accumulateGrad(y.grad().mul(a.detach()));
            }
        }, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        Tensor out = compute("div", a, b, Kind.DIV, (x, y) -> x / y);
        return record(out, "div", y -> {
            Tensor bc = b.detach();
            if (a.requiresGrad()) {
                a.accumulateGrad(y.grad().div(bc));
            }
            if (b.requiresGrad()) {
                // d(a/b)/db = -a / b^2 = -out / b
                b.accumulateGrad(y.grad().mul(y.detach()).div(bc).neg());
            }
        }, a, b);
    }

    static Tensor maximum(Tensor a, Tensor b) {
        return minMax("maximum", a, b, true);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return minMax("minimum", a, b, false);
    }

    private static Tensor minMax(String op, Tensor a, Tensor b, boolean max) {
        Tensor out = compute(op, a, b, null, max ? Math::max : Math::min);
        // The gradient is routed to whichever input won; on a tie it is split evenly.
        Tensor aWins = compute(op, a, b, null, (x, y) -> x == y ? 0.5f : ((x > y) == max ? 1f : 0f));
        return record(out, op, y -> {
            if (a.requiresGrad()) {
                a.accumulateGrad(y.grad().mul(aWins));
            }
            if (b.requiresGrad()) {
                b.accumulateGrad(y.grad().mul(aWins.neg().add(1f)));
            }
        }, a, b);
    }

    private static Tensor record(Tensor values, String op, Backward rule, Tensor a, Tensor b) {
        return Tensor.result(values.data, values.shape, op, rule, a, b);
    }

    /** Forward values, untracked: a kernel when shapes match and both are packed, else a broadcast loop. */
    static Tensor compute(String op, Tensor a, Tensor b, Kind kind, Fn f) {
        int[] shape = Arrays.equals(a.shape, b.shape) ? a.shape : Shapes.broadcast(op, a.shape, b.shape);
        int n = Shapes.numel(shape);
        float[] out = new float[n];
        if (kind != null && Arrays.equals(a.shape, b.shape) && a.isContiguous() && b.isContiguous()) {
            var k = Tensor.kernels();
            switch (kind) {
                case ADD -> k.add(a.data, a.offset, b.data, b.offset, out, 0, n);
                case SUB -> k.sub(a.data, a.offset, b.data, b.offset, out, 0, n);
                case MUL -> k.mul(a.data, a.offset, b.data, b.offset, out, 0, n);
                case DIV -> k.div(a.data, a.offset, b.data, b.offset, out, 0, n);
            }
            return new Tensor(out, 0, shape, null, op, null, null);
        }
        if (n == 0) {
            return new Tensor(out, 0, shape, null, op, null, null);
        }
        int[] sa = Shapes.broadcastStrides(a.shape, a.strides, shape);
        int[] sb = Shapes.broadcastStrides(b.shape, b.strides, shape);
        int rank = shape.length;
        if (rank == 0) {
            out[0] = f.apply(a.data[a.offset], b.data[b.offset]);
            return new Tensor(out, 0, shape, null, op, null, null);
        }
        int inner = shape[rank - 1];
        int ia = sa[rank - 1];
        int ib = sb[rank - 1];
        int[] idx = new int[rank];
        int pa = a.offset;
        int pb = b.offset;
        for (int o = 0; o < n; o += inner) {
            for (int j = 0; j < inner; j++) {
                out[o + j] = f.apply(a.data[pa + j * ia], b.data[pb + j * ib]);
            }
            // advance the outer index (all dims but the last)
            for (int d = rank - 2; d >= 0; d--) {
                idx[d]++;
                pa += sa[d];
                pb += sb[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                pa -= sa[d] * shape[d];
                pb -= sb[d] * shape[d];
                idx[d] = 0;
            }
        }
        return new Tensor(out, 0, shape, null, op, null, null);
    }
}
