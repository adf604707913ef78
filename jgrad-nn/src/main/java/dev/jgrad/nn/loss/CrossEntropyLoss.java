package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * Cross-entropy on logits {@code [n, k]}: {@code -log softmax(logits)[target]} per sample, then reduced over the
 * n samples. Uses {@code logSoftmax} (log-sum-exp with the max subtracted), so large logits do not overflow.
 *
 * <p>Targets are either class indices {@code [n]} (floats holding integers in [0, k)) or one-hot / probability
 * rows {@code [n, k]}, for which the per-sample loss is {@code -sum_j t_j log softmax_j}.
 */
public final class CrossEntropyLoss implements Loss {

    private final Reduction reduction;

    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this.reduction = LossChecks.notNull("CrossEntropyLoss", "reduction", reduction);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        LossChecks.matrix("CrossEntropyLoss", prediction);
        if (target.dim() == 2) {
            LossChecks.sameShape("CrossEntropyLoss", prediction, target);
            return reduction.reduce(target.mul(prediction.logSoftmax(1)).sum(1, false).neg());
        }
        int[] idx = LossChecks.classIndices("CrossEntropyLoss", prediction, target);
        return classIndexLoss(prediction, idx);
    }

    /**
     * The class-index form as one fused op: per row the log-sum-exp (max subtracted) minus the label's logit, in
     * double; backward (softmax - onehot) scaled by the reduction, softmax recomputed from the logits.
     */
    private Tensor classIndexLoss(Tensor logits, int[] labels) {
        int n = logits.size(0);
        int k = logits.size(1);
        float[] z = logits.values();
        double total = 0;
        for (int r = 0; r < n; r++) {
            int base = r * k;
            float m = rowMax(z, base, k);
            total += Math.log(expSum(z, base, k, m)) - (z[base + labels[r]] - m);
        }
        float scale = reduction == Reduction.MEAN ? 1f / n : 1f;
        return Tensor.fromOp("CrossEntropyLoss", new float[]{(float) (total * scale)}, new int[0], y -> {
            float s = y.grad().item() * scale;
            float[] g = logits.gradData();
            for (int r = 0; r < n; r++) {
                int base = r * k;
                float m = rowMax(z, base, k);
                float inv = (float) (s / expSum(z, base, k, m));
                for (int j = 0; j < k; j++) {
                    g[base + j] += (float) Math.exp(z[base + j] - m) * inv;
                }
                g[base + labels[r]] -= s;
            }
        }, logits);
    }

    /** The sum of e^(z_j - m) over one row, in double (m is the row's max, so nothing overflows). */
    private static double expSum(float[] z, int base, int k, float m) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(z[base + j] - m);
        }
        return sum;
    }

    private static float rowMax(float[] z, int base, int k) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            m = Math.max(m, z[base + j]);
        }
        return m;
    }

    /** How per-element losses are combined. */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public String toString() {
        return "CrossEntropyLoss(reduction=" + reduction + ")";
    }

    @Override
    public String execution() {
        return "one fused op for class-index targets, a composition of ops for one-hot rows";
    }
}
