package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent, with PyTorch's semantics for the options:
 * <pre>
 *   g = grad + weightDecay * w            (L2 weight decay, coupled to the gradient)
 *   v = momentum * v + g                  (if momentum &gt; 0; v starts at 0)
 *   g = nesterov ? g + momentum * v : v
 *   w = w - lr * g
 * </pre>
 * Plain SGD is {@code w -= lr * grad}, the notes' update {@code Theta <- Theta - eta dL/dTheta}.
 */
public final class SGD extends GradientOptimizer {

    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final float[][] velocity;

    public SGD(List<? extends Tensor> params, double lr) {
        this(params, lr, 0, false, 0);
    }

    public SGD(List<? extends Tensor> params, double lr, double momentum, boolean nesterov, double weightDecay) {
        super("SGD", params, lr);
        this.momentum = (float) Hyper.unitInterval("SGD", "momentum", momentum);
        this.weightDecay = (float) Hyper.nonNegative("SGD", "weightDecay", weightDecay);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("SGD: nesterov needs momentum > 0, got momentum " + momentum);
        }
        this.nesterov = nesterov;
        this.velocity = momentum > 0 ? newState("velocity") : null;
    }

    @Override
    protected void update(int index, float[] w, float[] g, int from, int to) {
        float lr = (float) lr();
        float wd = weightDecay;
        if (velocity == null) {
            for (int i = from; i < to; i++) {
                w[i] -= lr * (g[i] + wd * w[i]);
            }
            return;
        }
        float[] v = velocity[index];
        float mu = momentum;
        if (nesterov) {
            for (int i = from; i < to; i++) {
                float gi = g[i] + wd * w[i];
                v[i] = mu * v[i] + gi;
                w[i] -= lr * (gi + mu * v[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                float gi = g[i] + wd * w[i];
                v[i] = mu * v[i] + gi;
                w[i] -= lr * v[i];
            }
        }
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = super.hyperparameters();
        h.put("momentum", decimal(momentum));
        h.put("nesterov", nesterov);
        h.put("weight_decay", decimal(weightDecay));
        return h;
    }

    @Override
    public String toString() {
        return "SGD(lr=" + lr() + ", momentum=" + momentum + ", nesterov=" + nesterov + ", weightDecay=" + weightDecay + ")";
    }
}
