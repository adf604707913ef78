package dev.jgrad.nn;

import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.testing.Grads;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearTest {

    @Test
    void computesXWTransposePlusB() {
        Linear l = new Linear(3, 2, new Random(0));
        l.weight().copyFrom(Tensor.of(new float[]{1, 2, 3, -1, 0, 1}, 2, 3));
        l.bias().copyFrom(Tensor.of(new float[]{0.5f, -0.5f}, 2));
        Tensor x = Tensor.of(new float[]{1, 1, 1, 2, 0, -1}, 2, 3);
        Tensor z = l.forward(x);
        assertThat(z.shape()).containsExactly(2, 2);
        // [1,1,1]: 6 + 0.5, 0 - 0.5; [2,0,-1]: 2 - 3 + 0.5, -2 - 1 - 0.5
        assertThat(z.toArray()).containsExactly(6.5f, -0.5f, -0.5f, -3.5f);
        assertThat(l.forward(Tensor.of(new float[]{1, 1, 1}, 3)).toArray()).containsExactly(6.5f, -0.5f);
    }

    @Test
    void withoutBias() {
        Linear l = new Linear(2, 1, false, Initializers.constant(2f), new Random(0));
        assertThat(l.bias()).isNull();
        assertThat(l.namedParameters()).containsOnlyKeys("weight");
        assertThat(l.forward(Tensor.of(new float[]{1, 3}, 1, 2)).item()).isEqualTo(8f);
    }

    @Test
    void defaultInitIsSeededGlorotUniformWithZeroBias() {
        Linear a = new Linear(30, 20, new Random(7));
        Linear b = new Linear(30, 20, new Random(7));
        assertThat(a.weight().toArray()).containsExactly(b.weight().toArray());
        assertThat(a.bias().toArray()).containsOnly(0f);
        float limit = (float) Math.sqrt(6.0 / 50);
        for (float w : a.weight().toArray()) {
            assertThat(Math.abs(w)).isLessThanOrEqualTo(limit);
        }
        assertThat(new Linear(30, 20, new Random(8)).weight().toArray()).isNotEqualTo(a.weight().toArray());
    }

    @Test
    void validatesArguments() {
        assertThatThrownBy(() -> new Linear(0, 2, new Random(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Linear: in_features must be > 0, got 0");
        assertThatThrownBy(() -> new Linear(2, -1, new Random(0)))
                .hasMessage("Linear: out_features must be > 0, got -1");
        assertThatThrownBy(() -> new Linear(2, 2, null)).hasMessage("Linear: rng must not be null");
        Linear l = new Linear(3, 2, new Random(0));
        assertThatThrownBy(() -> l.forward(Tensor.zeros(4, 2)))
                .hasMessage("Linear(in_features=3, out_features=2): expected input [n, 3], got [4, 2]");
    }

    @Test
    void gradientsMatchCenteredDifferences() {
        Linear l = new Linear(3, 2, Initializers.normal(0, 1), new Random(3));
        l.bias().copyFrom(Tensor.of(new float[]{0.1f, -0.2f}, 2));
        Tensor x = Tensor.randn(new Random(4), 4, 3).requiresGrad(true);
        Map<String, Tensor> vars = Map.of("weight", l.weight(), "bias", l.bias(), "x", x);
        Grads.assertScalarGradients(() -> l.forward(x).tanh().sum(), vars);
    }

    @Test
    void gradientOfSumIsInputColumnSumsAndOnes() {
        Linear l = new Linear(2, 1, Initializers.constant(0.5f), new Random(0));
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2);
        l.forward(x).sum().backward();
        assertThat(l.weight().grad().toArray()).containsExactly(4f, 6f);
        assertThat(l.bias().grad().item()).isCloseTo(2f, within(0f));
    }
}
