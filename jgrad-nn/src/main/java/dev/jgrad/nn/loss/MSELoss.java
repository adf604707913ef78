package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Mean squared error {@code reduce((prediction - target)^2)} over all elements. With {@link Reduction#SUM} it is the
 * notes' {@code sum (F(x_i) - y_i)^2}.
 */
public final class MSELoss implements Loss {

    private final Reduction reduction;

    /** With {@link Reduction#MEAN}. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        this.reduction = LossChecks.notNull("MSELoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        // (p - t)^2, d/dp = 2 (p - t)
        return PointwiseLoss.apply("MSELoss", prediction, target, reduction, new PointwiseLoss.Element() {
            public double value(float p, float t) {
                double d = (double) p - t;
                return d * d;
            }

            public float dp(float p, float t) {
                return 2f * (p - t);
            }
        });
    }

    /** How per-element losses are combined. */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public String toString() {
        return "MSELoss(reduction=" + reduction + ")";
    }

    @Override
    public String execution() {
        return "one fused op";
    }
}
