package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Huber (smooth L1) loss: quadratic {@code 0.5 d^2} for {@code |d| <= delta}, linear {@code delta (|d| - delta/2)}
 * beyond, with {@code d = prediction - target}. Its derivative is {@code d} inside and {@code delta sign(d)}
 * outside: continuous, so the two pieces join smoothly.
 */
public final class HuberLoss implements Loss {

    private final float delta;
    private final Reduction reduction;

    public HuberLoss(double delta) {
        this(delta, Reduction.MEAN);
    }

    public HuberLoss(double delta, Reduction reduction) {
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("HuberLoss: delta must be > 0 and finite, got " + delta);
        }
        this.delta = (float) delta;
        this.reduction = LossChecks.notNull("HuberLoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        float dl = delta;
        // 0.5 d^2 inside |d| <= delta, delta (|d| - delta/2) outside; d/dp = d inside (no cancellation for a small
        // residual), delta sign(d) outside.
        return PointwiseLoss.apply("HuberLoss", prediction, target, reduction, new PointwiseLoss.Element() {
            public double value(float p, float t) {
                double d = (double) p - t;
                double a = Math.abs(d);
                return a <= dl ? 0.5 * d * d : dl * (a - 0.5 * dl);
            }

            public float dp(float p, float t) {
                float d = p - t;
                return Math.abs(d) <= dl ? d : Math.copySign(dl, d);
            }
        });
    }

    @Override
    public String toString() {
        return "HuberLoss(delta=" + delta + ", reduction=" + reduction + ")";
    }

    @Override
    public String execution() {
        return "one fused op";
    }
}
