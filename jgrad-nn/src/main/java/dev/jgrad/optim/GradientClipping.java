package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;

/** Gradient clipping by global norm, as PyTorch's {@code clip_grad_norm_}: all gradients scaled together. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales every gradient by {@code maxNorm / norm} when the L2 norm over all of them exceeds {@code maxNorm};
     * returns the norm before clipping. Parameters without a gradient are skipped.
     */
    public static double clipNorm(List<? extends Tensor> params, double maxNorm) {
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("clipNorm: maxNorm must be > 0 and finite, got " + maxNorm);
        }
        double sq = 0;
        for (Tensor p : params) {
            if (p.grad() != null) {
                for (float g : p.grad().values()) {
                    sq += (double) g * g;
                }
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Tensor p : params) {
                if (p.grad() != null) {
                    float[] g = p.grad().data();
                    for (int i = 0; i < g.length; i++) {
                        g[i] *= scale;
                    }
                }
            }
        }
        return norm;
    }
}
