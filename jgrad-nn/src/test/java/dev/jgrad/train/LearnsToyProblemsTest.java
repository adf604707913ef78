package dev.jgrad.train;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.loss.BCELoss;
import dev.jgrad.nn.loss.BCEWithLogitsLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Small MLPs learn what a single perceptron cannot: XOR, and two concentric rings. */
class LearnsToyProblemsTest {

    @Test
    void twoLayerMlpLearnsXor() {
        Random rng = new Random(42);
        Sequential mlp = new Sequential(new Linear(2, 4, rng), new Tanh(), new Linear(4, 1, rng), new Sigmoid());
        Tensor x = Tensor.of(new float[]{0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[]{0, 1, 1, 0}, 4, 1);
        History h = Trainer.builder(mlp, new BCELoss(), new Adam(mlp.parameters(), 0.05))
                .epochs(600).batchSize(4).metrics(Metrics.accuracy()).build().fit(x, y);
        assertThat(h.last().get("accuracy")).isEqualTo(1.0);
        assertThat(h.last().get("loss")).isLessThan(0.05);
        float[] p = mlp.eval().forward(x).toArray();
        assertThat(p[0]).isLessThan(0.1f);
        assertThat(p[1]).isGreaterThan(0.9f);
        assertThat(p[2]).isGreaterThan(0.9f);
        assertThat(p[3]).isLessThan(0.1f);
    }

    /** Points with radius < 2.5 (label 1) against a ring 3.5..5 (label 0), half each, seeded. */
    static Tensor[] circles(int n, Random rng) {
        float[] xs = new float[2 * n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i % 2 == 0;
            double r = inner ? 2.5 * rng.nextDouble() : 3.5 + 1.5 * rng.nextDouble();
            double a = 2 * Math.PI * rng.nextDouble();
            xs[2 * i] = (float) (r * Math.cos(a));
            xs[2 * i + 1] = (float) (r * Math.sin(a));
            ys[i] = inner ? 1f : 0f;
        }
        return new Tensor[]{Tensor.of(xs, n, 2), Tensor.of(ys, n, 1)};
    }

    @Test
    void smallMlpSeparatesTwoCircles() {
        Random rng = new Random(7);
        Tensor[] train = circles(400, rng);
        Tensor[] val = circles(200, rng);
        Sequential mlp = new Sequential(new Linear(2, 8, rng), new ReLU(), new Linear(8, 8, rng), new ReLU(),
                new Linear(8, 1, rng));
        History h = Trainer.builder(mlp, new BCEWithLogitsLoss(), new Adam(mlp.parameters(), 0.01))
                .epochs(60).batchSize(32).shuffle(1).validation(val[0], val[1])
                .metrics(Metrics.accuracy(0f)).build().fit(train[0], train[1]);
        assertThat(h.last().get("val_accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(h.last().get("accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(h.trainLoss().get(h.size() - 1)).isLessThan(h.trainLoss().get(0));
    }
}
