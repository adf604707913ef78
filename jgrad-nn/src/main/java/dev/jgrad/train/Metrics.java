package dev.jgrad.train;

import dev.jgrad.tensor.Tensor;

import java.util.Arrays;

/**
 * The standard metrics. Classification: {@link #accuracy()} (argmax of {@code [n, k]} outputs, or a 0.5
 * threshold for one probability per sample) and {@link ConfusionMatrix} for precision/recall/F1 per class.
 * Regression: {@link #mse()}, {@link #mae()}, {@link #r2()}, over all elements.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The fraction of samples whose predicted class is the target class; binary outputs use threshold 0.5. */
    public static Metric accuracy() {
        return accuracy(0.5f);
    }

    /** Accuracy with a custom threshold for binary outputs (e.g. 0 when the model outputs logits). */
    public static Metric accuracy(double threshold) {
        return new Metric() {
            @Override
            public String name() {
                return "accuracy";
            }

            @Override
            public double compute(Tensor prediction, Tensor target) {
                Labels.sameRows("accuracy", prediction, target);
                int[] p = Labels.predicted(prediction, (float) threshold);
                int[] t = Labels.actual(target);
                int correct = 0;
                for (int i = 0; i < p.length; i++) {
                    if (p[i] == t[i]) {
                        correct++;
                    }
                }
                return p.length == 0 ? 0 : (double) correct / p.length;
            }
        };
    }

    /**
     * The unweighted mean over {@code classes} classes of the per-class F1 scores ({@link ConfusionMatrix#macroF1()}),
     * for imbalanced classes where accuracy flatters.
     */
    public static Metric macroF1(int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("macroF1: classes must be > 0, got " + classes);
        }
        return new Metric() {
            @Override
            public String name() {
                return "macro_f1";
            }

            @Override
            public double compute(Tensor prediction, Tensor target) {
                return ConfusionMatrix.of(prediction, target, classes).macroF1();
            }
        };
    }

    /** Mean squared error over all elements. */
    public static Metric mse() {
        return regression("mse", false, (p, t) -> {
            double s = 0;
            for (int i = 0; i < p.length; i++) {
                double d = (double) p[i] - t[i];
                s += d * d;
            }
            return s / p.length;
        });
    }

    /** Mean absolute error over all elements. */
    public static Metric mae() {
        return regression("mae", false, (p, t) -> {
            double s = 0;
            for (int i = 0; i < p.length; i++) {
                s += Math.abs((double) p[i] - t[i]);
            }
            return s / p.length;
        });
    }

    /** The coefficient of determination {@code 1 - SS_res / SS_tot}: 1 is perfect, 0 is "predict the mean". */
    public static Metric r2() {
        return regression("r2", true, (p, t) -> {
            double mean = 0;
            for (float v : t) {
                mean += v;
            }
            mean /= t.length;
            double res = 0;
            double tot = 0;
            for (int i = 0; i < p.length; i++) {
                res += ((double) t[i] - p[i]) * ((double) t[i] - p[i]);
                tot += (t[i] - mean) * (t[i] - mean);
            }
            return tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
        });
    }

    private interface ArrayMetric {
        double compute(float[] prediction, float[] target);
    }

    private static Metric regression(String name, boolean higherIsBetter, ArrayMetric f) {
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double compute(Tensor prediction, Tensor target) {
                if (prediction.numel() != target.numel() || prediction.numel() == 0) {
                    throw new IllegalArgumentException(name + ": prediction shape " + Arrays.toString(prediction.shape())
                            + " does not match target shape " + Arrays.toString(target.shape()));
                }
                return f.compute(prediction.toArray(), target.toArray());
            }

            @Override
            public boolean higherIsBetter() {
                return higherIsBetter;
            }
        };
    }
}
