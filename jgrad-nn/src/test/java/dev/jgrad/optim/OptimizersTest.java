package dev.jgrad.optim;

import dev.jgrad.nn.Parameter;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Each optimizer on L(w) = w^2 (gradient 2w) from w = 1, against the update rules worked by hand; the expected
 * numbers follow each rule in double precision.
 */
class OptimizersTest {

    private static float[] run(Function<List<Parameter>, Optimizer> make, int steps) {
        Parameter w = new Parameter(new float[]{1f}, 1);
        Optimizer opt = make.apply(List.of(w));
        float[] trace = new float[steps];
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            w.mul(w).sum().backward();
            opt.step();
            trace[s] = w.item();
        }
        return trace;
    }

    private static void assertTrace(float[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("after step %d", i + 1).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void plainSgdIsWMinusLrGrad() {
        // w = 1 - 0.1 * 2 = 0.8; 0.8 - 0.16 = 0.64
        assertTrace(run(p -> new SGD(p, 0.1), 2), 0.8, 0.64);
    }

    @Test
    void sgdWithMomentum() {
        // v1 = 2, w1 = 0.8; g2 = 1.6, v2 = 0.9*2 + 1.6 = 3.4, w2 = 0.46; g3 = 0.92, v3 = 3.98, w3 = 0.062
        assertTrace(run(p -> new SGD(p, 0.1, 0.9, false, 0), 3), 0.8, 0.46, 0.062);
    }

    @Test
    void sgdWithNesterov() {
        // v1 = 2, w1 = 1 - 0.1 (2 + 0.9*2) = 0.62; g2 = 1.24, v2 = 3.04, w2 = 0.62 - 0.1 (1.24 + 2.736) = 0.2224
        assertTrace(run(p -> new SGD(p, 0.1, 0.9, true, 0), 2), 0.62, 0.2224);
    }

    @Test
    void sgdWithWeightDecay() {
        // g = 2 + 0.1 * 1 = 2.1, w = 0.79
        assertTrace(run(p -> new SGD(p, 0.1, 0, false, 0.1), 1), 0.79);
    }

    @Test
    void adamFirstSteps() {
        // t=1: m = 0.2, v = 0.004, mhat = 2, vhat = 4: w = 1 - 0.1 * 2 / 2 = 0.9
        // t=2: g = 1.8, m = 0.36, v = 0.007236, mhat = 0.36/0.19, vhat = 0.007236/0.001999: w = 0.80041223
        assertTrace(run(p -> new Adam(p, 0.1), 3), 0.9, 0.8004122287, 0.7015862729);
    }

    @Test
    void adamWDecaysBeforeTheAdamStep() {
        // w = 1 * (1 - 0.1 * 0.01) = 0.999, then the Adam step of 0.1: 0.899
        assertTrace(run(p -> new AdamW(p, 0.1, 0.01), 2), 0.899, 0.7985190272);
    }

    @Test
    void adaGradAndRmsProp() {
        // AdaGrad: s = 4, w = 1 - 0.1 * 2/2 = 0.9; s = 4 + 3.24, w = 0.9 - 0.1 * 1.8 / sqrt(7.24)
        assertTrace(run(p -> new AdaGrad(p, 0.1), 3), 0.9, 0.8331035268, 0.7804561814);
        // RMSProp: v = 0.01 * 4 = 0.04, w = 1 - 0.01 * 2 / 0.2 = 0.9
        assertTrace(run(p -> new RMSProp(p, 0.01), 3), 0.9, 0.8329179680, 0.7799822732);
    }

    @Test
    void eachElementIsUpdatedIndependently() {
        Parameter w = new Parameter(new float[]{1f, -2f}, 2);
        Optimizer opt = new SGD(List.of(w), 0.5);
        w.mul(w).sum().backward();
        opt.step();
        assertThat(w.toArray()).containsExactly(0f, 0f);
    }

    @Test
    void parametersWithoutAGradientAreLeftAlone() {
        Parameter used = new Parameter(new float[]{1f}, 1);
        Parameter unused = new Parameter(new float[]{3f}, 1);
        Optimizer opt = new Adam(List.of(used, unused), 0.1);
        used.mul(used).sum().backward();
        opt.step();
        assertThat(unused.item()).isEqualTo(3f);
        assertThat(used.item()).isCloseTo(0.9f, within(1e-6f));
    }

    @Test
    void zeroGradZeroesTheGradients() {
        Parameter w = new Parameter(new float[]{1f}, 1);
        Optimizer opt = new SGD(List.of(w), 0.1);
        w.mul(w).sum().backward();
        opt.zeroGrad();
        assertThat(w.grad().item()).isZero();
    }

    @Test
    void hyperparametersAreValidated() {
        List<Parameter> p = List.of(new Parameter(new float[]{1f}, 1));
        assertThatThrownBy(() -> new SGD(p, -0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD: lr must be > 0, got -0.1");
        assertThatThrownBy(() -> new SGD(p, 0.1, 1.0, false, 0)).hasMessage("SGD: momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new SGD(p, 0.1, 0, true, 0)).hasMessage("SGD: nesterov needs momentum > 0, got momentum 0.0");
        assertThatThrownBy(() -> new SGD(p, 0.1, 0.9, false, -1)).hasMessage("SGD: weightDecay must be >= 0, got -1.0");
        assertThatThrownBy(() -> new Adam(p, 0.1, 0.9, 1.0, 1e-8)).hasMessage("Adam: beta2 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(p, 0.1, 0.9, 0.999, 0)).hasMessage("Adam: eps must be > 0, got 0.0");
        assertThatThrownBy(() -> new AdamW(p, Double.NaN, 0.01)).hasMessage("AdamW: lr must be > 0, got NaN");
        assertThatThrownBy(() -> new RMSProp(p, 0)).hasMessage("RMSProp: lr must be > 0, got 0.0");
        assertThatThrownBy(() -> new AdaGrad(List.of(), 0.1)).hasMessage("AdaGrad: needs at least one parameter, got none");
        assertThatThrownBy(() -> new SGD(List.of(Tensor.zeros(1)), 0.1))
                .hasMessage("SGD: parameter 0 is null or does not require a gradient");
        Optimizer opt = new SGD(p, 0.1);
        opt.setLr(0.5);
        assertThat(opt.lr()).isEqualTo(0.5);
        assertThatThrownBy(() -> opt.setLr(0)).hasMessage("SGD: lr must be > 0, got 0.0");
    }
}
