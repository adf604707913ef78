package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Local random search, the lecture notes' "random guessing" made greedy: each iteration moves every parameter by
 * a random Gaussian step of size {@code stepSize}, evaluates the loss, and keeps the move only if the loss went
 * down. It needs no gradients, only loss evaluations, which is also why it scales badly with the number of
 * weights. The loss closure is evaluated under {@link Tensor#noGrad()}.
 */
public final class RandomSearch {

    private final FlatParameters params;
    private final float stepSize;
    private final Random rng;
    private final float[] saved;

    public RandomSearch(List<? extends Tensor> params, double stepSize, Random rng) {
        this.params = new FlatParameters("RandomSearch", params);
        this.stepSize = (float) Hyper.positive("RandomSearch", "stepSize", stepSize);
        if (rng == null) {
            throw new IllegalArgumentException("RandomSearch: rng must not be null");
        }
        this.rng = rng;
        this.saved = new float[this.params.size];
    }

    /** Runs {@code iterations} proposals; the parameters end at the best point found. */
    @SuppressWarnings("try") // the scope only switches gradient recording off
    public SearchResult minimize(DoubleSupplier loss, int iterations) {
        Hyper.positive("RandomSearch", "iterations", iterations);
        try (var scope = Tensor.noGrad()) {
            double best = loss.getAsDouble();
            double initial = best;
            int improvements = 0;
            for (int it = 0; it < iterations; it++) {
                params.copyTo(saved);
                for (int k = 0; k < params.size; k++) {
                    params.set(k, saved[k] + stepSize * (float) rng.nextGaussian());
                }
                double candidate = loss.getAsDouble();
                if (candidate < best) {
                    best = candidate;
                    improvements++;
                } else {
                    params.copyFrom(saved);
                }
            }
            return new SearchResult(initial, best, iterations, iterations + 1, improvements);
        }
    }
}
