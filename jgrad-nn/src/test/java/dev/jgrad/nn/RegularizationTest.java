package dev.jgrad.nn;

import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.testing.Grads;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RegularizationTest {

    private final Parameter a = new Parameter(new float[]{1, -2, 3}, 3);
    private final Parameter b = new Parameter(new float[]{-0.5f}, 1);

    @Test
    void l1AndL2Penalties() {
        assertThat(Regularization.l1(List.of(a, b), 0.1f).item()).isCloseTo(0.65f, within(1e-6f));
        assertThat(Regularization.l2(List.of(a, b), 0.1f).item()).isCloseTo(1.425f, within(1e-6f));
        assertThat(Regularization.l2(List.of(), 0.1f).item()).isZero();
    }

    @Test
    void penaltyGradientsAreRateTimesSignAndTwoRateW() {
        Regularization.l1(List.of(a, b), 0.1f).backward();
        assertThat(a.grad().toArray()).containsExactly(0.1f, -0.1f, 0.1f);
        a.clearGrad();
        Regularization.l2(List.of(a), 0.1f).backward();
        assertThat(a.grad().toArray()).containsExactly(0.2f, -0.4f, 0.6f);
        a.clearGrad();
        Grads.assertScalarGradients(() -> Regularization.l2(List.of(a, b), 0.3f), Map.of("a", a, "b", b));
    }

    @Test
    void decoupledDecayShrinksWeightsInPlace() {
        Regularization.decay(List.of(a), 0.1f);
        assertThat(a.toArray()).usingComparatorWithPrecision(1e-6f).containsExactly(0.9f, -1.8f, 2.7f);
        assertThatThrownBy(() -> Regularization.decay(List.of(a), 1f)).hasMessage("decay: factor must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Regularization.l1(List.of(a), -1f)).hasMessage("l1: rate must be >= 0 and finite, got -1.0");
    }

    @Test
    void weightsOfSkipsBiases() {
        Sequential m = new Sequential(new Linear(2, 3, Initializers.zeros(), new Random(0)), new ReLU(),
                new Linear(3, 1, new Random(0)));
        assertThat(Regularization.weightsOf(m)).containsExactly(
                m.namedParameters().get("0.weight"), m.namedParameters().get("2.weight"));
        assertThat(Tensor.scalar(1f).add(Regularization.l2(Regularization.weightsOf(m), 0f)).item()).isEqualTo(1f);
    }

    @Test
    void penaltiesAreACatalogByName() {
        List<Tensor> ps = List.of(Tensor.of(new float[]{1f, -2f}, 2));
        assertThat(Regularization.of("L2", ps, 0.5).item()).isEqualTo(2.5f);
        assertThat(Regularization.of("lasso", ps, 0.5).item()).isEqualTo(1.5f);
        assertThat(Regularization.of("none", ps, 0.5).item()).isEqualTo(0f);
        assertThat(Regularization.entries()).extracting(e -> e.name()).containsExactly("none", "l1", "l2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Regularization.of("l3", ps, 0.5))
                .hasMessageStartingWith("unknown regularization 'l3'; choose one of none, l1");
    }
}
