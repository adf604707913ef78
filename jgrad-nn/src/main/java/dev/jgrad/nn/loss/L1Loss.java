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
        // |p - t|, d/dp = sign(p - t) (0 at 0, as PyTorch)
        return PointwiseLoss.apply("L1Loss", prediction, target, reduction, new PointwiseLoss.Element() {
            public double value(float p, float t) {
                return Math.abs((double) p - t);
            }

            public float dp(float p, float t) {
                return Math.signum(p - t);
            }
        });
    }

    @Override
    public String toString() {
        return "L1Loss(reduction=" + reduction + ")";
    }

    @Override
    public String execution() {
        return "one fused op";
    }
}
