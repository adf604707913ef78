package dev.jgrad.tensor;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.backend.Kernels;

/**
 * Activations as ops: one elementwise op for any catalog function, and the fused layer
 * {@code f(x W^T + b)}, each with its backward next to its forward.
 *
 * <p>The fused layer is the engine's fast path: one GEMM, the bias and the activation in place forward; the
 * activation's derivative in place, then the two GEMMs and a column sum backward. Its intermediates can live in a
 * {@link Workspace} lease, so a steady training step reuses them instead of allocating.
 */
final class ActivationOps {

    private ActivationOps() {
    }

    static Tensor apply(Tensor x, ActivationFunction f) {
        Tensor in = Tensor.dense(x);
        int n = in.numel();
        float[] out = new float[n];
        f.forward(in.data, in.offset, out, 0, n);
        return Tensor.result(out, x.shape, f.spec(), y -> {
            float[] gx = y.grad().data.clone();
            f.backward(in.data, in.offset, out, 0, gx, 0, n);
            x.accumulateGrad(gx);
        }, x);
    }

    /**
     * {@code f(x W^T + b)} for x [n, in], W [out, in], b [out] or null. With a lease, the pre-activations and
     * (if {@code leaseOutput}) the output and its gradient live in the lease's slots {@code slot .. slot+2}.
     */
    static Tensor linear(Tensor x, Tensor w, Tensor bias, ActivationFunction f, Workspace.Lease lease, int slot,
                         boolean leaseOutput) {
        LinalgOps.checkLinear(x, w, bias);
        int n = x.shape[0];
        int in = x.shape[1];
        int outF = w.shape[0];
        boolean recording = GradMode.enabled() && (x.requiresGrad() || w.requiresGrad()
                || (bias != null && bias.requiresGrad()));
        boolean identity = f == Activations.IDENTITY;
        // The derivative needs z only for functions that cannot read it off the output (GELU, SiLU, ...).
        boolean keepZ = recording && !identity && f.backwardReadsInput();
        int len = n * outF;
        float[] a = lease != null && leaseOutput ? lease.buffer(slot + 1, len) : new float[len];
        float[] z = keepZ ? (lease != null ? lease.buffer(slot, len) : new float[len]) : a;
        Tensor xd = Tensor.dense(x);
        Tensor wd = Tensor.dense(w);
        SmallProducts.forward(Tensor.kernels(), xd.data, xd.offset, n, in, wd.data, wd.offset, outF, z);
        Kernels k = Tensor.kernels();
        if (bias != null) {
            Tensor bd = Tensor.dense(bias);
            SmallProducts.addBias(k, z, n, outF, bd.data, bd.offset);
        }
        if (!identity) {
            f.forward(z, 0, a, 0, len);
        }
        String op = identity ? "linear" : "linear+" + f.spec();
        Backward rule = y -> {
            float[] g = y.grad().data;
            if (!identity) {
                // dL/dz in place where nobody else reads dL/dy (a workspace intermediate); else on a copy.
                if (!y.isLeased()) {
                    g = g.clone();
                }
                f.backward(keepZ ? z : null, 0, a, 0, g, 0, len);
            }
            if (w.requiresGrad()) {
                boolean accumulate = w.hasGrad();
                SmallProducts.weightGradient(k, g, xd.data, xd.offset, n, in, outF, accumulate,
                        accumulate ? w.gradBuffer() : w.gradBufferForOverwrite());
            }
            if (bias != null && bias.requiresGrad()) {
                SmallProducts.addColumnSums(k, g, n, outF, bias.gradBuffer());
            }
            if (x.requiresGrad()) {
                boolean accumulate = x.hasGrad();
                SmallProducts.inputGradient(k, g, n, in, outF, wd.data, wd.offset, accumulate,
                        accumulate ? x.gradBuffer() : x.gradBufferForOverwrite());
            }
        };
        Tensor result = bias == null ? Tensor.result(a, new int[]{n, outF}, op, rule, x, w)
                : Tensor.result(a, new int[]{n, outF}, op, rule, x, w, bias);
        return lease != null && leaseOutput ? result.leased(lease, slot + 2) : result;
    }
}
