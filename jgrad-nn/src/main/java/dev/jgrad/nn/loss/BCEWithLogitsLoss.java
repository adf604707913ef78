package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Binary cross-entropy on logits (raw scores), in the stable form
 * {@code max(x, 0) - x t + log(1 + e^-|x|)}, which never takes the log of 0 or overflows exp. Prefer this to
 * a {@link dev.jgrad.nn.Sigmoid} followed by {@link BCELoss}. Targets are probabilities in [0, 1].
 */
public final class BCEWithLogitsLoss implements Loss {

    private final Reduction reduction;

    /** With {@link Reduction#MEAN}. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        this.reduction = LossChecks.notNull("BCEWithLogitsLoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        LossChecks.sameShape("BCEWithLogitsLoss", prediction, target);
        Tensor x = prediction;
        Tensor softplusNegAbs = x.abs().neg().exp().add(1f).log();
        // max(x, 0) through maximum, not relu: at the tie x = 0 maximum splits the gradient (1/2), which is the
        // derivative of the smooth whole there, so dL/dx = sigmoid(0) - t = 0.5 - t as in PyTorch; relu'(0) = 0
        // gave -t. Elsewhere the two route the gradient identically.
        Tensor positivePart = x.maximum(Tensor.scalar(0f));
        return reduction.reduce(positivePart.sub(x.mul(target)).add(softplusNegAbs));
    }

    /** How per-element losses are combined. */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public String toString() {
        return "BCEWithLogitsLoss(reduction=" + reduction + ")";
    }
}
