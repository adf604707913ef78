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
        // max(x, 0) - x t + log(1 + e^-|x|); d/dx = sigmoid(x) - t (-0.5 at x = 0, t = 1), d/dt = -x
        return PointwiseLoss.apply("BCEWithLogitsLoss", prediction, target, reduction, new PointwiseLoss.Element() {
            public double value(float x, float t) {
                return Math.max(x, 0) - (double) x * t + Math.log1p(Math.exp(-Math.abs(x)));
            }

            public float dp(float x, float t) {
                double s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
                return (float) (s - t);
            }

            public float dt(float x, float t) {
                return -x;
            }
        });
    }

    /** How per-element losses are combined. */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public String toString() {
        return "BCEWithLogitsLoss(reduction=" + reduction + ")";
    }

    @Override
    public String execution() {
        return "one fused op";
    }
}
