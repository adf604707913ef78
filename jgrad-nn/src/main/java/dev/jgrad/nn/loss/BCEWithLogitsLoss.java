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
        return reduction.reduce(x.relu().sub(x.mul(target)).add(softplusNegAbs));
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
