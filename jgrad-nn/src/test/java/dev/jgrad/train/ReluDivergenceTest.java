package dev.jgrad.train;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NaN stop on ReLU networks. ReLU used to turn NaN into 0, so a hidden layer whose weights had blown up to
 * NaN looked like a layer of dead units and the loss stayed finite: training went on, silently broken. ReLU now
 * propagates NaN (as PyTorch) and the stop triggers, on the fused path and on autograd alike.
 */
class ReluDivergenceTest {

    private static Tensor[] data(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.nextGaussian();
            x[2 * i + 1] = (float) rng.nextGaussian();
            y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5f;
        }
        return new Tensor[]{Tensor.of(x, n, 2), Tensor.of(y, n, 1)};
    }

    private static Sequential reluNet(long seed) {
        Random rng = new Random(seed);
        return new Sequential(new Linear(2, 8, rng), new ReLU(), new Linear(8, 8, rng), new ReLU(), new Linear(8, 1, rng));
    }

    @Test
    void aNaNWeightInTheFirstLayerStopsTrainingAtTheFirstStep() {
        Tensor[] d = data(32, 1);
        Sequential m = reluNet(2);
        // A first-layer weight blown up to NaN: every unit fed by it is NaN, never "inactive".
        ((Linear) m.get(0)).weight().set(Float.NaN, 0, 0);
        History h = Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 0.01)).epochs(3).batchSize(8).build()
                .fit(d[0], d[1]);
        assertThat(h.diverged()).isTrue();
        assertThat(h.stopReason()).hasValueSatisfying(msg -> assertThat(msg).startsWith("loss became NaN at epoch 1, step 1:"));
    }

    @Test
    void aReluNetworkDrivenToDivergenceByAHugeLearningRateStops() {
        Tensor[] d = data(64, 3);
        Sequential m = reluNet(4);
        History h = Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 10.0)).epochs(50).batchSize(8).build()
                .fit(d[0], d[1]);
        assertThat(h.diverged()).isTrue();
        assertThat(h.size()).isLessThan(50);
        assertThat(h.stopReason()).hasValueSatisfying(msg -> assertThat(msg)
                .matches("loss became (NaN|infinite \\(Infinity\\)) at epoch \\d+, step \\d+: .*"));
    }

    @Test
    void theAutogradForwardOfTheSameNetworkIsNaNToo() {
        Sequential m = reluNet(2);
        ((Linear) m.get(0)).weight().set(Float.NaN, 0, 0);
        Tensor[] d = data(4, 1);
        assertThat(new MSELoss().apply(m.forward(d[0]), d[1]).item()).isNaN();
    }
}
