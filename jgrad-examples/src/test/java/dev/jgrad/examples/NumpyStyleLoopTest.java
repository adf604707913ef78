package dev.jgrad.examples;

import dev.jgrad.data.Dataset;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NumpyStyleLoopTest {

    /** The notes' loop in plain double arithmetic, index by index: the reference. */
    private static double[] reference(double[][] x, double[][] t, double[][][] w, double lr, int iterations) {
        double[] losses = new double[iterations];
        int n = x[0].length;
        for (int it = 0; it < iterations; it++) {
            double[][] l1 = sig(mm(w[0], x)), l2 = sig(mm(w[1], l1)), l3 = sig(mm(w[2], l2));
            double[][] d3 = new double[l3.length][n];
            double loss = 0;
            for (int i = 0; i < l3.length; i++) {
                for (int j = 0; j < n; j++) {
                    double e = l3[i][j] - t[i][j];
                    d3[i][j] = e * l3[i][j] * (1 - l3[i][j]);
                    loss += e * e;
                }
            }
            double[][] d2 = hadamardSig(mm(tr(w[2]), d3), l2);
            double[][] d1 = hadamardSig(mm(tr(w[1]), d2), l1);
            sub(w[2], mm(d3, tr(l2)), lr);
            sub(w[1], mm(d2, tr(l1)), lr);
            sub(w[0], mm(d1, tr(x)), lr);
            losses[it] = loss / n;
        }
        return losses;
    }

    private static double[][] mm(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int p = 0; p < b.length; p++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][p] * b[p][j];
                }
            }
        }
        return c;
    }

    private static double[][] tr(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] sig(double[][] a) {
        double[][] s = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                s[i][j] = 1 / (1 + Math.exp(-a[i][j]));
            }
        }
        return s;
    }

    private static double[][] hadamardSig(double[][] g, double[][] l) {
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[0].length; j++) {
                g[i][j] *= l[i][j] * (1 - l[i][j]);
            }
        }
        return g;
    }

    private static void sub(double[][] w, double[][] g, double lr) {
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                w[i][j] -= lr * g[i][j];
            }
        }
    }

    private static double[][] toDouble(Tensor t) {
        int r = t.size(0), c = t.size(1);
        float[] v = t.toArray();
        double[][] d = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                d[i][j] = v[i * c + j];
            }
        }
        return d;
    }

    @Test
    void followsTheNotesLoopStepForStep() {
        int[] sizes = {12, 8, 6, 4};
        int n = 20;
        Random rng = new Random(3);
        Tensor x = Tensor.rand(rng, sizes[0], n);
        float[] oneHot = new float[4 * n];
        for (int j = 0; j < n; j++) {
            oneHot[(j % 4) * n + j] = 1f;
        }
        Tensor t = Tensor.of(oneHot, 4, n);
        Tensor[] w = NumpyStyleLoop.initialWeights(new Random(7), sizes);
        assertThat(w[0].shape()).containsExactly(8, 12);
        assertThat(w[2].shape()).containsExactly(4, 6);
        for (Tensor m : w) {
            for (float v : m.toArray()) {
                assertThat(v).isBetween(-1f, 1f);
            }
        }
        double[][][] wd = {toDouble(w[0]), toDouble(w[1]), toDouble(w[2])};
        // A larger rate than the notes' 1e-5 so that the weights move visibly in a few steps on 20 samples.
        float lr = 0.05f;
        List<String> printed = new ArrayList<>();
        List<Float> got = NumpyStyleLoop.run(x, t, w, lr, 5, printed::add);
        double[] want = reference(toDouble(x), toDouble(t), wd, lr, 5);
        for (int i = 0; i < 5; i++) {
            assertThat((double) got.get(i)).as("iteration %d", i).isCloseTo(want[i], within(1e-5 * want[i]));
        }
        assertThat(want[4]).isLessThan(want[0]);
        assertThat(toDouble(w[2])[1][2]).isCloseTo(wd[2][1][2], within(1e-5));
        assertThat(printed).hasSize(5);
        assertThat(printed.get(0)).matches("\\[0000] MSE Loss: \\d+\\.\\d{3}");
        assertThat(NumpyStyleLoop.line(42, 2.4567f)).isEqualTo("[0042] MSE Loss: 2.457");
    }

    @Test
    void theNotesRateOnTheNotesArchitectureTakesTinySteps() {
        // 784 -> 256 -> 128 -> 10 on 50 random "images" with lr = 1e-5: the loss moves by well under 1 % in
        // three iterations (why the notes run 5000 of them).
        Random rng = new Random(1);
        int n = 50;
        Tensor x = Tensor.rand(rng, 784, n);
        float[] oneHot = new float[10 * n];
        for (int j = 0; j < n; j++) {
            oneHot[(j % 10) * n + j] = 1f;
        }
        Tensor[] w = NumpyStyleLoop.initialWeights(new Random(2), NumpyStyleLoop.SIZES);
        List<Float> losses = NumpyStyleLoop.run(x, Tensor.of(oneHot, 10, n), w, NumpyStyleLoop.LR, 3, s -> { });
        assertThat(losses.get(0)).isBetween(0.5f, 10f);
        assertThat(Math.abs(losses.get(2) - losses.get(0))).isLessThan(0.01f * losses.get(0));
    }

    @Test
    void columnsTransposeADatasetIntoTheNotesLayout() {
        Dataset d = Dataset.classification(new float[]{1, 2, 3, 4, 5, 6}, 2, new int[]{0, 2, 1}, List.of("a", "b", "c"));
        Tensor[] xt = NumpyStyleLoop.columns(d, 3);
        assertThat(xt[0].shape()).containsExactly(2, 3);
        assertThat(xt[0].toArray()).containsExactly(1, 3, 5, 2, 4, 6);
        assertThat(xt[1].toArray()).containsExactly(1, 0, 0, 0, 0, 1, 0, 1, 0);
    }
}
