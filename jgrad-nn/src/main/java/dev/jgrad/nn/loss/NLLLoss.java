package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Negative log-likelihood on log-probabilities {@code [n, k]} (e.g. the output of a log-softmax) with class-index
 * targets {@code [n]}: {@code reduce(-logProbs[i, target_i])}. {@link CrossEntropyLoss} is log-softmax + NLL.
 */
public final class NLLLoss implements Loss {

    private final Reduction reduction;

    public NLLLoss() {
        this(Reduction.MEAN);
    }

    public NLLLoss(Reduction reduction) {
        this.reduction = LossChecks.notNull("NLLLoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        LossChecks.matrix("NLLLoss", prediction);
        int[] idx = LossChecks.classIndices("NLLLoss", prediction, target);
        return reduction.reduce(prediction.pick(idx).neg());
    }

    @Override
    public String toString() {
        return "NLLLoss(reduction=" + reduction + ")";
    }
}
