package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Coordinate descent as in the lecture notes: "fix everything but one variable and adjust that single variable".
 * Each iteration picks one coordinate (one scalar weight) at random, tries {@code w + step} and {@code w - step},
 * and keeps whichever lowers the loss most (or neither). When a whole sweep's worth of iterations (one per
 * coordinate) brings no improvement, the step is halved, so the search can settle into a minimum.
 * The loss closure is evaluated under {@link Tensor#noGrad()}.
 */
public final class CoordinateDescent {

    private final FlatParameters params;
    private final double initialStep;
    private final Random rng;

    public CoordinateDescent(List<? extends Tensor> params, double step, Random rng) {
        this.params = new FlatParameters("CoordinateDescent", params);
        this.initialStep = Hyper.positive("CoordinateDescent", "step", step);
        if (rng == null) {
            throw new IllegalArgumentException("CoordinateDescent: rng must not be null");
        }
        this.rng = rng;
    }

    /** Runs {@code iterations} single-coordinate moves; the parameters end at the best point found. */
    @SuppressWarnings("try") // the scope only switches gradient recording off
    public SearchResult minimize(DoubleSupplier loss, int iterations) {
        Hyper.positive("CoordinateDescent", "iterations", iterations);
        try (var scope = Tensor.noGrad()) {
            float step = (float) initialStep;
            double best = loss.getAsDouble();
            double initial = best;
            int evaluations = 1;
            int improvements = 0;
            int sinceImprovement = 0;
            for (int it = 0; it < iterations; it++) {
                int k = rng.nextInt(params.size);
                float w = params.get(k);
                params.set(k, w + step);
                double up = loss.getAsDouble();
                params.set(k, w - step);
                double down = loss.getAsDouble();
                evaluations += 2;
                if (up < best && up <= down) {
                    params.set(k, w + step);
                    best = up;
                } else if (down < best) {
                    best = down;
                } else {
                    params.set(k, w);
                    if (++sinceImprovement >= params.size) {
                        step /= 2;
                        sinceImprovement = 0;
                    }
                    continue;
                }
                improvements++;
                sinceImprovement = 0;
            }
            return new SearchResult(initial, best, iterations, evaluations, improvements);
        }
    }
}
