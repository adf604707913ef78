package dev.jgrad.tensor;

import dev.jgrad.backend.Kernels;

/**
 * Matrix products on the GEMM kernel. For q = W x the seeds' vectorized rules hold: dL/dW = dL/dq . x^T and
 * dL/dx = W^T . dL/dq; here, with rows as samples (C = A B), dA = dC B^T and dB = A^T dC. Transposed views are
 * passed to GEMM as transpose flags, never copied; gradients accumulate in place through GEMM's beta.
 */
final class LinalgOps {

    private LinalgOps() {
    }

    /** How a 2-D tensor is handed to GEMM: its array, offset, whether it is transposed, and its row stride. */
    private record Operand(float[] data, int offset, boolean trans, int ld) {
        static Operand of(Tensor t) {
            int rows = t.shape[0];
            int cols = t.shape[1];
            if (cols == 1 || t.strides[1] == 1) {
                return new Operand(t.data, t.offset, false, rows == 1 ? cols : t.strides[0]);
            }
            if (rows == 1 || t.strides[0] == 1) {
                return new Operand(t.data, t.offset, true, t.strides[1]);
            }
            Tensor c = Tensor.dense(t);
            return new Operand(c.data, c.offset, false, cols);
        }
    }

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 3 && b.dim() == 3) {
            return batched(a, b);
        }
        if (a.dim() != 2 || b.dim() != 2) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(a.shape) + " @ " + Shapes.str(b.shape)
                    + ": both must be 2-D (or both 3-D for a batched product)");
        }
        int m = a.shape[0];
        int k = a.shape[1];
        int n = b.shape[1];
        if (b.shape[0] != k) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(a.shape) + " @ " + Shapes.str(b.shape)
                    + ": inner dimensions " + k + " != " + b.shape[0]);
        }
        float[] out = new float[m * n];
        gemm(m, n, k, a, false, b, false, 0f, out);
        return Tensor.result(out, new int[]{m, n}, "matmul", y -> {
            Tensor g = y.grad();
            if (a.requiresGrad()) {
                gemm(m, k, n, g, false, b, true, a.hasGrad() ? 1f : 0f,
                        a.hasGrad() ? a.gradBuffer() : a.gradBufferForOverwrite()); // dA = dC B^T
            }
            if (b.requiresGrad()) {
                gemm(k, n, m, a, true, g, false, b.hasGrad() ? 1f : 0f,
                        b.hasGrad() ? b.gradBuffer() : b.gradBufferForOverwrite()); // dB = A^T dC
            }
        }, a, b);
    }

    /**
     * {@code x W^T + b} for x [n, in], W [out, in], b [out]: the layer the seeds write as z = W x + b, with
     * samples as rows; the identity case of the fused layer in {@link ActivationOps#linear}.
     */
    static Tensor linear(Tensor x, Tensor w, Tensor bias) {
        return ActivationOps.linear(x, w, bias, dev.jgrad.activation.Activations.IDENTITY, null, 0, false);
    }

    static void checkLinear(Tensor x, Tensor w, Tensor bias) {
        if (x.dim() != 2 || w.dim() != 2) {
            throw new IllegalArgumentException("linear: input " + Shapes.str(x.shape) + " and weight " + Shapes.str(w.shape)
                    + " must both be 2-D ([batch, in] and [out, in])");
        }
        int in = x.shape[1];
        int outF = w.shape[0];
        if (w.shape[1] != in) {
            throw new IllegalArgumentException("linear: input " + Shapes.str(x.shape) + " has " + in + " features but weight "
                    + Shapes.str(w.shape) + " expects " + w.shape[1]);
        }
        if (bias != null && (bias.dim() != 1 || bias.shape[0] != outF)) {
            throw new IllegalArgumentException("linear: bias " + Shapes.str(bias.shape) + " must be [" + outF + "] for weight "
                    + Shapes.str(w.shape));
        }
    }

    /** c = op(a) op(b) + beta c, with op chosen by the flags on top of each operand's own layout. */
    private static void gemm(int m, int n, int k, Tensor a, boolean ta, Tensor b, boolean tb, float beta, float[] c) {
        Operand pa = Operand.of(a);
        Operand pb = Operand.of(b);
        Tensor.kernels().gemm(pa.trans() ^ ta, pb.trans() ^ tb, m, n, k, 1f, pa.data(), pa.offset(), pa.ld(),
                pb.data(), pb.offset(), pb.ld(), beta, c, 0, n);
    }

    private static Tensor batched(Tensor a, Tensor b) {
        int batch = a.shape[0];
        if (b.shape[0] != batch || a.shape[2] != b.shape[1]) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(a.shape) + " @ " + Shapes.str(b.shape)
                    + (b.shape[0] != batch ? ": batch sizes " + batch + " != " + b.shape[0]
                    : ": inner dimensions " + a.shape[2] + " != " + b.shape[1]));
        }
        Tensor[] parts = new Tensor[batch];
        for (int i = 0; i < batch; i++) {
            Tensor ai = ShapeOps.rows(a, i, i + 1).reshape(a.shape[1], a.shape[2]);
            Tensor bi = ShapeOps.rows(b, i, i + 1).reshape(b.shape[1], b.shape[2]);
            parts[i] = matmul(ai, bi).reshape(1, a.shape[1], b.shape[2]);
        }
        return IndexOps.concat(0, parts);
    }
}
