package dev.jgrad.optim;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.ScalarAdam;
import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015), with optional decoupled weight decay (that variant is {@link AdamW}):
 * <pre>
 *   w = w - lr * weightDecay * w                  (AdamW only)
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   w = w - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * Defaults beta1 0.9, beta2 0.999, eps 1e-8, as in the paper and PyTorch. The float32 arithmetic of one step is
 * {@link ScalarAdam}'s, run by the kernels' {@code adam} (vectorized in jgrad-simd, the same bits).
 */
public class Adam extends GradientOptimizer {

    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final float[][] m;
    private final float[][] v;
    // Per-step scalars, computed once in beforeStep.
    private float stepSize;
    private float sqrtBias2;

    public Adam(List<? extends Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8);
    }

    public Adam(List<? extends Tensor> params, double lr, double beta1, double beta2, double eps) {
        this("Adam", params, lr, beta1, beta2, eps, 0);
    }

    Adam(String name, List<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(name, params, lr);
        this.beta1 = (float) Hyper.unitInterval(name, "beta1", beta1);
        this.beta2 = (float) Hyper.unitInterval(name, "beta2", beta2);
        this.eps = (float) Hyper.positive(name, "eps", eps);
        this.weightDecay = (float) Hyper.nonNegative(name, "weightDecay", weightDecay);
        this.m = newState("m");
        this.v = newState("v");
    }

    @Override
    protected void beforeStep(long t) {
        double bias1 = 1 - Math.pow(beta1, t);
        double bias2 = 1 - Math.pow(beta2, t);
        // lr * mhat / (sqrt(vhat) + eps) == (lr / bias1) * m / (sqrt(v) / sqrt(bias2) + eps)
        stepSize = (float) (lr() / bias1);
        sqrtBias2 = (float) Math.sqrt(bias2);
    }

    @Override
    protected void update(int index, float[] w, float[] g, int from, int to) {
        float decay = weightDecay > 0f ? 1f - (float) lr() * weightDecay : 1f;
        Backend.kernels().adam(w, g, m[index], v[index], from, to - from, beta1, beta2, stepSize, sqrtBias2, eps,
                decay);
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = super.hyperparameters();
        h.put("beta1", decimal(beta1));
        h.put("beta2", decimal(beta2));
        h.put("eps", decimal(eps));
        if (weightDecay > 0) {
            h.put("weight_decay", decimal(weightDecay));
        }
        return h;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lr=" + lr() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps
                + (weightDecay > 0 ? ", weightDecay=" + weightDecay : "") + ")";
    }
}
