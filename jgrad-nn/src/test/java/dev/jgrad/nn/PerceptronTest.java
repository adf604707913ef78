package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerceptronTest {

    private static final Tensor INPUTS = Tensor.of(new float[]{0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);

    @Test
    void learnsAnd() {
        Perceptron p = new Perceptron(2);
        Perceptron.FitResult r = p.fit(INPUTS, Tensor.of(new float[]{0, 0, 0, 1}, 4), 1f, 100);
        assertThat(r.converged()).isTrue();
        assertThat(r.errorsPerEpoch().get(r.epochs() - 1)).isZero();
        assertThat(r.message()).startsWith("converged after");
        assertThat(p.forward(INPUTS).toArray()).containsExactly(0f, 0f, 0f, 1f);
        // By hand (zero start, lr 1, samples in order): mistakes per epoch 2, 3, 3, 2, 1, 0; w = (2, 1), b = -3.
        assertThat(r.errorsPerEpoch()).containsExactly(2, 3, 3, 2, 1, 0);
        assertThat(p.weight().toArray()).containsExactly(2f, 1f);
        assertThat(p.bias().item()).isEqualTo(-3f);
    }

    @Test
    void learnsOr() {
        Perceptron p = new Perceptron(2);
        Perceptron.FitResult r = p.fit(INPUTS, Tensor.of(new float[]{0, 1, 1, 1}, 4), 0.5f, 100);
        assertThat(r.converged()).isTrue();
        assertThat(r.errorsPerEpoch()).containsExactly(2, 2, 1, 0);
        assertThat(p.weight().toArray()).containsExactly(0.5f, 0.5f);
        assertThat(p.bias().item()).isEqualTo(-0.5f);
        assertThat(p.forward(INPUTS).toArray()).containsExactly(0f, 1f, 1f, 1f);
    }

    @Test
    void neverConvergesOnXorAndSaysSo() {
        Perceptron p = new Perceptron(2);
        Perceptron.FitResult r = p.fit(INPUTS, Tensor.of(new float[]{0, 1, 1, 0}, 4), 1f, 200);
        assertThat(r.converged()).isFalse();
        assertThat(r.epochs()).isEqualTo(200);
        assertThat(r.errorsPerEpoch()).hasSize(200).allMatch(e -> e > 0);
        assertThat(r.message()).contains("no convergence after 200 epochs").contains("not linearly separable");
    }
}
