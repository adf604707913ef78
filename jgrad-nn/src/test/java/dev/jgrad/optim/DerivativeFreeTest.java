package dev.jgrad.optim;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The lecture notes' (seed 001) example: y = w0 x0 + w1 x1 + w2 x2 with x0 = 1 (w0 is the bias),
 * w = [-1, 0.5, 0.1], data x = (3, 2) with t = 1 and x = (-2, -3) with t = 0.
 */
class DerivativeFreeTest {

    private static Linear notesModel() {
        Linear model = new Linear(2, 1, new Random(0));
        model.weight().copyFrom(Tensor.of(new float[]{0.5f, 0.1f}, 1, 2)); // w1, w2
        model.bias().copyFrom(Tensor.of(new float[]{-1f}, 1));              // w0
        return model;
    }

    private static final Tensor X = Tensor.of(new float[]{3, 2, -2, -3}, 2, 2);
    private static final Tensor T = Tensor.of(new float[]{1, 0}, 2, 1);

    private static DoubleSupplier loss(Linear model) {
        return () -> new MSELoss().apply(model.forward(X), T).item();
    }

    @Test
    void nudgingW1From05To06MakesYEqualT() {
        Linear model = notesModel();
        Tensor x = Tensor.of(new float[]{3, 2}, 1, 2);
        // -1 + 0.5*3 + 0.1*2 = 0.7: too small, so increase w1 (it multiplies the larger input).
        assertThat(model.forward(x).item()).isCloseTo(0.7f, within(1e-6f));
        model.weight().set(0.6f, 0, 0);
        assertThat(model.forward(x).item()).isCloseTo(1.0f, within(1e-6f));
    }

    @Test
    void coordinateDescentReducesTheLoss() {
        Linear model = notesModel();
        double before = loss(model).getAsDouble();
        // Both points: (0.7 - 1)^2 and (-2.3 - 0)^2, mean (0.09 + 5.29) / 2
        assertThat(before).isCloseTo(2.69, within(1e-5));
        SearchResult r = new CoordinateDescent(model.parameters(), 0.1, new Random(1)).minimize(loss(model), 300);
        assertThat(r.initialLoss()).isEqualTo(before);
        assertThat(r.bestLoss()).isLessThan(0.01).isEqualTo(loss(model).getAsDouble());
        assertThat(r.improvements()).isPositive();
        assertThat(r.evaluations()).isEqualTo(1 + 2 * 300);
    }

    @Test
    void randomSearchReducesTheLossAndIsSeeded() {
        Linear a = notesModel();
        SearchResult r = new RandomSearch(a.parameters(), 0.1, new Random(7)).minimize(loss(a), 500);
        assertThat(r.bestLoss()).isLessThan(0.1 * r.initialLoss()).isEqualTo(loss(a).getAsDouble());
        Linear b = notesModel();
        new RandomSearch(b.parameters(), 0.1, new Random(7)).minimize(loss(b), 500);
        assertThat(b.weight().toArray()).containsExactly(a.weight().toArray());
        assertThat(b.bias().toArray()).containsExactly(a.bias().toArray());
    }
}
