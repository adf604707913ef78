package dev.jgrad.train;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of (actual class, predicted class) pairs, with accuracy and per-class precision, recall and F1.
 * {@link #toString()} prints the table with actual classes as rows, then a per-class report.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[][] counts;
    private final List<String> names;

    private ConfusionMatrix(int classes, List<String> names) {
        this.classes = classes;
        this.counts = new long[classes][classes];
        this.names = names;
    }

    /** From predicted and actual labels in [0, classes). */
    public static ConfusionMatrix of(int[] predicted, int[] actual, int classes) {
        return of(predicted, actual, classes, null);
    }

    /** As {@link #of(int[], int[], int)}, with class names for printing (size must equal classes). */
    public static ConfusionMatrix of(int[] predicted, int[] actual, int classes, List<String> classNames) {
        if (classes <= 0) {
            throw new IllegalArgumentException("ConfusionMatrix: classes must be > 0, got " + classes);
        }
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("ConfusionMatrix: " + predicted.length + " predictions but " + actual.length + " labels");
        }
        if (classNames != null && classNames.size() != classes) {
            throw new IllegalArgumentException("ConfusionMatrix: " + classNames.size() + " class names for " + classes + " classes");
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(classNames == null ? Integer.toString(c) : classNames.get(c));
        }
        ConfusionMatrix m = new ConfusionMatrix(classes, names);
        for (int i = 0; i < predicted.length; i++) {
            int p = predicted[i];
            int a = actual[i];
            if (p < 0 || p >= classes || a < 0 || a >= classes) {
                throw new IllegalArgumentException("ConfusionMatrix: sample " + i + " has predicted " + p + ", actual " + a
                        + ", outside [0, " + classes + ")");
            }
            m.counts[a][p]++;
        }
        return m;
    }

    /**
     * From model outputs and targets: {@code [n, k]} outputs by argmax ({@code [n]}/{@code [n, 1]} by a 0.5
     * threshold), targets as class indices {@code [n]} or one-hot {@code [n, k]}.
     */
    public static ConfusionMatrix of(Tensor prediction, Tensor target, int classes) {
        Labels.sameRows("ConfusionMatrix", prediction, target);
        return of(Labels.predicted(prediction, 0.5f), Labels.actual(target), classes);
    }

    public int classes() {
        return classes;
    }

    /** How many samples of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += counts[c][c];
        }
        long n = total();
        return n == 0 ? 0 : (double) correct / n;
    }

    /** Of the samples predicted as class c, the fraction that are c (0 if none were predicted c). */
    public double precision(int c) {
        long predicted = 0;
        for (int a = 0; a < classes; a++) {
            predicted += counts[a][c];
        }
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    /** Of the samples of class c, the fraction predicted as c (0 if there are none). */
    public double recall(int c) {
        long actual = 0;
        for (int p = 0; p < classes; p++) {
            actual += counts[c][p];
        }
        return actual == 0 ? 0 : (double) counts[c][c] / actual;
    }

    /** The harmonic mean of precision and recall for class c. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += f1(c);
        }
        return s / classes;
    }

    /**
     * The matrix (rows: actual, columns: predicted) and a precision/recall/F1 table, e.g.
     * <pre>
     * actual \ predicted     0     1
     *                  0    48     2
     *                  1     3    47
     * class  precision  recall      f1  support
     *     0      0.941   0.960   0.950       50
     * </pre>
     */
    @Override
    public String toString() {
        String corner = "actual \\ predicted";
        int w = 5;
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        for (long[] row : counts) {
            for (long v : row) {
                w = Math.max(w, Long.toString(v).length());
            }
        }
        int first = Math.max(corner.length(), w);
        StringBuilder sb = new StringBuilder();
        sb.append(pad(corner, first));
        for (String n : names) {
            sb.append("  ").append(pad(n, w));
        }
        sb.append('\n');
        for (int a = 0; a < classes; a++) {
            sb.append(pad(names.get(a), first));
            for (int p = 0; p < classes; p++) {
                sb.append("  ").append(pad(Long.toString(counts[a][p]), w));
            }
            sb.append('\n');
        }
        int cw = Math.max(5, w);
        sb.append(pad("class", cw)).append("  precision     recall         f1    support\n");
        for (int c = 0; c < classes; c++) {
            long support = 0;
            for (int p = 0; p < classes; p++) {
                support += counts[c][p];
            }
            sb.append(pad(names.get(c), cw))
                    .append(String.format(Locale.ROOT, "  %9.3f  %9.3f  %9.3f  %9d\n", precision(c), recall(c), f1(c), support));
        }
        sb.append(String.format(Locale.ROOT, "accuracy %.3f over %d samples, macro F1 %.3f", accuracy(), total(), macroF1()));
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
