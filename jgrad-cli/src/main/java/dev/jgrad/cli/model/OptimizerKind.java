package dev.jgrad.cli.model;

import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.Optimizers;
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
        String spec = switch (this) {
            case SGD -> "sgd:" + momentum + "," + weightDecay;
            case ADAMW -> "adamw:" + weightDecay;
            default -> id();
        };
        return Optimizers.parse(spec).create(params, lr);
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
