package dev.jgrad.examples;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.optim.CoordinateDescent;
import dev.jgrad.optim.RandomSearch;
import dev.jgrad.optim.SearchResult;
import dev.jgrad.tensor.Tensor;

import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Deck 001's "simple example" before calculus: the linear model y = w0 + w1 x1 + w2 x2 with the notes' guess
 * w = [-1, 0.5, 0.1], the points x = (3, 2) with t = 1 and x = (-2, -3) with t = 0, and the MSE of the guess.
 * Then "Method 1": adjust one weight at a time (w1 = 0.5 -> 0.6 makes y = t = 1 for the first point), which
 * done repeatedly is coordinate descent, and random guessing around the current weights, both through
 * jgrad's derivative-free optimizers ({@link CoordinateDescent}, {@link RandomSearch}), seeded.
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.CoordinateDescentExample}.
 */
public final class CoordinateDescentExample {

    static final Tensor X = Tensor.of(new float[]{3, 2, -2, -3}, 2, 2);
    static final Tensor T = Tensor.of(new float[]{1, 0}, 2, 1);

    private CoordinateDescentExample() {
    }

    /** The notes' model: w1 = 0.5, w2 = 0.1 as the weight row, w0 = -1 as the bias. */
    public static Linear notesModel() {
        Linear model = new Linear(2, 1, new Random(0));
        model.weight().copyFrom(Tensor.of(new float[]{0.5f, 0.1f}, 1, 2));
        model.bias().copyFrom(Tensor.of(new float[]{-1f}, 1));
        return model;
    }

    /** The model's output for the first point (3, 2). */
    public static float firstOutput(Linear model) {
        try (var s = Tensor.noGrad()) {
            return model.forward(Tensor.of(new float[]{3, 2}, 1, 2)).item();
        }
    }

    /** Mean squared error over both points. */
    public static DoubleSupplier mse(Linear model) {
        return () -> {
            try (var s = Tensor.noGrad()) {
                return new MSELoss().apply(model.forward(X), T).item();
            }
        };
    }

    /** Coordinate descent with step 0.1 for the given number of iterations. */
    public static SearchResult coordinateDescent(Linear model, long seed, int iterations) {
        return new CoordinateDescent(model.parameters(), 0.1, new Random(seed)).minimize(mse(model), iterations);
    }

    /** Random search with step 0.1 for the given number of iterations. */
    public static SearchResult randomSearch(Linear model, long seed, int iterations) {
        return new RandomSearch(model.parameters(), 0.1, new Random(seed)).minimize(mse(model), iterations);
    }

    public static void main(String[] args) {
        Linear m = notesModel();
        System.out.printf(Locale.ROOT, "w = [-1, 0.5, 0.1]: y(3, 2) = %.2f (t = 1), MSE over both points = %.4f%n",
                firstOutput(m), mse(m).getAsDouble());
        m.weight().set(0.6f, 0, 0);
        System.out.printf(Locale.ROOT, "adding 0.1 to w1: w = [-1, 0.6, 0.1]: y(3, 2) = %.2f = t%n", firstOutput(m));
        SearchResult cd = coordinateDescent(notesModel(), 1, 300);
        System.out.printf(Locale.ROOT, "coordinate descent, 300 iterations: MSE %.4f -> %.5f (%d loss evaluations)%n",
                cd.initialLoss(), cd.bestLoss(), cd.evaluations());
        SearchResult rs = randomSearch(notesModel(), 7, 500);
        System.out.printf(Locale.ROOT, "random guessing, 500 tries: MSE %.4f -> %.5f%n", rs.initialLoss(), rs.bestLoss());
    }
}
