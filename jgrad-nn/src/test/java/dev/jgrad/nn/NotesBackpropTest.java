package dev.jgrad.nn;

import dev.jgrad.nn.init.Initializers;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lecture notes' hand-vectorized backprop of a 784-256-128-10 sigmoid MLP (seed 001):
 * <pre>
 *   L1 = sigmoid(W1.dot(X)); L2 = sigmoid(W2.dot(L1)); L3 = sigmoid(W3.dot(L2))
 *   dW3 = (L3 - T) * L3*(1 - L3)
 *   dW2 = W3.T.dot(dW3) * (L2*(1-L2))
 *   dW1 = W2.T.dot(dW2) * (L1*(1-L1))
 *   gradients: dW3.dot(L2.T), dW2.dot(L1.T), dW1.dot(X.T)
 * </pre>
 * written out with plain double loops (X is 784 x N there, samples in columns), must equal autograd's gradients
 * of the same network built from modules, up to float32 rounding. The notes' update drops the MSE factor
 * "2 / (number of elements)" into the learning rate; with the mean MSE loss it is made explicit here.
 */
class NotesBackpropTest {

    private static final int N = 4;
    private static final int[] SIZES = {784, 256, 128, 10};

    @Test
    void autogradMatchesTheNotesHandVectorizedBackprop() {
        Random rng = new Random(2017);
        // The notes' W = 2*rand(...) - 1 is uniform(-1, 1); no biases.
        Sequential net = new Sequential(
                new Linear(784, 256, false, Initializers.uniform(-1, 1), rng), new Sigmoid(),
                new Linear(256, 128, false, Initializers.uniform(-1, 1), rng), new Sigmoid(),
                new Linear(128, 10, false, Initializers.uniform(-1, 1), rng), new Sigmoid());
        // Small inputs keep the first layer out of sigmoid saturation, so the gradients are not all ~0.
        Tensor x = Tensor.uniform(rng, 0f, 0.1f, N, 784);
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = rng.nextInt(10);
        }
        Tensor t = Tensor.oneHot(labels, 10);

        new MSELoss().apply(net.forward(x), t).backward();

        double[][] w1 = weights(net, 0), w2 = weights(net, 2), w3 = weights(net, 4);
        double[][] xT = transpose(toMatrix(x.toArray(), N, 784)); // 784 x N, as in the notes
        double[][] tT = transpose(toMatrix(t.toArray(), N, 10));  // 10 x N
        double[][] l1 = sigmoid(dot(w1, xT));
        double[][] l2 = sigmoid(dot(w2, l1));
        double[][] l3 = sigmoid(dot(w3, l2));
        double[][] d3 = new double[10][N];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < N; c++) {
                d3[r][c] = (l3[r][c] - tT[r][c]) * l3[r][c] * (1 - l3[r][c]);
            }
        }
        double[][] d2 = timesSigmoidPrime(dot(transpose(w3), d3), l2);
        double[][] d1 = timesSigmoidPrime(dot(transpose(w2), d2), l1);
        double scale = 2.0 / (N * 10); // d(mean (L3 - T)^2) / dL3 = 2 (L3 - T) / (N * 10)

        assertClose("W3", net, 4, dot(d3, transpose(l2)), scale);
        assertClose("W2", net, 2, dot(d2, transpose(l1)), scale);
        assertClose("W1", net, 0, dot(d1, transpose(xT)), scale);
    }

    private static void assertClose(String name, Sequential net, int layer, double[][] hand, double scale) {
        float[] auto = ((Linear) net.get(layer)).weight().grad().toArray();
        int cols = hand[0].length;
        double max = 0;
        for (double[] row : hand) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v * scale));
            }
        }
        assertThat(max).as(name + " gradient should not vanish").isGreaterThan(1e-6);
        for (int r = 0; r < hand.length; r++) {
            for (int c = 0; c < cols; c++) {
                double expected = hand[r][c] * scale;
                double actual = auto[r * cols + c];
                assertThat(Math.abs(actual - expected)).as("%s[%d][%d]: autograd %s, by hand %s", name, r, c, actual, expected)
                        .isLessThanOrEqualTo(1e-4 * max + 1e-5 * Math.abs(expected));
            }
        }
    }

    private static double[][] weights(Sequential net, int layer) {
        Linear l = (Linear) net.get(layer);
        return toMatrix(l.weight().toArray(), l.outFeatures(), l.inFeatures());
    }

    private static double[][] toMatrix(float[] v, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = v[r * cols + c];
            }
        }
        return m;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                t[c][r] = a[r][c];
            }
        }
        return t;
    }

    private static double[][] dot(double[][] a, double[][] b) {
        int n = a.length, k = b.length, m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double av = a[i][p];
                for (int j = 0; j < m; j++) {
                    out[i][j] += av * b[p][j];
                }
            }
        }
        return out;
    }

    private static double[][] sigmoid(double[][] a) {
        double[][] out = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                out[r][c] = 1 / (1 + Math.exp(-a[r][c]));
            }
        }
        return out;
    }

    private static double[][] timesSigmoidPrime(double[][] g, double[][] l) {
        double[][] out = new double[g.length][g[0].length];
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[0].length; c++) {
                out[r][c] = g[r][c] * l[r][c] * (1 - l[r][c]);
            }
        }
        return out;
    }
}
