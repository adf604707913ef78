package dev.jgrad.cli.model;

import dev.jgrad.optim.AdaGrad;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.AdamW;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.RMSProp;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Locale;

/** The optimizers {@code --optimizer} offers, with PyTorch's defaults (Adam betas 0.9/0.999, eps 1e-8). */
public enum OptimizerKind {
    SGD, ADAM, ADAMW, RMSPROP, ADAGRAD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param momentum    SGD only (0 = plain SGD)
     * @param weightDecay L2 for SGD, decoupled for AdamW; the others have none (the train command rejects it)
     */
    public Optimizer create(List<? extends Tensor> params, double lr, double momentum, double weightDecay) {
        return switch (this) {
            case SGD -> new SGD(params, lr, momentum, false, weightDecay);
            case ADAM -> new Adam(params, lr, 0.9, 0.999, 1e-8);
            case ADAMW -> new AdamW(params, lr, weightDecay);
            case RMSPROP -> new RMSProp(params, lr);
            case ADAGRAD -> new AdaGrad(params, lr);
        };
    }

    /** A learning rate that works for small problems when none is given. */
    public double defaultLr() {
        return switch (this) {
            case SGD -> 0.1;
            case ADAGRAD -> 0.01;
            default -> 1e-3;
        };
    }

    public static OptimizerKind parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind k : values()) {
            if (k.id().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + s + "'; choose one of sgd, adam, adamw, rmsprop, adagrad");
    }
}
