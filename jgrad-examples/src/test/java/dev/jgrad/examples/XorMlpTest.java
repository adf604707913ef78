package dev.jgrad.examples;

import dev.jgrad.nn.Perceptron;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class XorMlpTest {

    @Test
    void perceptronLearnsAndButNotXor() {
        Perceptron.FitResult[] r = XorMlp.perceptron();
        assertThat(r[0].converged()).isTrue();
        assertThat(r[1].converged()).isFalse();
        assertThat(r[1].message()).containsIgnoringCase("not linearly separable");
    }

    @Test
    void mlpLearnsXor() {
        float[] out = XorMlp.mlp(42, 500);
        assertThat(out).containsExactly(new float[]{0, 1, 1, 0}, within(0.1f));
    }
}
