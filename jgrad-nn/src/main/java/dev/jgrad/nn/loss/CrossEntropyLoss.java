package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Cross-entropy on logits {@code [n, k]}: {@code -log softmax(logits)[target]} per sample, then reduced over the
 * n samples. Uses {@code logSoftmax} (log-sum-exp with the max subtracted), so large logits do not overflow.
 *
 * <p>Targets are either class indices {@code [n]} (floats holding integers in [0, k)) or one-hot / probability
 * rows {@code [n, k]}, for which the per-sample loss is {@code -sum_j t_j log softmax_j}.
 */
public final class CrossEntropyLoss implements Loss {

    private final Reduction reduction;

    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this.reduction = LossChecks.notNull("CrossEntropyLoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        LossChecks.matrix("CrossEntropyLoss", prediction);
        Tensor logProbs = prediction.logSoftmax(1);
        if (target.dim() == 2) {
            LossChecks.sameShape("CrossEntropyLoss", prediction, target);
            return reduction.reduce(target.mul(logProbs).sum(1, false).neg());
        }
        int[] idx = LossChecks.classIndices("CrossEntropyLoss", prediction, target);
        return reduction.reduce(logProbs.pick(idx).neg());
    }

    /** How per-element losses are combined. */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public String toString() {
        return "CrossEntropyLoss(reduction=" + reduction + ")";
    }
}
