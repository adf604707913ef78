package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * AdaGrad: each weight's step shrinks with its accumulated squared gradients,
 * {@code s += g^2; w -= lr * g / (sqrt(s) + eps)}. Good for sparse features; the steps only ever get smaller.
 */
public final class AdaGrad extends GradientOptimizer {

    private final float eps;
    private final float[][] sumSquares;

    public AdaGrad(List<? extends Tensor> params, double lr) {
        this(params, lr, 1e-10);
    }

    public AdaGrad(List<? extends Tensor> params, double lr, double eps) {
        super("AdaGrad", params, lr);
        this.eps = (float) Hyper.positive("AdaGrad", "eps", eps);
        this.sumSquares = newState("sum_squares");
    }

    @Override
    protected void update(int index, float[] w, float[] g, int from, int to) {
        float lr = (float) lr();
        float[] s = sumSquares[index];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            s[i] += gi * gi;
            w[i] -= lr * gi / ((float) Math.sqrt(s[i]) + eps);
        }
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = super.hyperparameters();
        h.put("eps", decimal(eps));
        return h;
    }
}
