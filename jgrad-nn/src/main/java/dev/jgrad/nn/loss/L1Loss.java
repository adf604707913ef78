package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Mean absolute error {@code reduce(|prediction - target|)} over all elements: less sensitive to outliers than MSE.
 */
public final class L1Loss implements Loss {

    private final Reduction reduction;

    /** With {@link Reduction#MEAN}. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        this.reduction = LossChecks.notNull("L1Loss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        LossChecks.sameShape("L1Loss", prediction, target);
        return reduction.reduce(prediction.sub(target).abs());
    }

    @Override
    public String toString() {
        return "L1Loss(reduction=" + reduction + ")";
    }
}
