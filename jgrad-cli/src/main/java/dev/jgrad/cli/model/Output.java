package dev.jgrad.cli.model;

import dev.jgrad.tensor.Tensor;

import java.util.Locale;

/**
 * What a model's last layer emits, saved with the model so predict knows how to turn outputs into class
 * probabilities: softmax of logits, per-class sigmoids (normalized to sum to one for display), or plain values.
 */
public enum Output {
    /** Softmax logits (cross-entropy). */
    LOGITS,
    /** A Sigmoid layer ends the network (the notes' quadratic-cost recipe). */
    SIGMOID,
    /** Independent per-class logits (BCE with logits). */
    BINARY_LOGITS,
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
        throw new IllegalArgumentException("unknown output kind '" + s + "'");
    }

    /**
     * Rows of class probabilities from model outputs {@code [n, k]}. Sigmoid scores are divided by their sum so
     * the shown numbers add up to one; argmax is unchanged.
     */
    public float[][] probabilities(Tensor outputs) {
        int n = outputs.size(0);
        int k = outputs.size(1);
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
}
