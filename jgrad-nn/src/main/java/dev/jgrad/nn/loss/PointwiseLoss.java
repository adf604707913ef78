package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * A loss that is a reduction of one function of (prediction, target) per element, as one fused op: the forward
 * pass sums in double without temporaries, the backward pass writes dL/dprediction (and dL/dtarget when the
 * target requires a gradient) in one loop. Each loss states its per-element value and derivative here, next to
 * each other.
 */
final class PointwiseLoss {

    private PointwiseLoss() {
    }

    /** One element's loss and its derivative with respect to the prediction p (the target's is its negative, or given). */
    interface Element {
        double value(float p, float t);

        float dp(float p, float t);

        /** dL/dt; by default -dL/dp, true of every loss of the difference p - t. */
        default float dt(float p, float t) {
            return -dp(p, t);
        }
    }

    static Tensor apply(String name, Tensor prediction, Tensor target, Reduction reduction, Element e) {
        int n = prediction.numel();
        return apply(name, prediction, target, reduction == Reduction.MEAN ? 1f / Math.max(1, n) : 1f, e);
    }

    /** The sum of the per-element losses times {@code scale}. */
    static Tensor apply(String name, Tensor prediction, Tensor target, float scale, Element e) {
        LossChecks.sameShape(name, prediction, target);
        float[] pv = prediction.values();
        float[] tv = target.values();
        int n = pv.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += e.value(pv[i], tv[i]);
        }
        return Tensor.fromOp(name, new float[]{(float) (sum * scale)}, new int[0], y -> {
            float s = y.grad().item() * scale;
            if (prediction.requiresGrad()) {
                float[] g = prediction.gradData();
                for (int i = 0; i < n; i++) {
                    g[i] += s * e.dp(pv[i], tv[i]);
                }
            }
            if (target.requiresGrad()) {
                float[] g = target.gradData();
                for (int i = 0; i < n; i++) {
                    g[i] += s * e.dt(pv[i], tv[i]);
                }
            }
        }, prediction, target);
    }
}
