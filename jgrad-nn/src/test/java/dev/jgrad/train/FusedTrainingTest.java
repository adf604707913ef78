package dev.jgrad.train;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A Sequential's fused path (each Linear fused with its activation, buffers reused across steps) and the same
 * layers run one op at one time train to the same numbers.
 */
class FusedTrainingTest {

    /** Runs the Sequential's layers one by one ({@code forwardTrace}): no fusion, no workspace. */
    private static final class Opaque extends Module {
        private final Sequential inner;

        Opaque(Sequential inner) {
            this.inner = registerModule("inner", inner);
        }

        @Override
        public Tensor forward(Tensor x) {
            java.util.List<Tensor> trace = inner.forwardTrace(x);
            return trace.get(trace.size() - 1);
        }
    }

    private static Sequential model() {
        Random rng = new Random(11);
        return new Sequential(new Linear(6, 16, rng), new ReLU(), new Linear(16, 3, rng));
    }

    @Test
    void fusedAndAutogradHistoriesAgree() {
        Random data = new Random(2);
        Tensor x = Tensor.randn(data, 200, 6);
        float[] labels = new float[200];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (x.get(i, 0) > 0 ? 1 : 0) + (x.get(i, 1) > 0.5f ? 1 : 0);
        }
        Tensor y = Tensor.of(labels, 200);
        Sequential fast = model();
        Opaque slow = new Opaque(model());
        History a = Trainer.builder(fast, new CrossEntropyLoss(), new Adam(fast.parameters(), 0.01))
                .epochs(5).batchSize(32).shuffle(7).metrics(Metrics.accuracy()).build().fit(x, y);
        History b = Trainer.builder(slow, new CrossEntropyLoss(), new Adam(slow.parameters(), 0.01))
                .epochs(5).batchSize(32).shuffle(7).metrics(Metrics.accuracy()).build().fit(x, y);
        assertThat(a.epochs()).hasSize(5);
        for (int e = 0; e < 5; e++) {
            assertThat(a.epochs().get(e).values().get("loss"))
                    .isCloseTo(b.epochs().get(e).values().get("loss"), within(1e-4));
            assertThat(a.epochs().get(e).values().get("accuracy"))
                    .isCloseTo(b.epochs().get(e).values().get("accuracy"), within(0.011));
        }
        assertThat(a.epochs().get(4).values().get("loss")).isLessThan(a.epochs().get(0).values().get("loss"));
    }
}
