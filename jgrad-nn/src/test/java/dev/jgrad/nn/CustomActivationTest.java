package dev.jgrad.nn;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.History;
import dev.jgrad.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own activation is one catalog entry, registered here and nowhere else: it trains through the public
 * API on the fused path and survives a save/load round trip.
 */
class CustomActivationTest {

    /** softsign x / (1 + |x|) with a slope parameter: f = x / (1 + k|x|), f' = 1 / (1 + k|x|)^2. */
    private record Softsign(double k) implements ActivationFunction {
        @Override
        public String spec() {
            return Activations.spec("test-softsign", k);
        }

        @Override
        public String displayName() {
            return "Softsign (test)";
        }

        @Override
        public double value(double x) {
            return x / (1 + k * Math.abs(x));
        }

        @Override
        public double derivative(double x) {
            double d = 1 + k * Math.abs(x);
            return 1 / (d * d);
        }
    }

    static {
        Activations.register(new dev.jgrad.catalog.Catalog.Entry<>("test-softsign", List.of(), "Softsign (test)", "x / (1 + k|x|)",
                List.of("k"), new double[]{1.0}, p -> new Softsign(p[0])));
    }

    @Test
    void trainsFusedAndSavesAndLoads(@TempDir Path dir) throws Exception {
        Random rng = new Random(3);
        Sequential net = new Sequential(new Linear(2, 16, rng), new Activation("test-softsign:2"), new Linear(16, 2, rng));
        assertThat(net.fusionPlan()).isEqualTo("Linear+test-softsign:2, Linear");
        Tensor x = Tensor.randn(new Random(1), 256, 2);
        float[] labels = new float[256];
        for (int i = 0; i < 256; i++) {
            labels[i] = x.get(i, 0) * x.get(i, 1) > 0 ? 1 : 0; // XOR of the signs: needs the hidden layer
        }
        Tensor y = Tensor.of(labels, 256);
        History h = Trainer.builder(net, new CrossEntropyLoss(), new Adam(net.parameters(), 0.05))
                .epochs(40).batchSize(32).shuffle(5).build().fit(x, y);
        double first = h.epochs().get(0).values().get("loss");
        double last = h.epochs().get(h.epochs().size() - 1).values().get("loss");
        assertThat(last).isLessThan(0.5 * first);

        Path file = dir.resolve("softsign.jgrad");
        ModelFile.save(net, Map.of(), file);
        SavedModel back = ModelFile.load(file);
        Tensor a;
        Tensor b;
        try (var s = Tensor.noGrad()) {
            a = net.forward(x);
            b = back.model().forward(x);
        }
        assertThat(b.toArray()).containsExactly(a.toArray());
        assertThat(((Sequential) back.model()).get(1)).isInstanceOf(Activation.class);
        assertThat(((Activation) ((Sequential) back.model()).get(1)).function().spec()).isEqualTo("test-softsign:2");
    }
}
