package dev.jgrad.tensor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seeds' gradient-flow patterns and the autograd API's contract. */
class AutogradPatternsTest {

    @Test
    void addDistributesTheGradient() {
        Tensor a = Tensor.scalar(2).requiresGrad(true);
        Tensor b = Tensor.scalar(3).requiresGrad(true);
        a.add(b).mul(5f).backward();
        assertThat(a.grad().item()).isEqualTo(5f);
        assertThat(b.grad().item()).isEqualTo(5f);
    }

    @Test
    void mulSwapsTheInputs() {
        Tensor a = Tensor.scalar(2).requiresGrad(true);
        Tensor b = Tensor.scalar(-7).requiresGrad(true);
        a.mul(b).backward();
        assertThat(a.grad().item()).isEqualTo(-7f);
        assertThat(b.grad().item()).isEqualTo(2f);
    }

    @Test
    void maxRoutesTheGradientToTheWinner() {
        Tensor a = Tensor.scalar(4).requiresGrad(true);
        Tensor b = Tensor.scalar(1).requiresGrad(true);
        a.maximum(b).mul(3f).backward();
        assertThat(a.grad().item()).isEqualTo(3f);
        assertThat(b.grad().item()).isEqualTo(0f);

        Tensor v = Tensor.vector(1, 9, 3).requiresGrad(true);
        v.max(0, false).backward();
        assertThat(v.grad().toArray()).containsExactly(0f, 1f, 0f);
    }

    @Test
    void fanOutAccumulates() {
        // the copy gate is a gradient adder: x used twice gets both contributions
        Tensor x = Tensor.scalar(3).requiresGrad(true);
        x.mul(x).add(x).backward(); // d(x^2 + x)/dx = 2x + 1 = 7
        assertThat(x.grad().item()).isEqualTo(7f);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        x.mul(2f).backward();
        x.mul(2f).backward();
        assertThat(x.grad().item()).isEqualTo(4f);
        x.zeroGrad();
        assertThat(x.grad().item()).isEqualTo(0f);
    }

    @Test
    void noGradAndDetachRecordNothing() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        try (var s = Tensor.noGrad()) {
            assertThat(Tensor.isGradEnabled()).isFalse();
            assertThat(x.mul(3f).requiresGrad()).isFalse();
        }
        assertThat(Tensor.isGradEnabled()).isTrue();
        assertThat(x.detach().mul(3f).requiresGrad()).isFalse();
        assertThat(x.mul(3f).requiresGrad()).isTrue();
        assertThat(x.mul(3f).op()).isEqualTo("mul 3");
        assertThat(x.mul(x).op()).isEqualTo("mul");
    }

    @Test
    void backwardNeedsAScalarOrAnUpstreamGradient() {
        Tensor x = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y = x.mul(2f);
        assertThatThrownBy(y::backward).hasMessageContaining("shape [2, 2]");
        assertThatThrownBy(() -> y.backward(Tensor.ones(3))).hasMessageContaining("[3]").hasMessageContaining("[2, 2]");
        y.backward(Tensor.ones(2, 2));
        assertThat(x.grad().toArray()).containsOnly(2f);
        assertThatThrownBy(() -> Tensor.ones(1).backward()).hasMessageContaining("does not require a gradient");
    }

    @Test
    void broadcastGradientsSumOverBroadcastDimensions() {
        Tensor m = Tensor.ones(3, 4).requiresGrad(true);
        Tensor bias = Tensor.vector(1, 2, 3, 4).requiresGrad(true);
        m.add(bias).sum().backward();
        assertThat(bias.grad().toArray()).containsOnly(3f);
        assertThat(m.grad().toArray()).containsOnly(1f);
    }

    @Test
    void deepGraphsDoNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(0f);
        }
        y.backward();
        assertThat(x.grad().item()).isEqualTo(1f);
    }
}
