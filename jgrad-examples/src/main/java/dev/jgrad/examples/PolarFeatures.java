package dev.jgrad.examples;

import dev.jgrad.data.synthetic.Points2D;
import dev.jgrad.data.synthetic.Polar;
import dev.jgrad.data.synthetic.Shape2D;
import dev.jgrad.data.synthetic.Synthetic2D;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.loss.BCEWithLogitsLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;

import java.util.Locale;
import java.util.Random;

/**
 * Deck 003's representation learning slide ("How about now?"): the same data and the same model, once on the raw
 * coordinates (x1, x2) and once on the polar coordinates (r, theta) = (sqrt(x1^2 + x2^2), atan2(x2, x1)).
 * <ul>
 *   <li>circle: a linear classifier (logistic regression) cannot separate a disc from a ring in (x1, x2), and
 *       separates them perfectly in (r, theta), where the boundary is the line r = const;</li>
 *   <li>spiral (the playground's two arms): a 2-6-1 tanh MLP with the same seed and the same number of Adam steps
 *       does much better from (r, theta), where the arms become straight stripes, than from (x1, x2).</li>
 * </ul>
 * The playground offers the same two features as inputs {@code r} and {@code theta} (one definition,
 * {@link Polar}).
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.PolarFeatures}.
 */
public final class PolarFeatures {

    /** Points per set (half train, half test), the playground's default count. */
    public static final int POINTS = 500;

    private PolarFeatures() {
    }

    /** Train and test accuracy of one model on one representation. */
    public record Accuracy(String features, float train, float test) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-14s train %5.1f %%   test %5.1f %%", features, 100 * train, 100 * test);
        }
    }

    /** The data as (x1, x2) or as (r, theta), n x 2 row-major. */
    static float[] features(Points2D p, boolean polar) {
        return polar ? Polar.features(p) : p.features();
    }

    /**
     * Trains {@code model} with Adam (full batch, BCE on logits) on half of the points and returns the
     * accuracy on both halves (even-numbered points train, odd ones test). Deterministic: no random choice here.
     */
    static Accuracy fit(Points2D p, boolean polar, Module model, double lr, int steps) {
        int n = p.size();
        float[] f = features(p, polar);
        int[] label = p.classIndices();
        // Alternate points into train and test: both halves cover the whole shape.
        int half = n / 2;
        float[] xtr = new float[2 * half], xte = new float[2 * (n - half)], ytr = new float[half], yte = new float[n - half];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (i % 2 == 0 && a < half) {
                xtr[2 * a] = f[2 * i];
                xtr[2 * a + 1] = f[2 * i + 1];
                ytr[a++] = label[i];
            } else {
                xte[2 * b] = f[2 * i];
                xte[2 * b + 1] = f[2 * i + 1];
                yte[b++] = label[i];
            }
        }
        Tensor xTrain = Tensor.of(xtr, half, 2), yTrain = Tensor.of(ytr, half, 1);
        Tensor xTest = Tensor.of(xte, n - half, 2), yTest = Tensor.of(yte, n - half, 1);
        Adam opt = new Adam(model.parameters(), lr);
        BCEWithLogitsLoss loss = new BCEWithLogitsLoss();
        for (int s = 0; s < steps; s++) {
            Tensor l = loss.apply(model.forward(xTrain), yTrain);
            opt.zeroGrad();
            l.backward();
            opt.step();
        }
        return new Accuracy(polar ? "(r, theta)" : "(x1, x2)", accuracy(model, xTrain, yTrain), accuracy(model, xTest, yTest));
    }

    private static float accuracy(Module model, Tensor x, Tensor y) {
        try (var s = Tensor.noGrad()) {
            float[] logits = model.forward(x).toArray();
            float[] t = y.toArray();
            int right = 0;
            for (int i = 0; i < t.length; i++) {
                right += (logits[i] >= 0 ? 1 : 0) == (int) t[i] ? 1 : 0;
            }
            return right / (float) t.length;
        }
    }

    /** Logistic regression on the circle set, from (x1, x2) or from (r, theta). */
    public static Accuracy circle(boolean polar, long seed) {
        Points2D p = Synthetic2D.generate(Shape2D.CIRCLE, POINTS, 0.0, seed);
        return fit(p, polar, new Linear(2, 1, new Random(seed)), 0.1, 300);
    }

    /**
     * A 2-6-1 tanh MLP on the two-arm spiral, from (x1, x2) or from (r, theta), same seed and steps. (A bigger
     * network trained longer learns the spiral from (x1, x2) too; the point is what the representation buys.)
     */
    public static Accuracy spiral(boolean polar, long seed, int steps) {
        Points2D p = Synthetic2D.generate(Shape2D.SPIRAL, POINTS, 0.0, seed);
        Random rng = new Random(seed);
        Sequential mlp = new Sequential(new Linear(2, 6, rng), new Tanh(), new Linear(6, 1, rng));
        return fit(p, polar, mlp, 0.03, steps);
    }

    public static void main(String[] args) {
        long seed = 1;
        System.out.println("circle, logistic regression (a linear boundary), 300 Adam steps:");
        System.out.println("  " + circle(false, seed));
        System.out.println("  " + circle(true, seed));
        System.out.println("spiral, 2-6-1 tanh MLP, 400 Adam steps:");
        System.out.println("  " + spiral(false, seed, 400));
        System.out.println("  " + spiral(true, seed, 400));
    }
}
