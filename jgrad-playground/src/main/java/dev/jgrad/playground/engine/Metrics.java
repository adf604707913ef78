package dev.jgrad.playground.engine;

/** Accuracy, confusion matrix and R^2 from plain arrays of predictions. */
public final class Metrics {
    private Metrics() {}

    /** Fraction of {@code predicted[i] == actual[i]}; NaN for an empty set. */
    public static double accuracy(int[] predicted, float[] actual) {
        if (predicted.length == 0) return Double.NaN;
        int ok = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == (int) actual[i]) ok++;
        return (double) ok / predicted.length;
    }

    /** {@code [actual][predicted]} counts. */
    public static int[][] confusion(int[] predicted, float[] actual, int k) {
        int[][] m = new int[k][k];
        for (int i = 0; i < predicted.length; i++) m[(int) actual[i]][predicted[i]]++;
        return m;
    }

    /** Coefficient of determination 1 - SS_res / SS_tot; NaN when the targets are constant or absent. */
    public static double r2(float[] predicted, float[] actual) {
        int n = actual.length;
        if (n == 0) return Double.NaN;
        double mean = 0;
        for (float a : actual) mean += a;
        mean /= n;
        double res = 0, tot = 0;
        for (int i = 0; i < n; i++) {
            res += (actual[i] - predicted[i]) * (double) (actual[i] - predicted[i]);
            tot += (actual[i] - mean) * (actual[i] - mean);
        }
        return tot == 0 ? Double.NaN : 1 - res / tot;
    }
}
