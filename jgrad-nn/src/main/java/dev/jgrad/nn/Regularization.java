package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * L1 and L2 regularization, in the two usual forms.
 *
 * <ul>
 *   <li>As a penalty added to the loss (its gradient flows through backprop):
 *       {@code loss.add(Regularization.l2(model.parameters(), 1e-4f))}.</li>
 *   <li>As decoupled weight decay applied directly to the weights, {@link #decay}: {@code w <- w - factor * w},
 *       which is what {@link dev.jgrad.optim.AdamW} does inside its step.</li>
 * </ul>
 * Biases are usually not regularized; {@link #weightsOf(Module)} picks the parameters named {@code *weight}.
 */
public final class Regularization {

    private Regularization() {
    }

    /** {@code rate * sum |w|} over all elements of {@code params}: a scalar tensor. */
    public static Tensor l1(List<? extends Tensor> params, double rate) {
        checkRate("l1", rate);
        Tensor total = null;
        for (Tensor p : params) {
            Tensor s = p.abs().sum();
            total = total == null ? s : total.add(s);
        }
        return total == null ? Tensor.scalar(0f) : total.mul((float) rate);
    }

    /** {@code rate * sum w^2} over all elements of {@code params}: a scalar tensor (gradient {@code 2 rate w}). */
    public static Tensor l2(List<? extends Tensor> params, double rate) {
        checkRate("l2", rate);
        Tensor total = null;
        for (Tensor p : params) {
            Tensor s = p.mul(p).sum();
            total = total == null ? s : total.add(s);
        }
        return total == null ? Tensor.scalar(0f) : total.mul((float) rate);
    }

    /** Decoupled weight decay, in place and outside autograd: {@code w <- (1 - factor) w}, factor = lr * decay. */
    public static void decay(List<? extends Tensor> params, double factor) {
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("decay: factor must be in [0, 1), got " + factor);
        }
        float keep = (float) (1 - factor);
        for (Tensor p : params) {
            float[] w = p.data();
            for (int i = 0; i < w.length; i++) {
                w[i] *= keep;
            }
        }
    }

    /** The parameters whose name ends in {@code weight} (so not the biases). */
    public static List<Parameter> weightsOf(Module model) {
        List<Parameter> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            if (e.getKey().endsWith("weight")) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(name + ": rate must be >= 0 and finite, got " + rate);
        }
    }
}
