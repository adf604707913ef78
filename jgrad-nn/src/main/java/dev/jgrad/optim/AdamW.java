package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019): each step first shrinks the weights,
 * {@code w -= lr * weightDecay * w}, then takes the plain Adam step. Unlike L2 in the loss, the decay is not
 * rescaled by Adam's per-weight step sizes. PyTorch's default weightDecay is 0.01.
 */
public final class AdamW extends Adam {

    public AdamW(List<? extends Tensor> params, double lr, double weightDecay) {
        this(params, lr, 0.9, 0.999, 1e-8, weightDecay);
    }

    public AdamW(List<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super("AdamW", params, lr, beta1, beta2, eps, weightDecay);
    }
}
