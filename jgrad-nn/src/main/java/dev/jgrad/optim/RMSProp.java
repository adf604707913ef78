package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * RMSProp: like AdaGrad but with a moving average of squared gradients, so steps can grow again:
 * {@code v = alpha v + (1 - alpha) g^2; w -= lr * g / (sqrt(v) + eps)} (defaults alpha 0.99, eps 1e-8).
 */
public final class RMSProp extends GradientOptimizer {

    private final float alpha;
    private final float eps;
    private final float[][] meanSquares;

    public RMSProp(List<? extends Tensor> params, double lr) {
        this(params, lr, 0.99, 1e-8);
    }

    public RMSProp(List<? extends Tensor> params, double lr, double alpha, double eps) {
        super("RMSProp", params, lr);
        this.alpha = (float) Hyper.unitInterval("RMSProp", "alpha", alpha);
        this.eps = (float) Hyper.positive("RMSProp", "eps", eps);
        this.meanSquares = newState("mean_squares");
    }

    @Override
    protected void update(int index, float[] w, float[] g, int from, int to) {
        float lr = (float) lr();
        float a = alpha;
        float b = 1f - alpha;
        float[] v = meanSquares[index];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            v[i] = a * v[i] + b * gi * gi;
            w[i] -= lr * gi / ((float) Math.sqrt(v[i]) + eps);
        }
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = super.hyperparameters();
        h.put("alpha", decimal(alpha));
        h.put("eps", decimal(eps));
        return h;
    }
}
