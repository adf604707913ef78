package dev.jgrad.cli.model;

import dev.jgrad.tensor.Tensor;

import java.util.Locale;

/**
 * What a model's last layer emits, saved in the model card ({@code outputs.kind}) so predict and eval know how to turn
 * outputs into class probabilities. The ids are the model card's vocabulary ({@code docs/model-format.md}), shared
 * with the playground.
 */
public enum Output {
    /** Softmax logits, one column per class (cross-entropy). */
    LOGITS,
    /** A Sigmoid layer ends the network: a probability per class column, or of class 1 in a single column. */
    SIGMOID,
    /** Independent per-class logits (BCE with logits); a single column is the logit of class 1 of two. */
    BINARY_LOGITS,
    /** One column in [-1, 1] (tanh against +-1 labels, the playground's squared error): class 1 above 0. */
    TANH,
    /** One raw score (hinge loss): class 1 above 0; its "probability" is the score clipped to [-1, 1], rescaled. */
    MARGIN,
    /** Regression values. */
    VALUE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Output parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Output o : values()) {
            if (o.id().equals(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown output kind '" + s + "'; expected logits, sigmoid, binary-logits,"
                + " tanh, margin or value");
    }

    /** Whether a model with this output can have {@code columns} output columns for {@code classes} classes. */
    public boolean fits(int columns, int classes) {
        return switch (this) {
            case LOGITS -> columns == classes && classes >= 2;
            case SIGMOID, BINARY_LOGITS -> columns == classes || (columns == 1 && classes == 2);
            case TANH, MARGIN -> columns == 1 && classes == 2;
            case VALUE -> true;
        };
    }

    /**
     * Rows of class probabilities from model outputs {@code [n, k]}. Sigmoid scores are divided by their sum so
     * the shown numbers add up to one; argmax is unchanged. A single binary column {@code p} (the probability of
     * class 1) becomes the row {@code [1 - p, p]}.
     */
    public float[][] probabilities(Tensor outputs) {
        int n = outputs.size(0);
        int k = outputs.dim() == 1 ? 1 : outputs.size(1);
        if (k == 1 && this != VALUE) {
            return binary(outputs.toArray(), n);
        }
        float[] p = switch (this) {
            case LOGITS -> outputs.softmax(1).toArray();
            case BINARY_LOGITS -> outputs.sigmoid().toArray();
            default -> outputs.toArray();
        };
        float[][] rows = new float[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(p, i * k, rows[i], 0, k);
            if (this == SIGMOID || this == BINARY_LOGITS) {
                double sum = 0;
                for (float v : rows[i]) {
                    sum += v;
                }
                if (sum > 0) {
                    for (int j = 0; j < k; j++) {
                        rows[i][j] /= (float) sum;
                    }
                }
            }
        }
        return rows;
    }

    private float[][] binary(float[] y, int n) {
        float[][] rows = new float[n][2];
        for (int i = 0; i < n; i++) {
            double p1 = switch (this) {
                case BINARY_LOGITS -> 1 / (1 + Math.exp(-y[i]));
                case SIGMOID -> y[i];
                default -> (y[i] + 1) / 2; // tanh, margin: [-1, 1] onto [0, 1], split at 0
            };
            p1 = Math.min(1, Math.max(0, p1));
            rows[i][0] = (float) (1 - p1);
            rows[i][1] = (float) p1;
        }
        return rows;
    }

    /**
     * The predicted class of each row: the largest output, or for a single binary column class 1 when the output
     * is above the split (0, or 0.5 for a sigmoid), as the playground draws it.
     */
    public int[] classes(Tensor outputs) {
        int k = outputs.dim() == 1 ? 1 : outputs.size(1);
        if (k > 1) {
            return outputs.argmax(1);
        }
        float[] y = outputs.toArray();
        float split = this == SIGMOID ? 0.5f : 0f;
        int[] c = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i] > split ? 1 : 0;
        }
        return c;
    }
}
