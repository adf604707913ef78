package dev.jgrad.nn;

import dev.jgrad.catalog.Catalog;
import dev.jgrad.catalog.Catalog.Entry;
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

    /**
     * {@code rate * sum |w|} over all elements of {@code params}: a scalar tensor, one op whose backward adds
     * {@code rate sign(w)} straight into each gradient (no temporaries the size of the weights).
     */
    public static Tensor l1(List<? extends Tensor> params, double rate) {
        checkRate("l1", rate);
        double sum = 0;
        for (Tensor p : params) {
            for (float w : p.values()) {
                sum += Math.abs(w);
            }
        }
        float r = (float) rate;
        return penalty("l1", sum * rate, params, (w, g) -> {
            for (int i = 0; i < w.length; i++) {
                g[i] += r * Math.signum(w[i]);
            }
        });
    }

    /** {@code rate * sum w^2} over all elements of {@code params}: a scalar tensor whose backward adds {@code 2 rate w}. */
    public static Tensor l2(List<? extends Tensor> params, double rate) {
        checkRate("l2", rate);
        double sum = 0;
        for (Tensor p : params) {
            for (float w : p.values()) {
                sum += (double) w * w;
            }
        }
        float twice = (float) (2 * rate);
        return penalty("l2", sum * rate, params, (w, g) -> {
            for (int i = 0; i < w.length; i++) {
                g[i] += twice * w[i];
            }
        });
    }

    /** A weight penalty as the catalog makes it: {@code rate * penalty(params)} as a scalar tensor. */
    @FunctionalInterface
    public interface Penalty {
        Tensor apply(List<? extends Tensor> params, double rate);
    }

    private static final Catalog<Penalty> CATALOG = new Catalog<>("regularization");

    static {
        CATALOG.register(Entry.of("none", List.of(), "None", "no penalty", p -> (params, rate) -> Tensor.scalar(0f)));
        CATALOG.register(Entry.of("l1", List.of("lasso"), "L1", "rate * sum |w|: pushes weights to exactly 0",
                p -> Regularization::l1));
        CATALOG.register(Entry.of("l2", List.of("ridge"), "L2", "rate * sum w^2: keeps weights small",
                p -> Regularization::l2));
    }

    /**
     * The penalty {@code kind} names ({@code "none"}, {@code "l1"}, {@code "l2"}: the catalog the command line and
     * the playground read) over {@code params} at {@code rate}.
     */
    public static Tensor of(String kind, List<? extends Tensor> params, double rate) {
        return CATALOG.parse(kind).apply(params, rate);
    }

    /** Every penalty of the catalog, in order. */
    public static List<Entry<Penalty>> entries() {
        return CATALOG.entries();
    }

    private interface GradientRule {
        /** Adds d(penalty)/dw, scaled by the upstream gradient 1, into g. */
        void add(float[] w, float[] g);
    }

    private static Tensor penalty(String name, double value, List<? extends Tensor> params, GradientRule rule) {
        Tensor[] inputs = params.toArray(new Tensor[0]);
        return Tensor.fromOp(name, new float[]{(float) value}, new int[0], y -> {
            float up = y.grad().item();
            for (Tensor p : inputs) {
                if (!p.requiresGrad()) {
                    continue;
                }
                float[] w = p.values();
                float[] g = p.gradData();
                if (up == 1f) {
                    rule.add(w, g);
                } else {
                    float[] tmp = new float[w.length];
                    rule.add(w, tmp);
                    for (int i = 0; i < w.length; i++) {
                        g[i] += up * tmp[i];
                    }
                }
            }
        }, inputs);
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
