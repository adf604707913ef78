package dev.jgrad.nn.fused;

import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.loss.BCEWithLogitsLoss;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.nn.loss.Reduction;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fused step must agree with the autograd composition of the same modules, value and gradients. */
class FusedMlpTest {

    enum Act { RELU, LEAKY, TANH, SIGMOID, NONE }

    private static Sequential net(Act act, Random rng, int... sizes) {
        Sequential s = new Sequential();
        for (int i = 0; i + 1 < sizes.length; i++) {
            s.add(new Linear(sizes[i], sizes[i + 1], rng));
            if (i + 2 < sizes.length) {
                Module m = switch (act) {
                    case RELU -> new ReLU();
                    case LEAKY -> new LeakyReLU(0.1f);
                    case TANH -> new Tanh();
                    case SIGMOID -> new Sigmoid();
                    case NONE -> null;
                };
                if (m != null) {
                    s.add(m);
                }
            }
        }
        return s;
    }

    private static void compare(Sequential model, Loss loss, FusedLoss fusedLoss, Tensor x, Tensor target,
                                FusedLoss.Target fusedTarget) {
        List<Parameter> params = model.parameters();
        model.zeroGrad();
        Tensor l = loss.apply(model.forward(x), target);
        l.backward();
        float[][] expected = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            expected[i] = params.get(i).grad().toArray();
        }
        model.zeroGrad();
        FusedMlp fused = FusedMlp.compile(model).orElseThrow();
        float value = fused.trainStep(x.toArray(), x.size(0), fusedLoss, fusedTarget);
        assertThat(value).isCloseTo(l.item(), within(1e-5f * Math.max(1f, Math.abs(l.item()))));
        for (int i = 0; i < params.size(); i++) {
            float[] got = params.get(i).grad().toArray();
            for (int j = 0; j < got.length; j++) {
                assertThat(got[j]).as("parameter %d element %d", i, j)
                        .isCloseTo(expected[i][j], within(1e-5f + 1e-4f * Math.abs(expected[i][j])));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Act.class)
    void crossEntropyMatchesAutograd(Act act) {
        Random rng = new Random(act.ordinal());
        Sequential model = net(act, rng, 7, 13, 5, 4);
        Tensor x = Tensor.randn(rng, 9, 7);
        int[] labels = new int[9];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(4);
        }
        float[] lf = new float[9];
        for (int i = 0; i < 9; i++) {
            lf[i] = labels[i];
        }
        compare(model, new CrossEntropyLoss(), FusedLoss.CROSS_ENTROPY_MEAN, x, Tensor.of(lf, 9),
                FusedLoss.Target.classes(labels));
    }

    @ParameterizedTest
    @EnumSource(Act.class)
    void mseMatchesAutograd(Act act) {
        Random rng = new Random(10 + act.ordinal());
        Sequential model = net(act, rng, 3, 8, 8, 2);
        Tensor x = Tensor.randn(rng, 5, 3);
        Tensor y = Tensor.randn(rng, 5, 2);
        compare(model, new MSELoss(), FusedLoss.MSE_MEAN, x, y, FusedLoss.Target.values(y.toArray()));
        compare(model, new MSELoss(Reduction.SUM), FusedLoss.MSE_SUM, x, y, FusedLoss.Target.values(y.toArray()));
    }

    /** Batches and layers large enough for the GEMM path (the small cases above take the dot/axpy path). */
    @ParameterizedTest
    @EnumSource(Act.class)
    void gemmPathMatchesAutograd(Act act) {
        Random rng = new Random(20 + act.ordinal());
        Sequential model = net(act, rng, 30, 64, 20, 5);
        int n = 40;
        assertThat((long) n * 30 * 64).isGreaterThan(FusedMlp.DIRECT_MAX_MACS);
        Tensor x = Tensor.randn(rng, n, 30);
        int[] labels = new int[n];
        float[] lf = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(5);
            lf[i] = labels[i];
        }
        compare(model, new CrossEntropyLoss(), FusedLoss.CROSS_ENTROPY_MEAN, x, Tensor.of(lf, n),
                FusedLoss.Target.classes(labels));
    }

    @Test
    void bceWithLogitsMatchesAutograd() {
        Random rng = new Random(5);
        Sequential model = net(Act.TANH, rng, 2, 8, 8, 1);
        Tensor x = Tensor.randn(rng, 10, 2);
        Tensor y = Tensor.of(new float[]{0, 1, 1, 0, 1, 0, 0, 1, 1, 1}, 10, 1);
        compare(model, new BCEWithLogitsLoss(), FusedLoss.BCE_WITH_LOGITS_MEAN, x, y, FusedLoss.Target.values(y.toArray()));
    }

    @Test
    void forwardMatchesTheModuleAndSmallerBatchesReuseBuffers() {
        Random rng = new Random(3);
        Sequential model = net(Act.SIGMOID, rng, 4, 6, 3);
        FusedMlp fused = FusedMlp.compile(model).orElseThrow();
        for (int n : new int[]{8, 3, 8}) {
            Tensor x = Tensor.randn(rng, n, 4);
            float[] expected = model.forward(x).toArray();
            float[] got = fused.forward(x.toArray(), n);
            for (int i = 0; i < expected.length; i++) {
                assertThat(got[i]).isCloseTo(expected[i], within(1e-6f));
            }
        }
    }

    @Test
    void onlyPlainStacksCompile() {
        Random rng = new Random(1);
        assertThat(FusedMlp.compile(new Sequential(new Linear(2, 3, rng), new Dropout(0.5f, rng), new Linear(3, 1, rng))))
                .isEmpty();
        assertThat(FusedMlp.compile(new Sequential(new Linear(2, 3, rng), new Linear(4, 1, rng)))).isEmpty();
        assertThat(FusedMlp.compile(new Sequential(new Linear(2, 3, rng), new Tanh(), new Linear(3, 1, rng)))).isPresent();
    }
}
