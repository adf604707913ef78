package dev.jgrad.nn.fused;

/**
 * The losses {@link FusedMlp} computes by hand, each with its gradient with respect to the network's output,
 * matching {@code MSELoss}, {@code CrossEntropyLoss} and {@code BCEWithLogitsLoss} of {@code dev.jgrad.nn.loss}.
 * Sums are accumulated in double.
 */
public enum FusedLoss {

    /** mean over all n*k elements of (y - t)^2. */
    MSE_MEAN {
        @Override
        float valueAndGradient(float[] out, int n, int k, Target t, float[] g) {
            float[] v = t.requireValues(n * k);
            double sum = 0;
            float scale = 2f / (n * k);
            for (int i = 0; i < n * k; i++) {
                float d = out[i] - v[i];
                sum += (double) d * d;
                g[i] = scale * d;
            }
            return (float) (sum / (n * k));
        }
    },

    /** sum over all elements of (y - t)^2. */
    MSE_SUM {
        @Override
        float valueAndGradient(float[] out, int n, int k, Target t, float[] g) {
            float[] v = t.requireValues(n * k);
            double sum = 0;
            for (int i = 0; i < n * k; i++) {
                float d = out[i] - v[i];
                sum += (double) d * d;
                g[i] = 2f * d;
            }
            return (float) sum;
        }
    },

    /** Cross-entropy on logits with class indices, averaged over rows: stable log-sum-exp per row. */
    CROSS_ENTROPY_MEAN {
        @Override
        float valueAndGradient(float[] out, int n, int k, Target t, float[] g) {
            int[] labels = t.requireLabels(n, k);
            double total = 0;
            float invN = 1f / n;
            for (int r = 0; r < n; r++) {
                int base = r * k;
                float m = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    m = Math.max(m, out[base + j]);
                }
                double z = 0;
                for (int j = 0; j < k; j++) {
                    float e = (float) Math.exp(out[base + j] - m);
                    g[base + j] = e;
                    z += e;
                }
                float invZ = (float) (1.0 / z);
                for (int j = 0; j < k; j++) {
                    g[base + j] *= invZ * invN; // softmax / n
                }
                int y = labels[r];
                g[base + y] -= invN; // (softmax - onehot) / n
                total += Math.log(z) - (out[base + y] - m);
            }
            return (float) (total / n);
        }
    },

    /** Binary cross-entropy on logits, averaged over all elements: max(x,0) - x t + log(1 + e^-|x|). */
    BCE_WITH_LOGITS_MEAN {
        @Override
        float valueAndGradient(float[] out, int n, int k, Target t, float[] g) {
            float[] v = t.requireValues(n * k);
            double sum = 0;
            float scale = 1f / (n * k);
            for (int i = 0; i < n * k; i++) {
                float x = out[i];
                sum += Math.max(x, 0) - x * v[i] + Math.log1p(Math.exp(-Math.abs(x)));
                float s = x >= 0 ? 1f / (1f + (float) Math.exp(-x)) : (float) Math.exp(x) / (1f + (float) Math.exp(x));
                g[i] = scale * (s - v[i]);
            }
            return (float) (sum / (n * k));
        }
    };

    /**
     * The fused form of a loss module, if there is one: MSE (mean or sum), cross-entropy (mean, class-index
     * targets) and BCE on logits (mean).
     */
    public static java.util.Optional<FusedLoss> of(dev.jgrad.nn.loss.Loss loss) {
        FusedLoss f = null;
        if (loss instanceof dev.jgrad.nn.loss.MSELoss m) {
            f = m.reduction() == dev.jgrad.nn.loss.Reduction.MEAN ? MSE_MEAN : MSE_SUM;
        } else if (loss instanceof dev.jgrad.nn.loss.CrossEntropyLoss c && c.reduction() == dev.jgrad.nn.loss.Reduction.MEAN) {
            f = CROSS_ENTROPY_MEAN;
        } else if (loss instanceof dev.jgrad.nn.loss.BCEWithLogitsLoss b && b.reduction() == dev.jgrad.nn.loss.Reduction.MEAN) {
            f = BCE_WITH_LOGITS_MEAN;
        }
        return java.util.Optional.ofNullable(f);
    }

    /** Whether the target is class indices (one per row) rather than values shaped like the output. */
    public boolean takesClassIndices() {
        return this == CROSS_ENTROPY_MEAN;
    }

    /** What the loss compares the output with: class indices or values of the output's shape. */
    public record Target(int[] labels, float[] values) {
        public static Target classes(int[] labels) {
            return new Target(labels, null);
        }

        public static Target values(float[] values) {
            return new Target(null, values);
        }

        int[] requireLabels(int n, int k) {
            if (labels == null) {
                throw new IllegalArgumentException("cross-entropy needs class indices as the target");
            }
            for (int r = 0; r < n; r++) {
                if (labels[r] < 0 || labels[r] >= k) {
                    throw new IllegalArgumentException("cross-entropy: label " + labels[r] + " in row " + r
                            + " is outside [0, " + k + ")");
                }
            }
            return labels;
        }

        float[] requireValues(int len) {
            if (values == null || values.length < len) {
                throw new IllegalArgumentException("this loss needs " + len + " target values, got "
                        + (values == null ? "class indices" : values.length + " values"));
            }
            return values;
        }
    }

    /** Writes dL/dout into {@code gradOut} ([n, k]) and returns L. */
    abstract float valueAndGradient(float[] out, int n, int k, Target target, float[] gradOut);
}
