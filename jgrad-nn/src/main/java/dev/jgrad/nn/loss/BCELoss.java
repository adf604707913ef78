package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities: {@code reduce(-(t log p + (1 - t) log(1 - p)))}. Predictions are clamped
 * to {@code [eps, 1 - eps]} (default eps 1e-7) so a saturated sigmoid gives a large finite loss instead of
 * infinity. On raw scores use {@link BCEWithLogitsLoss}, which is exact and stable.
 */
public final class BCELoss implements Loss {

    private final float eps;
    private final Reduction reduction;

    public BCELoss() {
        this(1e-7f, Reduction.MEAN);
    }

    public BCELoss(double eps, Reduction reduction) {
        if (!(eps > 0 && eps < 0.5)) {
            throw new IllegalArgumentException("BCELoss: eps must be in (0, 0.5), got " + eps);
        }
        this.eps = (float) eps;
        this.reduction = LossChecks.notNull("BCELoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        LossChecks.sameShape("BCELoss", prediction, target);
        Tensor p = prediction.clamp(eps, 1f - eps);
        Tensor oneMinusT = target.neg().add(1f);
        Tensor logLik = target.mul(p.log()).add(oneMinusT.mul(p.neg().add(1f).log()));
        return reduction.reduce(logLik.neg());
    }

    @Override
    public String toString() {
        return "BCELoss(eps=" + eps + ", reduction=" + reduction + ")";
    }
}
