package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;
import dev.jgrad.testing.Grads;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Known values (worked by hand in the comments) and a gradient check for every loss. */
class LossesTest {

    private static Tensor t(float... v) {
        return Tensor.of(v, v.length);
    }

    private static float value(Loss loss, Tensor p, Tensor t) {
        return loss.apply(p, t).item();
    }

    private static void gradCheck(Loss loss, Tensor prediction, Tensor target) {
        Tensor p = prediction.requiresGrad(true);
        Grads.assertScalarGradients(() -> loss.apply(p, target), Map.of("prediction", p));
    }

    @Test
    void mse() {
        // d = (-0.5, 0, 2): squares 0.25, 0, 4; sum 4.25, mean 4.25/3
        assertThat(value(new MSELoss(), t(1, 2, 3), t(1.5f, 2, 1))).isCloseTo(4.25f / 3, within(1e-6f));
        assertThat(value(new MSELoss(Reduction.SUM), t(1, 2, 3), t(1.5f, 2, 1))).isCloseTo(4.25f, within(1e-6f));
        gradCheck(new MSELoss(), t(0.3f, -1.2f, 2.5f, 0.7f), t(1, 0, 2, -1));
        // d/dp mean (p - t)^2 = 2 (p - t) / n
        Tensor p = t(1, 2).requiresGrad(true);
        new MSELoss().apply(p, t(0, 4)).backward();
        assertThat(p.grad().toArray()).containsExactly(1f, -2f);
    }

    @Test
    void l1() {
        assertThat(value(new L1Loss(), t(1, 2, 3), t(1.5f, 2, 1))).isCloseTo(2.5f / 3, within(1e-6f));
        assertThat(value(new L1Loss(Reduction.SUM), t(1, 2, 3), t(1.5f, 2, 1))).isCloseTo(2.5f, within(1e-6f));
        gradCheck(new L1Loss(), t(0.3f, -1.2f, 2.5f, 0.7f), t(1, 0, 2, -1));
    }

    @Test
    void huber() {
        // |d| = 0.5 -> 0.5 * 0.25 = 0.125; 0 -> 0; 2 -> 1 * (2 - 0.5) = 1.5; mean 1.625 / 3
        assertThat(value(new HuberLoss(1f), t(1, 2, 3), t(1.5f, 2, 1))).isCloseTo(1.625f / 3, within(1e-6f));
        // With delta 3 every element is quadratic: half the squared error.
        assertThat(value(new HuberLoss(3f, Reduction.SUM), t(1, 2, 3), t(1.5f, 2, 1))).isCloseTo(2.125f, within(1e-6f));
        gradCheck(new HuberLoss(1f), t(0.3f, -1.2f, 2.5f, 0.7f), t(1, 0, 2, -1));
        assertThatThrownBy(() -> new HuberLoss(0f)).hasMessage("HuberLoss: delta must be > 0 and finite, got 0.0");
    }

    @Test
    void bce() {
        // -(ln 0.9 + ln 0.8) / 2
        assertThat(value(new BCELoss(), t(0.9f, 0.2f), t(1, 0))).isCloseTo(0.1642520f, within(1e-6f));
        // Saturated predictions are clamped to [eps, 1 - eps]: -ln(1e-7) = 16.118, not infinity.
        assertThat(value(new BCELoss(), t(0f), t(1))).isCloseTo(16.118f, within(1e-3f));
        // At the top, 1 - 1e-7 rounds to 1 - 2^-23 in float32: -ln(1.19e-7) = 15.94.
        assertThat(value(new BCELoss(), t(1f), t(0))).isCloseTo(15.942f, within(1e-2f));
        gradCheck(new BCELoss(), t(0.3f, 0.6f, 0.85f, 0.1f), t(1, 0, 1, 0.5f));
    }

    @Test
    void bceWithLogitsIsStable() {
        // softplus(0) = ln 2; softplus(2) = 2.126928 (t = 0); softplus(-3) + 3 = 3.048587 (t = 1)
        assertThat(value(new BCEWithLogitsLoss(), t(0, 2, -3), t(1, 0, 1))).isCloseTo(1.956221f, within(1e-5f));
        assertThat(value(new BCEWithLogitsLoss(), t(100, -100), t(0, 0))).isCloseTo(50f, within(1e-4f));
        // The same as BCE on sigmoid(x) where that is accurate.
        Tensor x = t(-1.5f, 0.2f, 2.2f);
        Tensor y = t(0, 1, 1);
        assertThat(value(new BCEWithLogitsLoss(), x, y)).isCloseTo(value(new BCELoss(), x.sigmoid(), y), within(1e-6f));
        gradCheck(new BCEWithLogitsLoss(), t(-1.5f, 0.2f, 2.2f, -0.3f), t(0, 1, 1, 0.25f));
    }

    @Test
    void crossEntropyWithIndicesAndOneHot() {
        Tensor logits = Tensor.of(new float[]{1, 2, 3, 1, 1, 1}, 2, 3);
        // row 0: log(e + e^2 + e^3) - 3 = 0.407606; row 1: ln 3 = 1.098612
        float expected = (0.4076059f + 1.0986123f) / 2;
        assertThat(value(new CrossEntropyLoss(), logits, t(2, 0))).isCloseTo(expected, within(1e-6f));
        Tensor oneHot = Tensor.oneHot(new int[]{2, 0}, 3);
        assertThat(value(new CrossEntropyLoss(), logits, oneHot)).isCloseTo(expected, within(1e-6f));
        assertThat(value(new CrossEntropyLoss(Reduction.SUM), logits, t(2, 0))).isCloseTo(2 * expected, within(1e-6f));
        // Huge logits do not overflow.
        assertThat(value(new CrossEntropyLoss(), Tensor.of(new float[]{1000, 0}, 1, 2), t(0))).isCloseTo(0f, within(1e-6f));
        gradCheck(new CrossEntropyLoss(), Tensor.of(new float[]{0.2f, -1, 0.5f, 1.5f, 0.1f, -0.4f}, 2, 3), t(1, 0));
        gradCheck(new CrossEntropyLoss(), Tensor.of(new float[]{0.2f, -1, 0.5f, 1.5f, 0.1f, -0.4f}, 2, 3),
                Tensor.of(new float[]{0.2f, 0.3f, 0.5f, 1, 0, 0}, 2, 3));
        // The gradient is (softmax - onehot) / n.
        Tensor p = Tensor.of(new float[]{0, 0}, 1, 2).requiresGrad(true);
        new CrossEntropyLoss().apply(p, t(1)).backward();
        assertThat(p.grad().toArray()).containsExactly(0.5f, -0.5f);
    }

    @Test
    void crossEntropyRejectsBadTargets() {
        Tensor logits = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, t(0, 3)))
                .hasMessage("CrossEntropyLoss: target[1] = 3.0 is not a class index in [0, 3)");
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, t(0.5f, 1)))
                .hasMessage("CrossEntropyLoss: target[0] = 0.5 is not a class index in [0, 3)");
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, t(0, 1, 2)))
                .hasMessageContaining("needs target class indices of shape [2] or one-hot [2, 3], got target shape [3]");
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, Tensor.zeros(2, 2)))
                .hasMessageStartingWith("CrossEntropyLoss: prediction shape [2, 3] does not match target shape [2, 2]");
    }

    @Test
    void nll() {
        Tensor logits = Tensor.of(new float[]{1, 2, 3, 1, 1, 1}, 2, 3);
        float expected = (0.4076059f + 1.0986123f) / 2;
        assertThat(value(new NLLLoss(), logits.logSoftmax(1), t(2, 0))).isCloseTo(expected, within(1e-6f));
        gradCheck(new NLLLoss(), Tensor.of(new float[]{-0.2f, -1, -0.5f, -1.5f, -0.1f, -0.4f}, 2, 3), t(2, 1));
    }

    @Test
    void hinge() {
        // max(0, 1 - 0.5) = 0.5; max(0, 1 - 2) = 0; max(0, 1 + 1.5) = 2.5; mean 1
        assertThat(value(new HingeLoss(), t(0.5f, -2, 1.5f), t(1, -1, -1))).isCloseTo(1f, within(1e-6f));
        gradCheck(new HingeLoss(), t(0.5f, -2, 1.5f, 0.2f), t(1, -1, -1, -1));
        assertThatThrownBy(() -> new HingeLoss().apply(t(0.5f, 1), t(1, 0)))
                .hasMessage("HingeLoss: targets must be +1 or -1, got 0.0 at flat index 1");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new MSELoss().apply(Tensor.zeros(4, 1), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MSELoss: prediction shape [4, 1] does not match target shape [4]");
        for (Loss loss : new Loss[]{new L1Loss(), new HuberLoss(1), new BCELoss(), new BCEWithLogitsLoss(), new HingeLoss()}) {
            String name = loss.getClass().getSimpleName();
            assertThatThrownBy(() -> loss.apply(Tensor.zeros(3), Tensor.zeros(2)))
                    .hasMessageStartingWith(name + ": prediction shape [3] does not match target shape [2]");
        }
        assertThatThrownBy(() -> new NLLLoss().apply(Tensor.zeros(3), Tensor.zeros(3)))
                .hasMessage("NLLLoss: prediction must be [n, classes], got shape [3]");
    }
}
