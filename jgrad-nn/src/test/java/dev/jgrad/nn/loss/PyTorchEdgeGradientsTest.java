package dev.jgrad.nn.loss;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Loss gradients where a naive composition of ops goes wrong, compared with PyTorch 1.13 (Debian's python3-torch)
 * on the same float32 inputs; the expected numbers are written out so the test needs no Python. Issue 18.
 */
class PyTorchEdgeGradientsTest {

    private static float[] gradient(Loss loss, float[] prediction, float[] target) {
        Tensor p = Tensor.vector(prediction).requiresGrad(true);
        loss.apply(p, Tensor.vector(target)).backward();
        return p.grad().toArray();
    }

    @Test
    void bceWithLogitsAtALogitOfExactlyZeroIsSigmoidZeroMinusTarget() {
        // torch: binary_cross_entropy_with_logits([0, 0, 0], [1, 0, 0.25]) -> 0.6931472,
        // grad [-0.16666667, 0.16666667, 0.083333336] = (sigmoid(0) - t) / 3 (was -t / 3: relu'(0) = 0)
        float[] g = gradient(new BCEWithLogitsLoss(), new float[]{0, 0, 0}, new float[]{1, 0, 0.25f});
        assertThat(g).containsExactly(new float[]{-0.16666667f, 0.16666667f, 0.083333336f}, within(1e-8f));
        assertThat(new BCEWithLogitsLoss().apply(Tensor.vector(0, 0, 0), Tensor.vector(1, 0, 0.25f)).item())
                .isCloseTo(0.6931472f, within(1e-7f));
    }

    @Test
    void bceWithLogitsKeepsItsTinyTailGradients() {
        // torch, sum reduction: x = [-10, -20, 20, 10], t = [0, 0, 1, 1] ->
        // grad [4.539787e-05, 2.0611537e-09, 0, -4.5418739e-05]. The exact value of the last is -4.5397868e-05
        // (1 - sigmoid(10) = sigmoid(-10)); torch loses digits forming sigmoid(10) - 1, jgrad may be closer.
        float[] g = gradient(new BCEWithLogitsLoss(Reduction.SUM), new float[]{-10, -20, 20, 10}, new float[]{0, 0, 1, 1});
        assertThat(g[0]).isCloseTo(4.539787e-05f, within(1e-11f));
        assertThat(g[1]).isCloseTo(2.0611537e-09f, within(1e-15f));
        assertThat(g[2]).isCloseTo(0f, within(1e-8f));
        assertThat(g[3]).isCloseTo(-4.5418739e-05f, within(3e-8f));
    }

    @Test
    void trainingStepBceWithLogitsAtZeroAgreesWithAutogradAndPyTorch() {
        // A 1-1 linear layer with zero weight and bias outputs exactly 0 for every input.
        Sequential model = new Sequential(new Linear(1, 1, Initializers.zeros(), new Random(0)));
        float[] x = {1, 2, 3};
        float[] t = {1, 0, 0.25f};
        model.zeroGrad();
        float loss = (float) new dev.jgrad.train.TrainingStep(model, new BCEWithLogitsLoss(),
                new dev.jgrad.optim.SGD(model.parameters(), 1e-9)).gradients(Tensor.of(x, 3, 1), Tensor.of(t, 3, 1));
        // dL/db = mean(0.5 - t) = 0.25 / 3; dL/dw = mean((0.5 - t) x) = 1.25 / 3
        assertThat(loss).isCloseTo(0.6931472f, within(1e-7f));
        Linear layer = (Linear) model.get(0);
        assertThat(layer.bias().grad().item()).isCloseTo(0.083333336f, within(1e-8f));
        assertThat(layer.weight().grad().item()).isCloseTo(0.41666666f, within(1e-7f));

        model.zeroGrad();
        new BCEWithLogitsLoss().apply(model.forward(Tensor.of(x, 3, 1)), Tensor.of(t, 3, 1)).backward();
        assertThat(layer.bias().grad().item()).isCloseTo(0.083333336f, within(1e-8f));
        assertThat(layer.weight().grad().item()).isCloseTo(0.41666666f, within(1e-7f));
    }

    @Test
    void huberGradientIsTheResidualToFullPrecisionFarInsideDelta() {
        // torch: huber_loss(x, 0, delta=1, sum) at x = [1e-4, -3e-5, 0.5, 2.5, -7] -> grad [1e-4, -3e-5, 0.5, 1, -1]
        // exactly (the residual inside delta, delta * sign outside). The old form lost ~1e-3 relative at 1e-4.
        float[] g = gradient(new HuberLoss(1.0, Reduction.SUM), new float[]{1e-4f, -3e-5f, 0.5f, 2.5f, -7f},
                new float[]{0, 0, 0, 0, 0});
        assertThat(g).containsExactly(1e-4f, -3e-5f, 0.5f, 1f, -1f);
        // torch: huber_loss(1.0001, 1) -> grad 1.0001659393310547e-04 = float(1.0001) - 1 (mean over one element)
        float[] g2 = gradient(new HuberLoss(1.0), new float[]{1.0001f}, new float[]{1f});
        assertThat(g2[0]).isEqualTo(1.0001659393310547e-04f);
        // Relative error ~1e-7 across scales, and with a delta other than 1.
        for (float d : new float[]{1e-7f, 3.3e-6f, 1e-4f, 0.01f, 0.099f}) {
            float got = gradient(new HuberLoss(0.1, Reduction.SUM), new float[]{d}, new float[]{0})[0];
            assertThat(got).as("residual %s", d).isCloseTo(d, within(1e-7f * d));
        }
        assertThat(gradient(new HuberLoss(0.1, Reduction.SUM), new float[]{-0.25f}, new float[]{0})[0])
                .isEqualTo(-0.1f);
    }

    @Test
    void huberValuesAreUnchangedByTheRewrite() {
        // 0.5 d^2 inside, delta (|d| - delta / 2) outside: 0.5e-8, 0.125, 2.0, 6.5 (delta 1)
        float[] p = {1e-4f, 0.5f, 2.5f, -7f};
        float[] want = {0.5e-8f, 0.125f, 2.0f, 6.5f};
        for (int i = 0; i < p.length; i++) {
            float v = new HuberLoss(1.0, Reduction.SUM).apply(Tensor.vector(p[i]), Tensor.vector(0f)).item();
            assertThat(v).as("residual %s", p[i]).isCloseTo(want[i], within(1e-7f * want[i]));
        }
    }
}
