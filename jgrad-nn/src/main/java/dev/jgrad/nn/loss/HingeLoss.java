package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Hinge loss for labels {@code +1/-1}: {@code reduce(max(0, 1 - target * prediction))}, the SVM loss. Predictions
 * are raw scores; targets other than +1 and -1 are rejected.
 */
public final class HingeLoss implements Loss {

    private final Reduction reduction;

    /** With {@link Reduction#MEAN}. */
    public HingeLoss() {
        this(Reduction.MEAN);
    }

    public HingeLoss(Reduction reduction) {
        this.reduction = LossChecks.notNull("HingeLoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        LossChecks.sameShape("HingeLoss", prediction, target);
        float[] t = target.toArray();
        for (int i = 0; i < t.length; i++) {
            if (t[i] != 1f && t[i] != -1f) {
                throw new IllegalArgumentException("HingeLoss: targets must be +1 or -1, got " + t[i] + " at flat index " + i);
            }
        }
        return reduction.reduce(target.mul(prediction).neg().add(1f).relu());
    }

    @Override
    public String toString() {
        return "HingeLoss(reduction=" + reduction + ")";
    }
}
