package dev.jgrad.cli.model;

import dev.jgrad.nn.loss.Loss;
import dev.jgrad.nn.loss.Losses;

import java.util.Locale;

/**
 * The losses {@code --loss} offers, and what each implies for the network's last layer and the targets:
 * cross-entropy works on logits with class-index targets; mse (the notes' half squared error) puts a sigmoid on the
 * output for classification and uses one-hot targets; bce is a per-class sigmoid cross-entropy on logits with
 * one-hot targets; l1 and huber are for regression.
 */
public enum LossKind {
    CROSS_ENTROPY, MSE, BCE, L1, HUBER;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Loss create() {
        // The library's catalog builds it; the CLI's "mse" is the notes' quadratic cost.
        return Losses.parse(this == MSE ? "quadratic" : id());
    }

    /** Whether this loss can train a classifier. */
    public boolean forClassification() {
        return this == CROSS_ENTROPY || this == MSE || this == BCE;
    }

    /** Whether this loss can fit a real-valued target. */
    public boolean forRegression() {
        return this == MSE || this == L1 || this == HUBER;
    }

    /** What the last layer emits when this loss trains a classifier. */
    public Output classifierOutput() {
        return switch (this) {
            case MSE -> Output.SIGMOID;
            case BCE -> Output.BINARY_LOGITS;
            default -> Output.LOGITS;
        };
    }

    /** Whether classification targets are one-hot rows rather than class indices. */
    public boolean oneHotTargets() {
        return this == MSE || this == BCE;
    }

    /** The loss {@code s} names, or null if the command line offers none by that name (e.g. the playground's hinge). */
    public static LossKind find(String s) {
        try {
            return parse(s);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public static LossKind parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("crossentropy") || t.equals("ce")) {
            return CROSS_ENTROPY;
        }
        for (LossKind k : values()) {
            if (k.id().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + s + "'; choose one of cross-entropy, mse, bce, l1, huber");
    }
}
