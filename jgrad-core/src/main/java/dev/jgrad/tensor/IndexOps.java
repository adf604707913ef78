package dev.jgrad.tensor;

import java.util.Arrays;

/** Ops that select or assemble by index: one-hot labels, picking one score per row, concatenation. */
final class IndexOps {

    private IndexOps() {
    }

    static Tensor oneHot(int[] labels, int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("oneHot: classes must be > 0, got " + classes);
        }
        float[] d = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("oneHot: label " + labels[i] + " at index " + i + " is outside [0, " + classes + ")");
            }
            d[i * classes + labels[i]] = 1f;
        }
        return Tensor.result(d, new int[]{labels.length, classes}, "oneHot", null);
    }

    static Tensor pick(Tensor x, int[] idx) {
        if (x.dim() != 2 || x.shape[0] != idx.length) {
            throw new IllegalArgumentException("pick: needs a [n, k] tensor and n indices, got " + Shapes.str(x.shape)
                    + " and " + idx.length + " indices");
        }
        int n = idx.length;
        int k = x.shape[1];
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            if (idx[i] < 0 || idx[i] >= k) {
                throw new IllegalArgumentException("pick: index " + idx[i] + " in row " + i + " is outside [0, " + k + ")");
            }
            out[i] = x.data[x.offset + i * x.strides[0] + idx[i] * x.strides[1]];
        }
        int[] chosen = idx.clone();
        return Tensor.result(out, new int[]{n}, "pick", y -> {
            // Only the picked element of each row gets a gradient.
            float[] g = y.grad().data;
            float[] gx = new float[n * k];
            for (int i = 0; i < n; i++) {
                gx[i * k + chosen[i]] = g[i];
            }
            x.accumulateGrad(gx);
        }, x);
    }

    static Tensor concat(int axis, Tensor... ts) {
        if (ts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors");
        }
        int rank = ts[0].dim();
        int ax = Shapes.axis("concat", axis, rank);
        int[] shape = ts[0].shape.clone();
        int total = 0;
        for (Tensor t : ts) {
            boolean ok = t.dim() == rank;
            for (int d = 0; ok && d < rank; d++) {
                ok = d == ax || t.shape[d] == shape[d];
            }
            if (!ok) {
                StringBuilder all = new StringBuilder();
                for (Tensor u : ts) {
                    all.append(all.length() == 0 ? "" : ", ").append(Shapes.str(u.shape));
                }
                throw new IllegalArgumentException("concat: along axis " + axis + " the other dimensions must agree, got " + all);
            }
            total += t.shape[ax];
        }
        shape[ax] = total;
        int totalLen = total;
        int outer = Shapes.numel(Arrays.copyOfRange(shape, 0, ax));
        int inner = Shapes.numel(Arrays.copyOfRange(shape, ax + 1, rank));
        float[] out = new float[Shapes.numel(shape)];
        int at = 0;
        int[] starts = new int[ts.length];
        for (int t = 0; t < ts.length; t++) {
            starts[t] = at;
            float[] v = ts[t].toArray();
            int block = ts[t].shape[ax] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(v, o * block, out, o * total * inner + at * inner, block);
            }
            at += ts[t].shape[ax];
        }
        return Tensor.result(out, shape, "concat", y -> {
            float[] g = y.grad().data;
            for (int t = 0; t < ts.length; t++) {
                if (!ts[t].requiresGrad()) {
                    continue;
                }
                int block = ts[t].shape[ax] * inner;
                float[] gt = new float[ts[t].numel()];
                for (int o = 0; o < outer; o++) {
                    System.arraycopy(g, o * totalLen * inner + starts[t] * inner, gt, o * block, block);
                }
                ts[t].accumulateGrad(gt);
            }
        }, ts);
    }
}
